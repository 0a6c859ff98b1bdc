"""Errors a user can meet: each says what is wrong, where, and what to do."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or settings. The CLI prints the message and exits non-zero, no traceback."""

    exit_code = 2


class ConfigError(UserError):
    """A bad setting (environment variable or option)."""


class CatalogError(UserError):
    """A catalog file that cannot be used; lists every problem found, each with its key."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(
            f"{path}: the activity catalog is not valid ({len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''}); fix these keys and start again:\n{lines}"
        )


class UnknownStoreError(UserError):
    """Data or a request names a store the database does not know."""

    exit_code = 1


class DatabaseError(UserError):
    """The database named by the settings cannot be used."""
