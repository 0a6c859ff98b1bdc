"""Adapters: files, database, mail, HTTP. They translate between the world and the domain."""
