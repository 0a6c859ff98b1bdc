"""CALENDAR_SMTP_URL, parsed: `smtp://user:pass@host:587?starttls=1`, `smtps://user:pass@host`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from calendar_service.settings import mask_url

Security = Literal["starttls", "tls", "none"]
DEFAULT_TIMEOUT = 30.0
_SETTING = "CALENDAR_SMTP_URL"
_EXAMPLES = "use smtp://user:pass@host:587?starttls=1 or smtps://user:pass@host:465"
_FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: Security = "none"
    timeout: float = DEFAULT_TIMEOUT


def parse_smtp_url(url: str) -> SmtpConfig:
    """`smtp://[user:pass@]host[:25][?starttls=1][&timeout=30]` or `smtps://…[:465]`.

    User and password are percent-decoded. ValueError names CALENDAR_SMTP_URL, never the password.
    """

    def bad(problem: str) -> ValueError:
        return ValueError(f"{_SETTING}={mask_url(url)!r}: {problem}")

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise bad(f"{e}; {_EXAMPLES}") from None
    if parts.scheme not in ("smtp", "smtps"):
        raise bad(f"the scheme must be smtp or smtps; {_EXAMPLES}")
    if not parts.hostname:
        raise bad(f"name the server host; {_EXAMPLES}")
    if parts.path not in ("", "/") or parts.fragment:
        raise bad(f"nothing may follow the host and port but ?options; {_EXAMPLES}")
    if parts.username is not None and parts.password is None:
        raise bad("give the password with the user: smtp://user:pass@host (percent-encode @ : /)")
    options: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in ("starttls", "timeout") or key in options:
            raise bad(f"unknown or repeated option {key!r}; the options are starttls=1, timeout=30")
        options[key] = value
    starttls = _FLAGS.get(options.get("starttls", "0").lower())
    if starttls is None:
        raise bad("starttls must be 1 or 0")
    if parts.scheme == "smtps" and starttls:
        raise bad("smtps:// is TLS from the start; drop ?starttls=1 (or use smtp://…:587)")
    try:
        timeout = float(options.get("timeout", DEFAULT_TIMEOUT))
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= 600:  # also rejects nan
        raise bad("timeout must be a number of seconds, more than 0 and at most 600")
    tls = parts.scheme == "smtps"
    return SmtpConfig(
        host=parts.hostname,
        port=port or (465 if tls else 25),
        username=None if parts.username is None else unquote(parts.username),
        password=None if parts.password is None else unquote(parts.password),
        security="tls" if tls else "starttls" if starttls else "none",
        timeout=timeout,
    )
