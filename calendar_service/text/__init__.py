"""Text for people: what the CLI prints and the API answers about the catalog.

It imports the domain only, so every outer layer (entrypoints, api, dashboard, mail) can share it.
"""
