"""Typed settings from `CALENDAR_` environment variables, validated at start.

The one place the service reads its configuration, and the one check of each value: the adapters
(the database engine, the SMTP transport) take these values and trust them. It imports nothing of
the project but `errors`, so every layer above the domain may import it.
"""

from __future__ import annotations

import email.errors
import re
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from calendar_service.errors import ConfigError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "sqlite:///var/calendar.db"
DATABASE_EXAMPLES = f"{DEFAULT_DATABASE_URL} or postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME"


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not an IANA time zone, e.g. Asia/Shanghai") from None
    return name


def check_database_url(url: str) -> str:
    """`url` as the engine takes it: SQLite or PostgreSQL, and a PostgreSQL URL that names no
    driver (`postgresql://`, `postgres://`) gets psycopg, the driver the service installs.
    ValueError saying what to write instead for any other database."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        scheme = ""
    backend, _, driver = scheme.partition("+")
    if backend in ("postgresql", "postgres"):
        return f"postgresql+{driver or 'psycopg'}{url[len(scheme) :]}"
    if backend != "sqlite":
        raise ValueError(f"use SQLite or PostgreSQL, e.g. {DATABASE_EXAMPLES}")
    return url


SmtpSecurity = Literal["starttls", "tls", "none"]
SMTP_TIMEOUT = 30.0
_SMTP_EXAMPLES = "use smtp://user:pass@host:587?starttls=1 or smtps://user:pass@host:465"
_FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


@dataclass(frozen=True)
class SmtpConfig:
    """CALENDAR_SMTP_URL, parsed: what the SMTP transport connects with."""

    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: SmtpSecurity = "none"
    timeout: float = SMTP_TIMEOUT


def parse_smtp_url(url: str) -> SmtpConfig:
    """`smtp://[user:pass@]host[:25][?starttls=1][&timeout=30]` or `smtps://…[:465]`.

    User and password are percent-decoded. ValueError names CALENDAR_SMTP_URL, never the password.
    """
    try:
        return _smtp_config(url)
    except ValueError as e:
        raise ValueError(f"CALENDAR_SMTP_URL={mask_url(url)!r}: {e}") from None


def _smtp_config(url: str) -> SmtpConfig:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise ValueError(f"{e}; {_SMTP_EXAMPLES}") from None
    if parts.scheme not in ("smtp", "smtps"):
        raise ValueError(f"the scheme must be smtp or smtps; {_SMTP_EXAMPLES}")
    if not parts.hostname:
        raise ValueError(f"name the server host; {_SMTP_EXAMPLES}")
    if parts.path not in ("", "/") or parts.fragment:
        raise ValueError(f"nothing may follow the host and port but ?options; {_SMTP_EXAMPLES}")
    if parts.username is not None and parts.password is None:
        raise ValueError(
            "give the password with the user: smtp://user:pass@host (percent-encode @ : /)"
        )
    options: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in ("starttls", "timeout") or key in options:
            raise ValueError(
                f"unknown or repeated option {key!r}; the options are starttls=1, timeout=30"
            )
        options[key] = value
    starttls = _FLAGS.get(options.get("starttls", "0").lower())
    if starttls is None:
        raise ValueError("starttls must be 1 or 0")
    if parts.scheme == "smtps" and starttls:
        raise ValueError("smtps:// is TLS from the start; drop ?starttls=1 (or use smtp://…:587)")
    try:
        timeout = float(options.get("timeout", SMTP_TIMEOUT))
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= 600:  # also rejects nan
        raise ValueError("timeout must be a number of seconds, more than 0 and at most 600")
    tls = parts.scheme == "smtps"
    return SmtpConfig(
        host=parts.hostname,
        port=port or (465 if tls else 25),
        username=None if parts.username is None else unquote(parts.username),
        password=None if parts.password is None else unquote(parts.password),
        security="tls" if tls else "starttls" if starttls else "none",
        timeout=timeout,
    )


def _smtp_url(url: str | None) -> str | None:
    if url in (None, ""):
        return None
    _smtp_config(url)  # the transport's own parse: a URL taken here is one it can use
    return url


def mailbox(text: str) -> tuple[str, str]:
    """The display name and the address of `名称 <reminders@example.com>` (or of a bare
    address); ValueError saying what is wrong when it is no ASCII email address."""
    name, address = parseaddr(text)
    if "@" not in address:
        raise ValueError(f"{text!r} has no email address; write 名称 <reminders@example.com>")
    if not address.isascii():
        raise ValueError(f"the address {address!r} is not ASCII (SMTPUTF8 is not used)")
    try:
        Address(display_name=name, addr_spec=address)
    except (ValueError, LookupError, email.errors.MessageError) as error:  # what its parser raises
        raise ValueError(f"the address {address!r}: {error}") from None
    return name, address


def _mail_from(sender: str | None) -> str | None:
    if sender is not None:
        mailbox(sender)
    return sender


def _secret_key(key: SecretStr | None) -> SecretStr | None:
    if key is not None and len(key.get_secret_value().strip()) < 32:
        raise ValueError(
            "too short: use at least 32 random characters, e.g. from "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return key


def _base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("use the address people open, e.g. https://calendar.example.com")
    return url.rstrip("/")


class Settings(BaseSettings):
    """Every setting of the service; the single source of truth for options."""

    model_config = SettingsConfigDict(env_prefix="CALENDAR_", extra="ignore", frozen=True)

    database_url: Annotated[str, AfterValidator(check_database_url)] = DEFAULT_DATABASE_URL
    smtp_url: Annotated[str | None, AfterValidator(_smtp_url)] = None
    base_url: Annotated[str, AfterValidator(_base_url)] = "http://127.0.0.1:8000"
    timezone: Annotated[str, AfterValidator(_timezone)] = "Asia/Shanghai"
    catalog_path: Path = PROJECT_DIR / "data" / "activities.toml"
    sample_dir: Path = PROJECT_DIR / "data" / "sample"
    outbox_dir: Path = Path("var/outbox")
    # Signs the unsubscribe links in mails. Unset, it is read from secret_key_file, which is
    # made on first use; every daemon sharing a database needs the same key.
    secret_key: Annotated[SecretStr | None, AfterValidator(_secret_key)] = None
    secret_key_file: Path = Path("var/secret.key")
    stale_after_days: int = Field(default=7, ge=1, le=365)
    mail_from: Annotated[str | None, AfterValidator(_mail_from)] = (
        None  # default: 1688活动提醒 <reminders@the base URL's host>
    )
    compose_workers: int = Field(default=1, ge=0, le=32)  # processes composing reminders
    feed_revalidate_seconds: int = Field(default=60, ge=0, le=86400)
    # A client has this long to send a request's headers (slow clients hold no socket longer).
    header_timeout_seconds: float = Field(default=10, gt=0, le=300)
    # Imports (README, "Import limits"): CSV and XLSX are streamed, JSON is read whole.
    import_max_bytes: int = Field(default=1 << 30, ge=1024)
    import_max_json_bytes: int = Field(default=64 << 20, ge=1024)
    api_max_body_bytes: int = Field(default=5 << 20, ge=1024)  # every /api/ request body
    api_max_imports: int = Field(default=2, ge=1, le=64)  # POST /api/snapshots at once; 429 beyond
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @property
    def message_domain(self) -> str:
        """The domain of Message-IDs and of the default sender: the base URL's host."""
        return urlsplit(self.base_url).hostname or "localhost"

    @property
    def sender(self) -> str:
        return self.mail_from or f"1688活动提醒 <reminders@{self.message_domain}>"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def mask_url(url: str | URL) -> str:
    """The URL with any password replaced by ***, for messages and logs; a URL that does not
    parse loses everything before its @ instead."""
    if not isinstance(url, str):  # an engine's URL, which can mask itself
        return url.render_as_string(hide_password=True)
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return re.sub(r"//.*@", "//***@", url)
    if password is None:
        return url
    netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (and CLI overrides); ConfigError names each bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]  # pydantic validates the values
    except ValidationError as e:
        problems = []
        for err in e.errors():
            name = "CALENDAR_" + "_".join(str(p) for p in err["loc"]).upper()
            message = str(err["msg"]).removeprefix("Value error, ")
            shown = err.get("input")
            if isinstance(shown, str) and name.endswith("_URL"):
                shown = mask_url(shown)
            if name.endswith("_SECRET_KEY"):
                shown = "***"
            problems.append(f"  {name}={shown!r}: {message}")
        raise ConfigError(
            "invalid settings; fix these and start again:\n" + "\n".join(problems)
        ) from None
