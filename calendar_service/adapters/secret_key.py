"""The installation's secret key: from CALENDAR_SECRET_KEY, or a file made once, readable by
its owner only."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import SecretStr

from calendar_service.errors import ConfigError

MIN_LENGTH = 32


def load_secret_key(given: SecretStr | None, path: Path) -> bytes:
    """The key given, else the file's (made when missing); ConfigError saying what to do when
    it cannot be read or made."""
    if given is not None:
        return given.get_secret_value().strip().encode()
    try:
        return _read(path)
    except FileNotFoundError:
        return _create(path)


def _read(path: Path) -> bytes:
    try:
        key = path.read_bytes().strip()
    except FileNotFoundError:
        raise
    except OSError as e:
        raise ConfigError(
            f"{path}: cannot read the secret key ({e.strerror}); give this user read access, "
            "or set CALENDAR_SECRET_KEY_FILE to another file, or CALENDAR_SECRET_KEY"
        ) from None
    if len(key) < MIN_LENGTH:
        raise ConfigError(
            f"{path}: the secret key is {len(key)} bytes, it needs at least {MIN_LENGTH}; "
            "delete the file to have a new key made (the unsubscribe links of mails already "
            "sent then stop working) or write the key the other daemons use into it"
        )
    return key


def _create(path: Path) -> bytes:
    """Write a new key under a temporary name, then link it into place: a second process
    making one at the same moment finds the first one's, never a half-written file."""
    key = secrets.token_urlsafe(32).encode()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(key + b"\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return _read(path)
    except OSError as e:
        raise ConfigError(
            f"{path}: cannot make the secret key file ({e.strerror}); set "
            "CALENDAR_SECRET_KEY_FILE to a writable place, or CALENDAR_SECRET_KEY"
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return key
