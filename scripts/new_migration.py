"""Draft the next schema revision from the difference between the models and the migrations.

    .venv/bin/python scripts/new_migration.py "hash unsubscribe tokens"

It runs every revision on a scratch SQLite database, lets Alembic compare that with the models in
calendar_service/adapters/db/tables.py, and writes the draft into migrations/versions/ with the
next number. Read the draft: add the data conversion, check it on PostgreSQL (`make test`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from calendar_service.adapters.db.schema import default_migrations


def main(message: str) -> None:
    migrations = default_migrations()
    number = f"{int(migrations.head) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'scratch.db'}")
        with engine.begin() as connection:
            migrations.config.attributes["connection"] = connection
            command.upgrade(migrations.config, "head")
            command.revision(migrations.config, message=message, autogenerate=True, rev_id=number)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
