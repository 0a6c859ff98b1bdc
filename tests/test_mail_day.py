"""The day's message: everything due for a recipient's stores in one mail, deadlines first,
each activity once, every store with its verdict and the one thing it has to fix."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy
import html as markup
import re
import shutil
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

import pytest

from calendar_service.domain.subscriptions import Locale
from calendar_service.domain.verdicts import Verdict
from calendar_service.mail import (
    RenderError,
    StoreItem,
    build_day_message,
    render_day,
)
from calendar_service.mail.message import SUBJECT_MAX, message_id
from calendar_service.mail.render import TEMPLATES_DIR
from tests.day_support import (
    BENCHMARK,
    DAILY,
    DAY_LINKS,
    FAILING_STORE,
    INVITATION,
    MONTHLY,
    NOW,
    ONE_STORE_LINKS,
    SAMPLE,
    TZ,
    YEARLY,
)
from tests.mail_support import (
    DOMAIN,
    SENDER,
    assert_encoded_words_fit,
    parts,
    rfc2047_display_name,
)

STORES = SAMPLE.store_ids
DIGEST = {"zh-CN": "【日常活动概览】", "en": "== Daily activities =="}
COLON = {"zh-CN": ":", "en": ": "}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
URL = re.compile(r"(https?|webcal):\S+")


@pytest.fixture(scope="module")
def day35() -> list[StoreItem]:
    return SAMPLE.day(STORES)


def render(items: Sequence[StoreItem], locale: str, **changes: object) -> tuple[str, str, str]:
    links = ONE_STORE_LINKS if len({i.store_id for i in items}) == 1 else DAY_LINKS
    found = render_day(locale=locale, items=items, now=NOW, tz=TZ, links=links, **changes)  # type: ignore[arg-type]
    return found.subject, found.text, found.html


def group(text: str, name: str, section: str = "") -> str:
    """The text part's group of an activity (in the section so titled): from its heading to
    the next."""
    if section:
        text = text.split(section, 1)[1]
    return text.split(f"■ {name}\n", 1)[1].split("■ ", 1)[0].split("\n----\n", 1)[0]


def name_of(item: StoreItem, locale: str) -> str:
    return item.activity.name_zh if locale == "zh-CN" else item.activity.name_en


def first_fixes(verdict: Verdict, locale: str) -> list[str]:
    """What keeps a store that is not eligible out, in the order the reader meets it: its
    failing criteria; for missing data, what to import, then the missing figures, stale data."""
    failing = [j.message(locale) for j in verdict.criteria if j.status == "fail"]
    if failing:
        return failing
    imports = [n.text(locale) for n in verdict.notes if n.code in ("no-data", "no-product-data")]
    unknown = [j.message(locale) for j in verdict.criteria if j.status == "unknown"]
    stale = [n.text(locale) for n in verdict.notes if n.code == "stale"]
    return imports + unknown + stale


def first_fix(verdict: Verdict, locale: str) -> str:
    return first_fixes(verdict, locale)[0]


@pytest.mark.parametrize(
    ("locale", "titles"),
    [
        ("zh-CN", ["明天截止", "开始报名", "销售额统计开始(截止前30天)",
                   "可能受邀", "状态变化", "日常活动概览"]),
        ("en", ["Closes tomorrow", "Sign-up opens",
                "Sales window starts (30 days before the deadline)", "May be invited",
                "Status changes", "Daily activities"]),
    ],
)  # fmt: skip
def test_sections_come_deadlines_first_whatever_the_order_of_the_items(
    locale: str, titles: list[str]
) -> None:
    store = STORES[0]
    kinds = [("digest", DAILY[0]), ("status-change", DAILY[1]), ("invitation-signal", INVITATION),
             ("prepare", YEARLY), ("opens", BENCHMARK), ("before-1d", MONTHLY)]  # fmt: skip
    items = [SAMPLE.item(kind, s, o) for kind, o in kinds for s in (store, STORES[1])]
    _, text, html = render(items, locale)
    heading = "【{}】" if locale == "zh-CN" else "== {} =="
    shown = [line for line in text.splitlines() if line in {heading.format(t) for t in titles}]
    assert shown == [heading.format(t) for t in titles]
    found = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert [markup.unescape(f) for f in found] == titles


@pytest.mark.parametrize(
    ("kind", "days_before", "title"),
    [("before-0d", 0, "今天截止"), ("before-1d", 1, "明天截止"), ("before-1d", 2, "2天后截止"),
     ("before-7d", 7, "7天后截止"), ("before-7d", 9, "9天后截止")],
)  # fmt: skip
def test_a_deadline_section_says_the_days_left_on_the_day_it_is_sent(
    kind: str, days_before: int, title: str
) -> None:
    # A "1 day before" reminder moved to Friday by a weekend closes in 2 days, not tomorrow.
    item = SAMPLE.item(kind, STORES[0], MONTHLY)
    sent = dt.datetime.combine(
        item.occurrence.deadline_on - dt.timedelta(days=days_before), dt.time(9), tzinfo=TZ
    )
    found = render_day(locale="zh-CN", items=[item], now=sent, tz=TZ, links=ONE_STORE_LINKS)
    assert f"【{title}】" in found.text.splitlines()
    assert title in found.subject


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_35_stores_each_named_once_per_activity_with_the_one_thing_to_fix(
    day35: list[StoreItem], locale: Locale
) -> None:
    _, text, html = render(day35, locale)
    colon = COLON[locale]
    more = {"zh-CN": "(另 {} 项)", "en": " (+{} more)"}[locale]
    several = 0
    for key in (MONTHLY, DAILY[4], DAILY[1]):  # a deadline and two daily activities: a mix
        items = [i for i in day35 if i.occurrence.key == key and i.kind != "status-change"]
        statuses = {i.verdict.status for i in items}
        assert {"eligible", "ineligible"} <= statuses  # the data is a real mix
        section = "" if key == MONTHLY else DIGEST[locale]
        part = group(text, name_of(items[0], locale), section)
        eligible = next(line for line in part.splitlines() if line.startswith("✓ "))
        for item in items:
            name = item.store_name or ""
            assert part.count(name) == 1, (name, part)
            if item.verdict.status == "eligible":
                assert name in eligible
                continue
            mark = "✗" if item.verdict.status == "ineligible" else "?"
            line = next(x for x in part.splitlines() if name in x)
            fixes = first_fixes(item.verdict, locale)
            rest = more.format(len(fixes) - 1) if len(fixes) > 1 else ""
            assert line == f"{mark} {name}{colon}{fixes[0]}{rest}"
            several += len(fixes) > 1
            page = f'<a href="https://cal.example.com/stores/{item.store_id}" style="'
            assert f'{page}color:#2563eb;text-decoration:none;">{markup.escape(name)}</a>' in html
        assert len(items) == 35
    assert several  # some stores fail on several criteria: the first is named


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_the_daily_summary_leads_with_the_activity_most_stores_fail(
    day35: list[StoreItem], locale: Locale
) -> None:
    _, text, _ = render(day35, locale)
    digest = [i for i in day35 if i.kind == "digest"]
    failing = {
        name_of(i, locale): sum(
            1 for j in digest if j.activity.key == i.activity.key and j.verdict.status != "eligible"
            and not any(n.code == "no-rules" for n in j.verdict.notes)
        )
        for i in digest
    }  # fmt: skip
    shown = [x[2:] for x in text.split(DIGEST[locale], 1)[1].splitlines() if x.startswith("■ ")]
    assert sorted(shown) == sorted(failing)
    assert [failing[n] for n in shown] == sorted(failing.values(), reverse=True)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh-CN", "明天截止:{name} {n} 家可报名 · 另 9 项"),
     ("en", "Closes tomorrow: {name}, {n} stores can sign up · 9 more")],
)  # fmt: skip
def test_the_subject_says_the_most_urgent_thing_first(
    day35: list[StoreItem], locale: str, expected: str
) -> None:
    subject, text, _ = render(day35, locale)
    monthly = [i for i in day35 if i.occurrence.key == MONTHLY]
    eligible = sum(1 for i in monthly if i.verdict.status == "eligible")
    assert subject == expected.format(name=name_of(monthly[0], locale), n=eligible)
    assert len(subject) <= SUBJECT_MAX
    assert text.count("■ ") == 10  # and the nine more are there


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh-CN", "{store}:{name}明天截止 {mark} {status} · 另 9 项"),
     ("en", "{store}: {name} closes tomorrow {mark} {status} · 9 more")],
)  # fmt: skip
def test_one_store_names_the_store_and_shows_its_failing_criteria_in_full(
    locale: str, expected: str
) -> None:
    failing = FAILING_STORE
    items = SAMPLE.day([failing])
    subject, text, html = render(items, locale)
    monthly = next(i for i in items if i.occurrence.key == MONTHLY)
    status = {"zh-CN": "不符合", "en": "not eligible"}[locale]
    assert subject == expected.format(
        store=monthly.store_name, name=name_of(monthly, locale), mark="✗", status=status
    )
    assert len(subject) <= SUBJECT_MAX
    part = group(text, name_of(monthly, locale))
    for j in monthly.verdict.criteria:
        if j.status in ("fail", "unknown"):
            assert j.message(locale) in part
    assert ONE_STORE_LINKS.calendar is not None
    assert ONE_STORE_LINKS.calendar.https in text and ONE_STORE_LINKS.calendar.webcal in html
    assert f"https://cal.example.com/stores/{failing}" in text


def test_a_long_store_name_gives_a_subject_within_the_limit() -> None:
    items = [dataclasses.replace(i, store_name="义乌小商品城旗舰店" * 12)
             for i in SAMPLE.day(STORES[:1])]  # fmt: skip
    for locale in ("zh-CN", "en"):
        subject, _, _ = render(items, locale)
        assert len(subject) == SUBJECT_MAX and subject.endswith("…")


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_invitations_are_one_line_per_activity_and_status_changes_say_what_to_fix(
    locale: Locale,
) -> None:
    status = {s: SAMPLE.item("digest", s, DAILY[1]).verdict.status for s in STORES}
    stopped = [s for s in STORES if status[s] == "ineligible"][:2]
    assert status[STORES[1]] == "eligible"
    items = [SAMPLE.item("status-change", s, DAILY[1], previous="eligible") for s in stopped]
    items += [SAMPLE.item("status-change", STORES[1], DAILY[1], previous="ineligible")]
    items += [SAMPLE.item("invitation-signal", s, INVITATION) for s in STORES[:3]]
    _, text, _ = render(items, locale)
    invitation = group(text, name_of(items[-1], locale))
    names = [line for line in invitation.splitlines() if line.startswith("✉ ")]
    assert len(names) == 1 and all(str(i.store_name) in names[0] for i in items[-3:])
    change = group(text, name_of(items[0], locale))
    for item in items[:2]:
        fix = first_fix(item.verdict, locale)
        assert f"✗ {item.store_name}{COLON[locale]}{fix}" in change
    became = next(line for line in change.splitlines() if line.startswith("✓ "))
    assert str(items[2].store_name) in became


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_word_is_in_the_readers_language(day35: list[StoreItem], locale: Locale) -> None:
    """Apart from the data (store names, product titles), a Chinese message has no English words
    and an English one no Chinese; the catalog editor's notes stay out."""
    _, text, html = render(day35, locale)
    data = {i.store_name or "" for i in day35}
    data |= {p.title or "" for i in day35 for p in i.verdict.products}
    for part in (text, markup.unescape(re.sub(r"<[^>]+>", " ", html))):
        body = URL.sub(" ", part)
        for words in sorted(data, key=len, reverse=True):
            body = body.replace(words, " ")
        assert "activities.toml" not in body
        if locale == "en":
            assert CJK.findall(body) == []
        else:
            assert set(ENGLISH_WORD.findall(body)) == set()


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_message_links_the_preferences_unsubscribe_and_dashboard(
    day35: list[StoreItem], locale: Locale
) -> None:
    _, text, html = render(day35, locale)
    assert DAY_LINKS.preferences is not None
    for body in (text, html):
        for link in (DAY_LINKS.preferences, DAY_LINKS.unsubscribe, DAY_LINKS.dashboard):
            assert link in body
        assert "calendar.ics" not in body  # no one store's feed in a message about many
    words = ("退订全部提醒邮件", "提醒设置") if locale == "zh-CN" else ("Unsubscribe", "settings")
    assert all(w in text for w in words)


