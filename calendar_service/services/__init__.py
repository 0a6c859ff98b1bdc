"""Use cases: they take their ports (repository, catalog) and time as arguments."""
