"""Reminder emails rendered from the real catalog and verdicts, built, serialized, parsed back."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import email
import email.policy
import email.utils
import html as markup
import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from email.header import decode_header, make_header
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Op, Scope
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.eligibility import evaluate
from calendar_service.domain.figures import figure
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.subscriptions import Locale, Subscription
from calendar_service.domain.verdicts import Judgement, JudgementStatus, Verdict
from calendar_service.mail import (
    MailLinks,
    Rendered,
    RenderError,
    build_message,
    render_digest,
    render_reminder,
    render_status_change,
    single_line,
)
from calendar_service.mail.dates import span_text
from calendar_service.mail.message import (
    SUBJECT_MAX,
    AddressError,
    CalendarLinks,
    message_id,
    truncate,
)
from calendar_service.mail.render import TEMPLATES_DIR
from calendar_service.mail.transport import message_bytes
from calendar_service.mail.view import progress
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


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_round_trips(kind: str, locale: Locale) -> None:
    rendered = render(kind, locale)
    msg = sent(rendered, kind, locale, STORE)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["From"].addresses[0].display_name == "1688活动提醒"
    assert msg["From"].addresses[0].addr_spec == "noreply@example.com"
    assert msg["To"].addresses[0].display_name == STORE
    assert msg["To"].addresses[0].addr_spec == "owner@example.com"
    assert msg["Subject"] == rendered.subject
    assert STORE in msg["Subject"]
    assert msg["Message-ID"] == message_id(reminder(kind).key, DOMAIN)
    assert msg["List-Unsubscribe"] == "<https://cal.example.com/unsubscribe/tok123>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Content-Language"] == locale
    assert msg["Date"].datetime == SENT_AT[kind]
    text, html = parts(msg)
    failing, when = EXPECTED[kind, locale]
    assert failing in text
    assert when in text
    assert markup.escape(failing) in html
    for body in (text, html):
        assert LINKS.unsubscribe in body
        assert LINKS.dashboard in body
        assert "https://cal.example.com/stores/s1" in body
        assert "https://cal.example.com/calendar.ics" in body
    assert f'<html lang="{locale}">' in html
    assert_well_formed(html)


def test_message_id_is_stable_per_key() -> None:
    first = message_id(reminder("before-7d").key, DOMAIN)
    assert first == message_id(reminder("before-7d").key, DOMAIN)  # a retry
    assert first != message_id(reminder("before-1d").key, DOMAIN)
    assert first != message_id(reminder("before-7d", subscription_id=8).key, DOMAIN)
    assert first.startswith("<") and first.endswith(f"@{DOMAIN}>")
    assert len(first.split("@")[0]) == 33


def test_script_in_a_store_name_is_escaped_in_html_and_literal_in_text() -> None:
    name = "<script>alert('x')</script>店"
    msg = sent(render("status-change", "zh-CN", store_name=name), "status-change", "zh-CN", name)
    text, html = parts(msg)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;店" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 样品 🎁" in html  # a product title
    assert name in text
    assert msg["To"].addresses[0].display_name == name


@pytest.mark.parametrize(
    "name",
    [
        "义乌\r\nBcc: victim@example.com",
        "义乌\n\nBody injected",
        "义乌\rX-Evil: 1",
        "义乌\x00\x07\x1b店\u2028\u2029\x85铺",
        "\r\n",
    ],
)
def test_control_characters_in_a_store_name_never_break_a_header(name: str) -> None:
    msg = sent(render("opens", "zh-CN", store_name=name), "opens", "zh-CN", name)
    assert msg["Bcc"] is None
    assert msg["X-Evil"] is None
    for header in ("To", "Subject"):
        value = str(msg[header])
        assert "\r" not in value and "\n" not in value
    assert msg["To"].addresses[0].display_name == single_line(name)
    text, _ = parts(msg)
    assert text.splitlines()[0] == f"1688活动提醒 · {single_line(name) or 's1'}"


def test_a_long_emoji_store_name_gives_a_truncated_subject() -> None:
    name = "🎉义乌小商品🎉" * 100
    rendered = render("before-1d", "zh-CN", store_name=name)
    assert len(rendered.subject) <= SUBJECT_MAX
    assert rendered.subject.endswith("…")
    assert rendered.subject.startswith("「327大促」还剩 1 天截止")
    msg = sent(rendered, "before-1d", "zh-CN", name)
    assert msg["Subject"] == rendered.subject
    assert rfc2047_display_name(msg, "To") == name
    text, html = parts(msg)
    assert name in text and name in html


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


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=120), subject=st.text(max_size=200))
def test_any_name_and_subject_survive_the_headers(name: str, subject: str) -> None:
    rendered = Rendered(subject=subject, text="正文", html="<p>正文</p>")
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"),
        store_name=name, reminder=reminder("opens"), rendered=rendered, links=LINKS,
        message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    raw = msg.as_bytes()
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name + subject:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == "owner@example.com"
    assert parsed["Bcc"] is None


def test_no_store_name_falls_back_to_the_store_id() -> None:
    rendered = render("opens", "en", store_name=None)
    assert rendered.subject.endswith("· s1")
    msg = sent(rendered, "opens", "en", None)
    assert msg["To"].addresses[0].display_name == ""


def test_criteria_rows_say_each_criterion_once_failing_first_with_a_bar() -> None:
    rendered = render("status-change", "zh-CN")
    criteria = rendered.text.split("报名条件:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    rows = [line for line in criteria if not line.startswith("      →")]
    assert rows[0] == "✗ [########--] 近30天买家数 12 < 15:还差 3 位买家"  # 12 / 15 = 80 %
    assert criteria[1].startswith("      → 按近 2 次数据的趋势")  # its forecast, right under it
    marks = "".join(r[0] for r in rows)  # failing, unknown, met, then the signals (+ · ?)
    assert marks.rindex("✗") < marks.index("✓") and marks.rindex("✓") < marks.index("+")
    assert len(rows) == len(set(rows)) == 12
    html_rows = rendered.html.count('class="criterion"')
    assert html_rows == 12  # one row a criterion: no second line repeating it
    assert rendered.html.count("近30天买家数 12 &lt; 15") == 1
    first = rendered.html.split('class="criterion"', 2)[1]
    assert "近30天买家数 12 &lt; 15" in first
    assert "width:80%;height:6px;background-color:#dc2626" in first  # red: fails
    assert "约 50,000 UV/天" in rendered.text  # entry traffic


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_an_assumed_rule_is_said_on_its_row_not_with_the_catalog_s_keys(locale: Locale) -> None:
    """The yearly promotion's 已上架产品数 is an assumed threshold the store fails: the seller
    reads "assumed" on that row; where the catalog sets it is for the catalog's editor."""
    _, verdict = judged(YEARLY, SENT_AT["opens"])
    assert any(n.code == "assumed-failed" for n in verdict.notes)
    rendered = render("opens", locale)
    label, assumed = (
        ("已上架产品数", "此门槛为假设") if locale == "zh-CN" else ("listed", "assumed")
    )
    rows = [line for line in rendered.text.splitlines() if line.startswith("✗ [")]
    assert any(label in row and assumed in row for row in rows), rows
    for part in (rendered.text, rendered.html):
        assert "activities.toml" not in part and "criteria(" not in part


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_a_met_at_most_criterion_shows_a_full_green_bar(locale: Locale) -> None:
    """90-day dispute rate 0% against "≤ 0.01%": passing, so the bar is full, not empty."""
    rendered = render("status-change", locale)
    label = "近90天纠纷率 0%" if locale == "zh-CN" else "90-day dispute rate 0%"
    assert f"✓ [##########] {label}" in rendered.text
    row = rendered.html.split(label, 1)[1].split("</tr>", 1)[0]
    assert "width:100%;height:6px;background-color:#16a34a" in row