def test_nothing_to_say_or_an_unknown_kind_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="nothing to send"):
        render([], "zh-CN")
    item = SAMPLE.item("closes", STORES[0], MONTHLY)
    with pytest.raises(RenderError, match="closes"):
        render([item], "en")


def test_a_missing_message_is_a_render_error(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES_DIR / "mail", tmp_path / "mail")
    words = tmp_path / "mail" / "messages.toml"
    lines = words.read_text(encoding="utf-8").splitlines()
    words.write_text("\n".join(x for x in lines if not x.startswith("tally =")), encoding="utf-8")
    with pytest.raises(RenderError, match="tally"):
        render(SAMPLE.day(STORES[:2]), "zh-CN", templates_dir=tmp_path)


def sent(items: Sequence[StoreItem], locale: str, to_name: str) -> tuple[EmailMessage, str]:
    found = render_day(locale=locale, items=items, now=NOW, tz=TZ, links=DAY_LINKS)
    raw = build_day_message(
        sender=SENDER, recipient="agency@example.com", to_name=to_name, key="day:7:2026-12-24",
        rendered=found, links=DAY_LINKS, message_domain=DOMAIN, date=NOW,
    ).as_bytes()  # fmt: skip
    assert raw.isascii()
    assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed, found.subject


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("to_name", ["", "杭州华美玩具有限公司运营部" * 4])
def test_the_day_message_goes_out_with_the_reminders_headers(
    day35: list[StoreItem], locale: Locale, to_name: str
) -> None:
    msg, subject = sent(day35, locale, to_name)
    assert msg["Subject"] == subject
    assert msg["To"].addresses[0].addr_spec == "agency@example.com"
    assert rfc2047_display_name(msg, "To") == to_name
    assert msg["Message-ID"] == message_id("day:7:2026-12-24", DOMAIN)
    assert msg["List-Unsubscribe"] == f"<{DAY_LINKS.unsubscribe}>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Content-Language"] == locale
    assert msg["Date"].datetime == NOW
    text, html = parts(msg)
    assert DAY_LINKS.unsubscribe in text and DAY_LINKS.unsubscribe in html


