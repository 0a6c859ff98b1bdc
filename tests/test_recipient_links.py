"""A recipient's signed links (preferences page, unsubscribe from every store): the token names
an address, only this key makes it, and it is never taken for another kind of token."""

from __future__ import annotations

import pytest

from calendar_service.services.recipient_links import (
    preferences_url,
    recipient_unsubscribe_url,
)
from calendar_service.services.signed_links import SignedLinks

KEY = b"0123456789abcdef0123456789abcdef"
SIGNER = SignedLinks(KEY)
URL_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


@pytest.mark.parametrize(
    "email", ["ops@example.com", "a.b+tag@xn--fsqu00a.xn--fiqs8s", "x" * 64 + "@" + "d" * 180]
)
def test_a_token_names_its_address_is_url_safe_and_the_same_each_time(email: str) -> None:
    token = SIGNER.recipient_token(email)
    assert token.startswith("r.") and set(token) <= URL_SAFE
    assert SIGNER.recipient_of(token) == email
    assert SIGNER.recipient_token(email) == token  # the same link in every mail and daemon


def test_another_key_and_forgeries_are_refused() -> None:
    token = SIGNER.recipient_token("ops@example.com")
    assert SignedLinks(KEY[::-1]).recipient_of(token) is None
    _, payload, mac = token.split(".")
    boss = SIGNER.recipient_token("boss@example.com").split(".")[1]
    assert SIGNER.recipient_of(f"r.{boss}.{mac}") is None  # another address, this one's mac
    assert SIGNER.recipient_of(f"r.{payload}.{mac[:-1]}") is None
    assert SIGNER.recipient_of(f"r.{payload}={'.'}{mac}") is None  # another spelling of it
    flipped = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    assert SIGNER.recipient_of(f"r.{payload}.{flipped}") is None


@pytest.mark.parametrize(
    "token",
    [
        "",
        ".",
        "r",
        "r.",
        "r..",
        "r.b3BzQGV4YW1wbGUuY29t",
        "r.b3BzQGV4YW1wbGUuY29t.",
        "R.b3BzQGV4YW1wbGUuY29t.abc",
        "r.b3BzQGV4YW1wbGUuY29t.abc.def",
        "r.!!!.abc",
        "r.b3Bz QGV4.abc",
        "r.\udc80.abc",  # a lone surrogate, as a URL may decode to
        "r.b3BzQGV4YW1wbGUuY29t.\udc80",
        "r.gA.abc",  # base64 of a byte that is no UTF-8
        "r.A.abc",  # one character is no base64
        "r." + "A" * 5000 + ".abc",
        "x" * 5000,
    ],
)
def test_anything_else_is_no_recipient_token(token: str) -> None:
    assert SIGNER.recipient_of(token) is None


def test_an_oversized_token_is_refused_before_its_mac_is_worked_out() -> None:
    long = SIGNER.recipient_token("x" * 4000 + "@example.com")  # signed, but no address is so long
    assert len(long) > 5000 and SIGNER.recipient_of(long) is None


def test_the_kinds_of_token_never_mix() -> None:
    recipient = SIGNER.recipient_token("ops@example.com")
    unsubscribe = SIGNER.unsubscribe_token(42)
    feed = SIGNER.feed_token(42, 3)
    assert SIGNER.subscription_id(recipient) is None and SIGNER.feed_of(recipient) is None
    assert SIGNER.recipient_of(unsubscribe) is None and SIGNER.recipient_of(feed) is None
    mac = recipient.rsplit(".", 1)[1]
    assert SIGNER.subscription_id(f"42.{mac}") is None
    unsubscribe_mac = unsubscribe.split(".", 1)[1]
    payload = recipient.split(".")[1]
    assert SIGNER.recipient_of(f"r.{payload}.{unsubscribe_mac}") is None


def test_the_urls_the_mails_carry() -> None:
    token = SIGNER.recipient_token("ops@example.com")
    base = "https://calendar.example.com/"
    assert preferences_url(base, SIGNER, "ops@example.com") == (
        f"https://calendar.example.com/preferences/{token}"
    )
    assert preferences_url(base, SIGNER, "ops@example.com", "zh-CN").endswith(token)
    assert preferences_url(base, SIGNER, "ops@example.com", "en").endswith(f"{token}?lang=en")
    assert recipient_unsubscribe_url(base.rstrip("/"), SIGNER, "ops@example.com") == (
        f"https://calendar.example.com/unsubscribe/{token}"
    )
