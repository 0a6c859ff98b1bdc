"""One-click unsubscribe links, signed with the installation's key: the database keeps no token.

A link's token is `{subscription id}.{HMAC-SHA256(key, "unsubscribe:{id}")}` in base64url, so
a mail composed on any daemon carries the same link, and someone who reads the database (or a
backup of it) cannot forge one. Links in mails sent by release 0.1.0 carry a random token of
their own; the database keeps its sha256, and `unsubscribe` still honours them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Protocol

PURPOSE = "unsubscribe"  # the key's fingerprint is kept in the database under this name
_MAX_ID_DIGITS = 18  # a BIGINT; longer is not one of ours, and int() of it is not free


@dataclass(frozen=True)
class UnsubscribeTokens:
    """Makes and checks the tokens of unsubscribe links with one key."""

    key: bytes = field(repr=False)

    def token(self, subscription_id: int) -> str:
        return f"{subscription_id}.{self._mac(subscription_id)}"

    def subscription_id(self, token: str) -> int | None:
        """The subscription a token was made for; None when it is not one this key made."""
        ident, dot, mac = token.partition(".")
        if not dot or not (ident.isascii() and ident.isdigit()) or len(ident) > _MAX_ID_DIGITS:
            return None
        subscription_id = int(ident)
        given = mac.encode("utf-8", "surrogatepass")  # compare_digest takes any bytes
        return (
            subscription_id
            if hmac.compare_digest(given, self._mac(subscription_id).encode())
            else None
        )

    @property
    def fingerprint(self) -> str:
        """Names the key without revealing it: daemons sharing a database must share the key."""
        return hmac.new(self.key, b"fingerprint", hashlib.sha256).hexdigest()

    def _mac(self, subscription_id: int) -> str:
        message = f"{PURPOSE}:{subscription_id}".encode()
        digest = hmac.new(self.key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def legacy_token_hash(token: str) -> str:
    """What the database keeps of a release-0.1.0 token: its sha256, in hex."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Unsubscriber(Protocol):
    def end_subscription(self, subscription_id: int, now: dt.datetime) -> bool: ...

    def end_subscription_by_token_hash(self, token_hash: str, now: dt.datetime) -> bool: ...


def unsubscribe_by_link(
    tokens: UnsubscribeTokens, subscriptions: Unsubscriber, token: str, now: dt.datetime
) -> bool:
    """End the subscription a link names, at once and again harmlessly; False when unknown."""
    subscription_id = tokens.subscription_id(token)
    if subscription_id is not None:
        return subscriptions.end_subscription(subscription_id, now)
    if "." in token or len(token) > 100:  # signed but not by this key, or not a token at all
        return False
    return subscriptions.end_subscription_by_token_hash(legacy_token_hash(token), now)
