"""Alembic migrations of the service's schema; `calendar_service.adapters.db.schema` runs them.

Each schema change gets a revision in `versions/`, written with `render_as_batch` in mind: on
SQLite a changed column is a table rebuild (`op.batch_alter_table`), so name every constraint
(`NAMING` in tables.py) and keep data conversions inside the revision. `make test` fails when the
models in tables.py and the revisions disagree.
"""
