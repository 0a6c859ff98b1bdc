"""Links in mails, signed with the installation's key: the database keeps no token for them.

An unsubscribe link's token is `{subscription id}.{mac}`; a subscriber's private feed link is
`{subscription id}.{generation}.{mac}`, the generation being the store's count of feed
revocations, so revoking the store's feed URLs ends the links of mails already sent too (the
next mail carries a new one). The mac is HMAC-SHA256 with the key over the link's purpose and
numbers, in base64url. A recipient's link (its preferences page, and the unsubscribe link that ends
all of its subscriptions) names an address, not a subscription: its token is
`r.{the address in base64url}.{mac}`, the mac over the purpose and the address. Its first part is
never a number, so it is neither of the others, and it has dots, so it is no release-0.1.0 token.
A mail composed on any daemon carries the same links, and someone who
reads the database (or a backup of it) cannot forge one.

Unsubscribe links in mails sent by release 0.1.0 carry a random token of their own; the
database keeps its sha256, and `unsubscribe_by_link` still honours them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass, field
from typing import Protocol

PURPOSE = "mail-links"  # the key's fingerprint is kept in the database under this name
_MAX_DIGITS = 18  # a BIGINT; longer is not one of ours, and int() of it is not free
RECIPIENT = "r"  # a recipient token's first part
# An address is at most 254 characters: 340 in base64url, with the rest under 400.
MAX_RECIPIENT_TOKEN = 400
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class SignedLinks:
    """Makes and checks the tokens of the links in mails with one key."""

    key: bytes = field(repr=False)

    def unsubscribe_token(self, subscription_id: int) -> str:
        return f"{subscription_id}.{self._mac('unsubscribe', subscription_id)}"

    def subscription_id(self, token: str) -> int | None:
        """The subscription an unsubscribe token was made for; None when this key made none."""
        numbers = self._check("unsubscribe", token, 1)
        return None if numbers is None else numbers[0]

    def feed_token(self, subscription_id: int, generation: int) -> str:
        mac = self._mac("feed", subscription_id, generation)
        return f"{subscription_id}.{generation}.{mac}"

    def feed_of(self, token: str) -> tuple[int, int] | None:
        """(subscription id, generation) of a feed token; None when this key made none."""
        numbers = self._check("feed", token, 2)
        return None if numbers is None else (numbers[0], numbers[1])

    def recipient_token(self, email: str) -> str:
        """The token of a recipient's links: pass the address as stored (the subscriptions')."""
        payload = _b64(email.encode("utf-8"))
        return f"{RECIPIENT}.{payload}.{self._recipient_mac(email)}"

    def recipient_of(self, token: str) -> str | None:
        """The address a recipient token was made for; None when this key made none."""
        if len(token) > MAX_RECIPIENT_TOKEN:
            return None
        parts = token.split(".")
        if len(parts) != 3 or parts[0] != RECIPIENT or not _BASE64URL.fullmatch(parts[1]):
            return None
        try:
            email = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)).decode()
        except (ValueError, UnicodeDecodeError):  # binascii.Error is a ValueError
            return None
        given = token.encode("utf-8", "surrogatepass")  # compare_digest takes any bytes
        expected = self.recipient_token(email).encode()  # also refuses other spellings of it
        return email if hmac.compare_digest(given, expected) else None

    @property
    def fingerprint(self) -> str:
        """Names the key without revealing it: daemons sharing a database must share the key."""
        return hmac.new(self.key, b"fingerprint", hashlib.sha256).hexdigest()

    def _check(self, purpose: str, token: str, count: int) -> tuple[int, ...] | None:
        *digits, mac = token.split(".")
        if len(digits) != count or not all(_is_number(d) for d in digits):
            return None
        numbers = tuple(map(int, digits))
        given = mac.encode("utf-8", "surrogatepass")  # compare_digest takes any bytes
        expected = self._mac(purpose, *numbers).encode()
        return numbers if hmac.compare_digest(given, expected) else None

    def _mac(self, purpose: str, *numbers: int) -> str:
        message = ":".join([purpose, *map(str, numbers)]).encode()
        return _b64(hmac.new(self.key, message, hashlib.sha256).digest())

    def _recipient_mac(self, email: str) -> str:
        # Its own purpose: "recipient:" never starts an unsubscribe's or a feed's message.
        message = b"recipient:" + email.encode("utf-8")
        return _b64(hmac.new(self.key, message, hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS


def legacy_token_hash(token: str) -> str:
    """What the database keeps of a release-0.1.0 unsubscribe token: its sha256, in hex."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Unsubscriber(Protocol):
    def end_subscription(self, subscription_id: int, now: dt.datetime) -> bool: ...

    def end_subscription_by_token_hash(self, token_hash: str, now: dt.datetime) -> bool: ...


def unsubscribe_by_link(
    signer: SignedLinks, subscriptions: Unsubscriber, token: str, now: dt.datetime
) -> bool:
    """End the subscription a link names, at once and again harmlessly; False when unknown."""
    subscription_id = signer.subscription_id(token)
    if subscription_id is not None:
        return subscriptions.end_subscription(subscription_id, now)
    if "." in token or len(token) > 100:  # signed but not by this key, or not a token at all
        return False
    return subscriptions.end_subscription_by_token_hash(legacy_token_hash(token), now)
