"""The composition root: builds the catalog, engine and repository from settings, on demand."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Catalog
from calendar_service.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from calendar_service.adapters.db.repository import Repository
    from calendar_service.adapters.db.schema import Migrations

SchemaPolicy = Literal["require", "upgrade", "as-is"]


class Container:
    """What a command needs, built once and only when asked for (nothing at import).

    `schema` says what the engine does with a database whose schema is not the code's: `run`
    upgrades it ("upgrade"), the `db` commands look at it as it is ("as-is"), and every other
    command refuses it ("require": a new, empty database is created at the head).
    """

    def __init__(self, settings: Settings, schema: SchemaPolicy = "require") -> None:
        self.settings = settings
        self.schema = schema

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.settings.catalog_path)

    @cached_property
    def catalog_stamp(self) -> dt.datetime:
        """When the catalog last changed: the DTSTAMP and Last-Modified of feeds built from it."""
        mtime = int(self.settings.catalog_path.stat().st_mtime)
        return dt.datetime.fromtimestamp(mtime, tz=dt.UTC)

    @cached_property
    def engine(self) -> Engine:
        # Imported here so that commands without a database never load SQLAlchemy.
        from calendar_service.adapters.db.engine import (  # noqa: PLC0415
            check_connection,
            make_engine,
        )

        engine = make_engine(self.settings.database_url)
        check_connection(engine)
        if self.schema == "upgrade":
            self.migrations.upgrade(engine)
        elif self.schema == "require":
            self.migrations.require_current(engine)
        return engine

    @cached_property
    def migrations(self) -> Migrations:
        from calendar_service.adapters.db.schema import default_migrations  # noqa: PLC0415

        return default_migrations()

    @cached_property
    def repository(self) -> Repository:
        from calendar_service.adapters.db.repository import Repository  # noqa: PLC0415

        return Repository(self.engine)