@pytest.mark.parametrize(
    ("op", "value", "threshold", "status", "percent"),
    [
        (">=", 12, 15, "fail", 80),
        (">=", 15, 15, "pass", 100),
        (">", 15, 15, "fail", 99),  # equal but "more than" fails: never a full bar
        ("<=", Decimal("0"), Decimal("0.0001"), "pass", 100),
        ("<=", Decimal("0.0004"), Decimal("0.0001"), "fail", 25),  # 4x the limit: a quarter
        ("<", Decimal("2"), Decimal("2"), "fail", 99),
    ],
)
def test_progress_reads_towards_passing_for_at_least_and_at_most(
    op: str, value: Decimal | int, threshold: int | Decimal, status: JudgementStatus, percent: int
) -> None:
    activity = CATALOG.activity("daily-group-wholesale")
    criterion = dataclasses.replace(
        activity.criteria[0], op=Op(op), threshold=Decimal(threshold), figure="buyers_30d"
    )
    buyers = figure(Scope.STORE, "buyers_30d")
    assert buyers is not None
    found = Judgement(
        criterion=criterion, figure=buyers, status=status, value=value, met=status == "pass"
    )
    assert progress(found) == percent


def test_digest_names_at_the_top_which_activities_pass_and_which_do_not() -> None:
    for locale, lines in (
        ("en", ["✗ Not eligible: Group wholesale (30-day buyers), Today's group buy (30-day "
                "buyers)", "? Unknown: Samples (qualifying products)",
                "? No published rules: Mobile", "✓ Eligible: Quick order"]),
        ("zh-CN", ["✗ 不符合:伙拼(近30天买家数)、今日团(近30天买家数)",
                   "? 无法判断:样品(符合条件的商品)", "? 资料未给报名规则:无线端",
                   "✓ 可以报名:快订"]),
    ):  # fmt: skip
        rendered = render("digest", locale)
        head = rendered.text.split("====", 1)[0]
        assert [line for line in head.splitlines() if line[:2] in ("✗ ", "? ", "✓ ")] == lines
        assert rendered.html.count('class="summary"') == 4


