"""What the mail tests share: the catalog, a store that fails some rules, its verdicts, and a
mail rendered and sent for each kind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import email.utils
import re
from decimal import Decimal
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Locale, Subscription
from calendar_service.domain.verdicts import Verdict
from calendar_service.mail import (
    MailLinks,
    Rendered,
    build_message,
    render_digest,
    render_reminder,
    render_status_change,
)
from calendar_service.mail.message import (
    CalendarLinks,
)
from calendar_service.mail.render import TEMPLATES_DIR
from tests.factories import passing_store
from tests.times import CST

ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog(ROOT / "data" / "activities.toml")
STORE = "义乌小商品店"
SENDER = "1688活动提醒 <noreply@example.com>"
DOMAIN = "mail.example.com"
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
KINDS = ("opens", "prepare", "before-7d", "before-1d", "digest", "status-change")
WEEK_START = dt.date(2027, 2, 1)  # the digest's week: Monday 2027-W05
YEARLY = "promo-327"  # sign-up 2027-02-10 to 2027-03-07
DAILY = (
    "daily-quick-order",
    "daily-group-wholesale",
    "daily-group-buy",
    "daily-mobile",
    "daily-samples",
)
# When each kind is sent, in China time.
SENT_AT = {
    "opens": dt.datetime(2027, 2, 10, 9, tzinfo=CST),
    "prepare": dt.datetime(2027, 2, 6, 9, tzinfo=CST),
    "before-7d": dt.datetime(2027, 2, 28, 9, tzinfo=CST),
    "before-1d": dt.datetime(2027, 3, 6, 9, tzinfo=CST),
    "digest": dt.datetime(2027, 2, 1, 9, tzinfo=CST),
    "status-change": dt.datetime(2027, 2, 1, 9, tzinfo=CST),
}
# The failing requirement each kind's verdict must explain, and what it says about time.
EXPECTED: dict[tuple[str, str], tuple[str, str]] = {
    ("opens", "zh-CN"): ("已上架产品数 12 < 20:还差 8 件产品", "3月7日 23:59(北京时间)"),
    ("opens", "en"): ("products listed 12 < 20: 8 more products needed", "Mar 7, 23:59"),
    ("prepare", "zh-CN"): ("已上架产品数 12 < 20:还差 8 件产品", "统计窗口:2月6日–3月7日"),
    ("prepare", "en"): ("products listed 12 < 20: 8 more products needed", "Feb 6 – Mar 7"),
    ("before-7d", "zh-CN"): ("已上架产品数 12 < 20:还差 8 件产品", "还剩 7 天截止"),
    ("before-7d", "en"): ("products listed 12 < 20: 8 more products needed", "7 days left"),
    ("before-1d", "zh-CN"): ("已上架产品数 12 < 20:还差 8 件产品", "还剩 1 天截止"),
    ("before-1d", "en"): ("products listed 12 < 20: 8 more products needed", "1 day left"),
    ("digest", "zh-CN"): ("近30天买家数 12 < 15:还差 3 位买家", "每天开放报名,无截止日"),
    ("digest", "en"): ("30-day buyers 12 < 15: 3 more buyers needed", "no deadline"),
    ("status-change", "zh-CN"): ("近30天买家数 12 < 15:还差 3 位买家", "每天开放报名,无截止日"),
    ("status-change", "en"): ("30-day buyers 12 < 15: 3 more buyers needed", "no deadline"),
}


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


def judged(key: str, at: dt.datetime, **changes: Any) -> tuple[Occurrence, Verdict]:
    found = occurrences(CATALOG, at.date(), at.date() + dt.timedelta(days=60), CST)
    occurrence = next(o for o in found if o.activity == key)
    now_store = store(at, **changes)
    earlier = dataclasses.replace(now_store, captured_at=at - dt.timedelta(days=10), buyers_30d=8)
    verdict = evaluate(CATALOG, key, occurrence, now_store, products(at), [earlier], at)
    return occurrence, verdict


def render(
    kind: str, locale: str, store_name: str | None = STORE, templates_dir: Path = TEMPLATES_DIR
) -> Rendered:
    now = SENT_AT[kind]
    common: dict[str, Any] = {
        "locale": locale,
        "now": now,
        "tz": CST,
        "links": LINKS,
        "store_name": store_name,
        "store_id": "s1",
        "templates_dir": templates_dir,
    }
    if kind == "digest":
        verdicts = [(CATALOG.activity(k), *judged(k, now)) for k in DAILY]
        return render_digest(verdicts=verdicts, week_start=WEEK_START, **common)
    if kind == "status-change":
        occurrence, verdict = judged("daily-group-wholesale", now)
        activity = CATALOG.activity("daily-group-wholesale")
        return render_status_change(
            activity=activity, occurrence=occurrence, verdict=verdict, previous="eligible", **common
        )
    occurrence, verdict = judged(YEARLY, now)
    return render_reminder(
        kind=kind, activity=CATALOG.activity(YEARLY), occurrence=occurrence, verdict=verdict,
        **common,
    )  # fmt: skip


def reminder(kind: str, subscription_id: int = 7) -> ReminderRow:
    occurrence = "daily-group-wholesale:daily" if kind in ("digest", "status-change") else YEARLY
    return ReminderRow.planned(
        subscription_id=subscription_id,
        store_id="s1",
        activity=occurrence.split(":")[0],
        occurrence_key=occurrence,
        kind=kind,
        due_at=SENT_AT[kind],
        deadline_at=SENT_AT[kind] + dt.timedelta(days=7),
    )


def subscription(locale: Locale) -> Subscription:
    return Subscription(
        id=7,
        store_id="s1",
        email="owner@example.com",
        locale=locale,
        created_at=dt.datetime(2027, 1, 1, tzinfo=CST),
    )


def sent(rendered: Rendered, kind: str, locale: Locale, store_name: str | None) -> EmailMessage:
    """The message as the SMTP server receives it, parsed back."""
    msg = build_message(
        sender=SENDER,
        subscription=subscription(locale),
        store_name=store_name,
        reminder=reminder(kind),
        rendered=rendered,
        links=LINKS,
        message_domain=DOMAIN,
        date=SENT_AT[kind],
    )
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
