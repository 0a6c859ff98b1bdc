"""The composition root: builds the catalog, engine and repository from settings, on demand."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.evaluator import Evaluator
from calendar_service.errors import ConfigError
from calendar_service.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from calendar_service.adapters.db.api_keys import ApiKeys
    from calendar_service.adapters.db.dashboard_sessions import DashboardSessions
    from calendar_service.adapters.db.reminder_store import ReminderStore
    from calendar_service.adapters.db.repository import Repository
    from calendar_service.adapters.db.robots import Robots
    from calendar_service.adapters.db.schema import Migrations
    from calendar_service.services.compose import Composer, InlineComposer, MailReader
    from calendar_service.services.delivery import Channels
    from calendar_service.services.preview import Preview
    from calendar_service.services.signed_links import SignedLinks

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
    def evaluator(self) -> Evaluator:
        """The evaluator of the process's requests: its rulebooks, plans and memos are kept
        (bounded) from one request to the next."""
        return Evaluator()

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
    def secret_key(self) -> bytes:
        from calendar_service.adapters.secret_key import load_secret_key  # noqa: PLC0415

        return load_secret_key(self.settings.secret_key, self.settings.secret_key_file)

    @cached_property
    def robots(self) -> Robots:
        """The group robots, their webhooks sealed with the installation's key."""
        from calendar_service.adapters.db.robots import Robots  # noqa: PLC0415
        from calendar_service.adapters.secret_key import CredentialSealer  # noqa: PLC0415

        self.signed_links  # the key checked against the database's first  # noqa: B018
        return Robots(self.engine, CredentialSealer(self.secret_key))

    @cached_property
    def signed_links(self) -> SignedLinks:
        """The signer of the links in mails (unsubscribe, private feed); ConfigError when the
        database knows another key."""
        from calendar_service.services.signed_links import PURPOSE, SignedLinks  # noqa: PLC0415

        settings = self.settings
        tokens = SignedLinks(self.secret_key)
        now = dt.datetime.now(dt.UTC)
        if not self.repository.check_signing_key(PURPOSE, tokens.fingerprint, now):
            where = (
                "CALENDAR_SECRET_KEY"
                if settings.secret_key is not None
                else f"the key file {settings.secret_key_file}"
            )
            raise ConfigError(
                f"{where} is not the key the links in this database's mails were signed with; "
                "give every daemon and command that shares the database the same "
                "CALENDAR_SECRET_KEY (or the same key file)"
            )
        return tokens

    @cached_property
    def repository(self) -> Repository:
        from calendar_service.adapters.db.repository import Repository  # noqa: PLC0415

        return Repository(self.engine)

    @cached_property
    def reminder_store(self) -> ReminderStore:
        from calendar_service.adapters.db.reminder_store import ReminderStore  # noqa: PLC0415

        return ReminderStore(self.engine)

    @cached_property
    def api_keys(self) -> ApiKeys:
        from calendar_service.adapters.db.api_keys import ApiKeys  # noqa: PLC0415

        return ApiKeys(self.engine)

    @cached_property
    def dashboard_sessions(self) -> DashboardSessions:
        from calendar_service.adapters.db.dashboard_sessions import (  # noqa: PLC0415
            DashboardSessions,
        )

        return DashboardSessions(self.engine)

    def transport(self) -> Channels:
        """A new connection's worth of every channel: mail (SMTP when set, else the outbox
        Maildir) and the group robots. Each pass opens and closes its own."""
        from calendar_service.mail.transport import make_transport  # noqa: PLC0415
        from calendar_service.robots.transport import RobotTransport  # noqa: PLC0415
        from calendar_service.services.delivery import Channels  # noqa: PLC0415

        mail = make_transport(self.settings.smtp_url, self.settings.outbox_dir)
        return Channels(mail, RobotTransport(self.robots))

    def inline_composer(self, reader: MailReader | None = None) -> InlineComposer:
        """A composer in the calling thread, reading the repository or `reader`."""
        from calendar_service.services.compose import InlineComposer, mail_settings  # noqa: PLC0415

        mail = mail_settings(self.settings, self.signed_links)
        return InlineComposer(self.catalog, reader or self.repository, self.settings.tz, mail)

    def preview(
        self, now: dt.datetime, start: dt.date, end: dt.date, recipient: str | None = None
    ) -> list[Preview]:
        """The preview use case (`services.preview`) over the days [start, end]."""
        from calendar_service.adapters.workdays import ChineseWorkdays  # noqa: PLC0415
        from calendar_service.services.preview import preview  # noqa: PLC0415

        return preview(
            self.catalog,
            self.repository,
            self.reminder_store,
            lambda reader: self.inline_composer(reader).compose_one,
            now,
            self.settings.tz,
            start,
            end,
            dt.timedelta(days=self.settings.stale_after_days),
            ChineseWorkdays(),
            recipient=recipient,
        )

    def composer(self) -> Composer:
        """A composer of reminders (worker processes per the settings); the caller closes it."""
        from calendar_service.services.compose_pool import make_composer  # noqa: PLC0415

        return make_composer(self.settings, self.catalog, self.repository, self.signed_links)