@pytest.mark.parametrize(
    ("locale", "status"),
    [
        ("zh-CN", "无法判断(资料未给报名规则)"),
        ("en", "unknown (the source gives no sign-up rules)"),
    ],
)
def test_an_activity_without_rules_says_so_not_that_data_is_missing(
    locale: Locale, status: str
) -> None:
    rendered = render("digest", locale)
    name = CATALOG.activity("daily-mobile").name_zh if locale == "zh-CN" else "Mobile"
    mobile = rendered.text.split(f"==== {name} ====", 1)[1].split("====", 1)[0]
    assert status in mobile
    assert "缺少数据" not in mobile and "data missing" not in mobile
    assert len([line for line in mobile.splitlines() if line.startswith("! ")]) == 1


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_stale_data_is_said_once_for_the_store_not_in_every_block(locale: Locale) -> None:
    now = SENT_AT["digest"]
    old = now - dt.timedelta(days=20)
    verdicts = [(CATALOG.activity(k), *judged(k, now, captured_at=old)) for k in DAILY]
    rendered = render_digest(
        verdicts=verdicts, week_start=WEEK_START, locale=locale, now=now, tz=CST, links=LINKS,
        store_name=STORE, store_id="s1",
    )  # fmt: skip
    stale = "已 20 天" if locale == "zh-CN" else "20 days old"
    stale_notes = [n for _, _, v in verdicts for n in v.notes if n.code == "stale"]
    assert len(stale_notes) == len(DAILY)  # every verdict has it
    assert all(stale in n.text(locale) for n in stale_notes)
    for body in (rendered.text, rendered.html):
        assert body.count(stale) == 1
    assert rendered.text.index(stale) < rendered.text.index("====")  # above the blocks


