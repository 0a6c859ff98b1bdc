"""The installation's secret key: from CALENDAR_SECRET_KEY, or a file made once, readable by
its owner only."""

from __future__ import annotations

import base64
import hashlib
import hmac
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


class CredentialSealer:
    """Seals credentials (a robot's webhook URL and secret) for the database with a key
    derived from the installation's secret key: Fernet (AES-128-CBC and HMAC-SHA256, from the
    `cryptography` package), so a sealed value cannot be read or altered without the key.
    `fingerprint` is an HMAC-SHA256 of the value under another derived key, to find it again."""

    def __init__(self, key: bytes) -> None:
        from cryptography.fernet import Fernet  # noqa: PLC0415

        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(key, b"credentials")))
        self._mac_key = _derive(key, b"credential fingerprints")

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode("ascii")

    def unseal(self, sealed: str) -> str:
        """The value; ValueError when it was sealed under another key (or altered)."""
        from cryptography.fernet import InvalidToken  # noqa: PLC0415

        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode()
        except (InvalidToken, UnicodeError):
            raise ValueError("sealed under another key, or altered") from None

    def fingerprint(self, text: str) -> str:
        return hmac.new(self._mac_key, text.encode(), hashlib.sha256).hexdigest()


def _derive(key: bytes, purpose: bytes) -> bytes:
    """32 bytes for one purpose from the installation's key (HMAC-SHA256 as the KDF: the key
    is random, so one extraction step is all HKDF would add)."""
    return hmac.new(key, b"calendar-service " + purpose, hashlib.sha256).digest()