@pytest.mark.parametrize(
    ("locale", "line"), [("zh-CN", "✓ 全部 {n} 家可报名"), ("en", "✓ Eligible: all {n} stores")]
)
def test_when_every_store_can_sign_up_they_are_counted_not_named_again(
    locale: str, line: str
) -> None:
    items = [SAMPLE.item("opens", s, BENCHMARK) for s in STORES]
    items = [i for i in items if i.verdict.status == "eligible"]
    assert len(items) > 2
    _, text, html = render(items, locale)
    assert line.format(n=len(items)) in text.splitlines()
    assert line.format(n=len(items)) in markup.unescape(re.sub(r"<[^>]+>", "", html))
    # said once: no count line above it repeating "35 can sign up"
    tally = {"zh-CN": "  {n} 家可报名", "en": "  {n} eligible"}[locale].format(n=len(items))
    assert tally not in text.splitlines()
    # A store more in the message that cannot sign up for it: the eligible ones are named.
    others = [SAMPLE.item("opens", s, MONTHLY) for s in STORES]
    failing = next(i for i in others if i.verdict.status == "ineligible")
    more = render([*items, dataclasses.replace(failing, store_id="another")], locale)[1]
    assert line.format(n=len(items)) not in more
    assert name_of(items[0], locale) in more