@pytest.mark.parametrize(
    ("day", "zh", "en"),
    [
        (dt.date(2027, 2, 4), "将于2月6日开始", "starts on Feb 6"),
        (dt.date(2027, 2, 6), "从今天开始", "starts today"),
        (dt.date(2027, 2, 8), "已于2月6日开始", "started on Feb 6"),  # a mail sent late
    ],
)
def test_the_prepare_mail_says_when_the_sales_window_starts_as_of_the_day_sent(
    day: dt.date, zh: str, en: str
) -> None:
    now = dt.datetime.combine(day, dt.time(9), tzinfo=CST)
    occurrence, verdict = judged(YEARLY, SENT_AT["prepare"])
    for locale, words in (("zh-CN", zh), ("en", en)):
        rendered = render_reminder(
            kind="prepare", locale=locale, activity=CATALOG.activity(YEARLY),
            occurrence=occurrence, verdict=verdict, now=now, tz=CST, links=LINKS,
            store_name=STORE, store_id="s1",
        )  # fmt: skip
        assert words in rendered.subject
        assert words in rendered.text.splitlines()[2]  # the headline
        today = "今天" if locale == "zh-CN" else "today"
        assert (today in rendered.text) == (day == dt.date(2027, 2, 6))  # only that day's mail


@pytest.mark.parametrize(
    ("start", "end", "zh", "en"),
    [
        (dt.date(2026, 12, 14), dt.date(2026, 12, 20), "12月14日–20日", "Dec 14–20"),
        (dt.date(2026, 11, 30), dt.date(2026, 12, 6), "11月30日–12月6日", "Nov 30 – Dec 6"),
        (dt.date(2026, 12, 28), dt.date(2027, 1, 3), "2026年12月28日–2027年1月3日",
         "Dec 28, 2026 – Jan 3, 2027"),
        (dt.date(2027, 3, 1), dt.date(2027, 3, 7), "2027年3月1日–7日", "Mar 1–7, 2027"),
    ],
)  # fmt: skip
def test_weeks_and_windows_read_as_people_write_them(
    start: dt.date, end: dt.date, zh: str, en: str
) -> None:
    today = dt.date(2026, 12, 7)
    assert span_text(start, end, True, today) == zh
    assert span_text(start, end, False, today) == en


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
URL = re.compile(r"(https?|webcal|mailto):\S+")


@pytest.mark.parametrize("kind", KINDS)
def test_every_word_is_in_the_subscribers_language(kind: str) -> None:
    """Apart from what the store wrote (its name, its products' titles) and the deck's units
    (折, UV), an English mail has no Chinese and a Chinese mail no English words."""
    data = [STORE, *(p.title or "" for p in products(SENT_AT[kind]))]
    for locale in ("zh-CN", "en"):
        rendered = render(kind, locale)
        for part in (rendered.text, markup.unescape(re.sub(r"<[^>]+>", " ", rendered.html))):
            body = URL.sub(" ", part)
            for words in data:
                body = body.replace(words, " ")
            if locale == "en":
                assert CJK.findall(body.replace("折", "")) == []
            else:
                allowed = {"UV", "Google", "activities", "toml", "promo", "criteria", "products",
                           "listed", "daily", "group", "buy", "buyers"}  # fmt: skip
                assert set(ENGLISH_WORD.findall(body)) - allowed == set()


def test_digest_holds_every_daily_activity_and_at_most_three_candidates() -> None:
    rendered = render("digest", "en")
    assert rendered.subject.startswith("Daily activities, Feb 1–7 · ")
    for key in DAILY:
        assert CATALOG.activity(key).name_en in rendered.text
    samples = rendered.text.split(CATALOG.activity("daily-samples").name_en + " ====", 1)[1]
    assert "3. " in samples and "4. " not in samples
    # Passing requirements by name on one line; failing ones in full.
    assert "✓ Met (9): transaction medal, store satisfaction, products online" in rendered.text
    assert "✓ [##########] transaction medal" not in rendered.text
    assert rendered.text.count("Data as of") == 1  # the same for every block: said once


