"""Typed settings from `CALENDAR_` environment variables, validated at start."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from calendar_service.errors import ConfigError
from calendar_service.mail.message import sender_header

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not an IANA time zone, e.g. Asia/Shanghai") from None
    return name


def _database_url(url: str) -> str:
    scheme = urlsplit(url).scheme
    if not (scheme.startswith("sqlite") or scheme.startswith("postgresql")):
        raise ValueError(
            "use sqlite:///path/to/file.db or postgresql+psycopg://user@host:5432/dbname"
        )
    if scheme in {"postgresql", "postgres"}:
        raise ValueError("name the driver: postgresql+psycopg://…")
    return url


def _smtp_url(url: str | None) -> str | None:
    if url in (None, ""):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("use smtp://user:pass@host:587?starttls=1 or smtps://user:pass@host:465")
    return url


def _mail_from(sender: str | None) -> str | None:
    if sender is not None:
        sender_header(sender)  # a ValueError saying what is wrong
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

    database_url: Annotated[str, AfterValidator(_database_url)] = "sqlite:///var/calendar.db"
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


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
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
