"""What the mail tests share: the catalog, the links, a store that fails some rules judged
for an activity, and a day's message built, sent and parsed back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import re
from decimal import Decimal
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.mail import MailLinks, Rendered, StoreItem, build_day_message
from calendar_service.mail.message import CalendarLinks
from tests.factories import passing_store
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog(ROOT / "data" / "activities.toml")
STORE = "义乌小商品店"
SENDER = "1688活动提醒 <noreply@example.com>"
RECIPIENT = "owner@example.com"
DOMAIN = "mail.example.com"
KEY = "7/promo-327:2027/before-1d|7/promo-327:2027/before-7d"  # the reminders it carries
LINKS = MailLinks(
    calendar=CalendarLinks(
        "https://cal.example.com/calendar.ics",
        "webcal://cal.example.com/calendar.ics",
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fcal.example.com%2Fcalendar.ics",
    ),
    store_page="https://cal.example.com/stores/s1",
    dashboard="https://cal.example.com/",
    unsubscribe="https://cal.example.com/unsubscribe/tok123",
)
YEARLY = "promo-327"  # sign-up 2027-02-10 to 2027-03-07
SENT_AT = dt.datetime(2027, 3, 6, 9, tzinfo=CST)  # a day before its deadline


def store(at: dt.datetime, **changes: Any) -> StoreSnapshot:
    """A store that fails 伙拼 on buyers (12 < 15) and the yearly promotions on listed products."""
    unset = dict.fromkeys(("industrial_belt", "last_group_wholesale_gmv", "last_promotion_gmv"))
    base = {"captured_at": at - dt.timedelta(hours=2), "name": STORE, "products_listed": 12}
    return passing_store(**unset | base | {"buyers_30d": 12} | changes)


def products(at: dt.datetime, count: int = 5) -> list[ProductSnapshot]:
    return [
        ProductSnapshot(
            product_id=f"p{i}",
            store_id="s1",
            captured_at=at - dt.timedelta(hours=2),
            title=f"<script>alert({i})</script> 样品 🎁",
            wholesale_price=Decimal(30 + i),
            free_sample=True,
            online_order=True,
            stock=10,
        )
        for i in range(count)
    ]


def store_item(
    kind: str, key: str, at: dt.datetime, store_name: str | None = STORE, **changes: Any
) -> StoreItem:
    """What the day's message sent at `at` says of that store for activity `key`: judged then,
    with a snapshot ten days older (8 buyers) for its forecasts."""
    found = occurrences(CATALOG, at.date(), at.date() + dt.timedelta(days=60), CST)
    occurrence = next(o for o in found if o.activity == key)
    now_store = store(at, **changes)
    earlier = dataclasses.replace(now_store, captured_at=at - dt.timedelta(days=10), buyers_30d=8)
    verdict = EVALUATOR.evaluate(CATALOG, key, occurrence, now_store, products(at), [earlier], at)
    return StoreItem(
        kind=kind, store_id="s1", store_name=store_name, activity=CATALOG.activity(key),
        occurrence=occurrence, verdict=verdict, store_page=LINKS.store_page,
    )  # fmt: skip


def sent(
    rendered: Rendered,
    to_name: str = "",
    links: MailLinks = LINKS,
    key: str = KEY,
    date: dt.datetime = SENT_AT,
) -> EmailMessage:
    """The day's message as the SMTP server receives it, parsed back."""
    msg = build_day_message(
        sender=SENDER, recipient=RECIPIENT, to_name=to_name, key=key, rendered=rendered,
        links=links, message_domain=DOMAIN, date=date,
    )  # fmt: skip
    raw = msg.as_bytes()
    assert raw.isascii()  # every header encoded, every part 7-bit safe
    assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def parts(msg: EmailMessage) -> tuple[str, str]:
    text, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text is not None
    assert html is not None
    return str(text.get_content()), str(html.get_content())


ENCODED_WORDS = re.compile(r"(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=\s*)+")
ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def assert_encoded_words_fit(raw: bytes) -> None:
    """Every encoded word of the raw header block is at most 75 characters (RFC 2047 section 2),
    and the block was not cut: no header line holds a half word."""
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    found = ENCODED_WORD.findall(head)
    assert all(len(word) <= 75 for word in found), [len(w) for w in found]
    assert head.lower().count(b"=?utf-8?") == len(found)


def rfc2047_display_name(msg: EmailMessage, header: str) -> str:
    """The display name decoded as RFC 2047 section 6.2 says, whitespace between encoded words
    dropped. Python 3.11's address parser keeps it (cpython gh-128110), so a name made of
    several encoded words is decoded here from the raw header."""
    raw = email.message_from_bytes(msg.as_bytes(), policy=email.policy.compat32)[header]
    phrase = str(raw).rsplit("<", 1)[0].strip()
    if not ENCODED_WORDS.fullmatch(phrase):
        return str(msg[header].addresses[0].display_name)
    return str(make_header(decode_header(phrase)))