def test_tips_come_from_the_catalog() -> None:
    rendered = render("prepare", "zh-CN")
    for tip in CATALOG.activity(YEARLY).tips_zh:
        assert tip in rendered.text
        assert tip in rendered.html


def _copy_templates(tmp_path: Path) -> Path:
    shutil.copytree(TEMPLATES_DIR / "mail", tmp_path / "mail")
    return tmp_path


def test_a_missing_template_variable_raises_render_error(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    part = templates / "mail" / "mail.html.j2"
    part.write_text(part.read_text(encoding="utf-8") + "{{ not_passed }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="not_passed"):
        render("before-7d", "zh-CN", templates_dir=templates)


def test_a_missing_message_raises_render_error(tmp_path: Path) -> None:
    templates = _copy_templates(tmp_path)
    words = templates / "mail" / "messages.toml"
    lines = words.read_text(encoding="utf-8").splitlines()
    words.write_text("\n".join(x for x in lines if not x.startswith("tips =")), encoding="utf-8")
    with pytest.raises(RenderError, match="tips"):
        render("before-7d", "en", templates_dir=templates)


def test_an_unknown_kind_raises_render_error() -> None:
    occurrence, verdict = judged(YEARLY, SENT_AT["opens"])
    with pytest.raises(RenderError, match="closes"):
        render_reminder(
            kind="closes", locale="zh-CN", activity=CATALOG.activity(YEARLY),
            occurrence=occurrence, verdict=verdict, now=SENT_AT["opens"], tz=CST, links=LINKS,
            store_name=STORE, store_id="s1",
        )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("义乌\r\n店", "义乌 店"),
        ("  a\t\tb  ", "a b"),
        ("a\u2028b\x00c", "a b c"),
        ("👨\u200d👩\u200d👧 家", "👨\u200d👩\u200d👧 家"),  # a ZWJ sequence stays whole
    ],
)
def test_single_line(raw: str, expected: str) -> None:
    assert single_line(raw) == expected


VOID = frozenset({"br", "meta", "img", "hr", "input", "link", "col", "area", "base", "wbr"})


@dataclass
class TagBalance(HTMLParser):
    """Start and end tags matched up, outside the void elements."""

    stack: list[str] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)
    seen: set[str] = dataclasses.field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def assert_well_formed(html: str) -> None:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []
    assert {"html", "head", "body", "table", "tr", "td"} <= parser.seen
    assert not parser.seen & {"script", "style", "link", "iframe", "form"}
    assert html.count("<table") == html.count("</table>")
    assert 'width="600"' in html and "max-width:600px" in html


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("a" * 120, "b" * 120),  # ASCII words too long for a line: encoded words, folded
        ("=?utf-8?q?x?=", "=?utf-8?q?y?="),  # text that looks like an encoded word stays text
        ('He said "hi" <x>', "tab\there"),  # specials quoted; a tab becomes a space
        ("Shop, Ltd.", "x " * 60),  # a comma in a display name; a long ASCII subject
        ("店 " * 30, "活动 " * 40),  # Chinese over several encoded words, spaces kept
    ],
)
def test_awkward_names_and_subjects_come_back_as_typed(name: str, subject: str) -> None:
    text = "From here on, a plain text body\n好"  # mostly ASCII: quoted-printable
    rendered = Rendered(subject=subject, text=text, html="<p>正文</p>")
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"),
        store_name=name, reminder=reminder("opens"), rendered=rendered, links=LINKS,
        message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    raw = message_bytes(msg, linesep="\r\n")  # as smtplib and the Maildir write it
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == "owner@example.com"
    plain = parsed.get_body(("plain",))
    assert plain is not None
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    body = parts(parsed)[0].replace("\r\n", "\n")  # quoted-printable keeps the wire's CRLF
    assert body == text  # never ">From" (no mbox mangling)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), html=st.text(max_size=200))
