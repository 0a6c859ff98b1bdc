"""Entrypoints: the CLI and the web app. They only translate to and from the use cases."""