def test_the_boundary_never_occurs_in_the_parts_and_a_retry_sends_the_same_bytes(
    text: str, html: str
) -> None:
    """The boundary is derived from the Message-ID, not drawn and searched for: whatever the
    parts hold, even the boundary line itself, comes back as it went in."""
    first = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=text, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    boundary = first.get_boundary()
    assert boundary is not None
    planted = f"--{boundary}\n{text}\n--{boundary}--\n"
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=planted, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert msg.get_boundary() == boundary
    raw = message_bytes(msg, linesep="\r\n")
    again = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=planted, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert message_bytes(again, linesep="\r\n") == raw  # a retry: byte for byte
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    plain, markup_part = parts(parsed)
    newlines = re.compile(r"\r\n|\r|\n")  # quoted-printable keeps the wire's CRLF
    assert newlines.sub("\n", plain) == newlines.sub("\n", planted)
    assert newlines.sub("\n", markup_part) == newlines.sub("\n", html)
    other = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("before-7d"), rendered=Rendered(subject="s", text=text, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert other.get_boundary() != boundary


@pytest.mark.parametrize(
    ("sender", "email_address", "problem"),
    [
        (
            SENDER,
            "店主@example.com",
            "To address '店主@example.com' is not ASCII",
        ),
        (SENDER, "owner@例子.中国", "To address 'owner@例子.中国' is not ASCII"),
        (SENDER, "two words@example.com", "To address 'two words@example.com'"),
        (SENDER, "owner@", "To address 'owner@'"),
        (SENDER, "", "To address ''"),
        ("1688活动提醒", "owner@example.com", "the sender '1688活动提醒' has no email address"),
        ("提醒 <a b@example.com>", "owner@example.com", "From address 'a b@example.com'"),
    ],
)
def test_an_address_that_cannot_be_a_header_is_an_address_error(
    sender: str, email_address: str, problem: str
) -> None:
    with pytest.raises(AddressError) as raised:
        build_message(
            sender=sender, store_name=STORE, reminder=reminder("opens"),
            subscription=dataclasses.replace(subscription("zh-CN"), email=email_address),
            rendered=Rendered(subject="s", text="t", html="<p>h</p>"),
            links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
        )  # fmt: skip
    assert problem in str(raised.value)


@pytest.mark.parametrize("name", [STORE, "店 " * 30, "a" * 120])
def test_the_maildir_lines_are_the_smtp_lines_with_lf(name: str) -> None:
    """Header values are folded once, with CRLF; written with LF (a Maildir) they keep their
    folds, never an empty first line, and read back the same."""
    long_links = dataclasses.replace(
        LINKS, unsubscribe="https://calendar.example.com/unsubscribe/" + "t" * 43
    )
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=name,
        reminder=reminder("opens"), rendered=Rendered(subject="活动 " * 40, text="t", html="h"),
        links=long_links, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    crlf, lf = message_bytes(msg, linesep="\r\n"), message_bytes(msg, linesep="\n")
    assert lf == crlf.replace(b"\r\n", b"\n")
    head = lf.split(b"\n\n", 1)[0].split(b"\n")
    assert not [line for line in head if line.endswith(b":") or line.endswith(b": ")]
    parsed = email.message_from_bytes(lf, policy=email.policy.default)
    assert parsed["List-Unsubscribe"] == f"<{long_links.unsubscribe}>"
    assert parsed["Subject"] == truncate(single_line("活动 " * 40), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)


def test_mail_depends_on_the_domain_only_never_on_services() -> None:
    """The caller builds the links and views' inputs; mail renders and sends what it is given."""
    layers = ("services", "entrypoints", "dashboard", "api", "feeds")
    outside = tuple(f"calendar_service.{layer}" for layer in layers)
    for module in (ROOT / "calendar_service" / "mail").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            assert not [n for n in names if n.startswith(outside)], module.name
