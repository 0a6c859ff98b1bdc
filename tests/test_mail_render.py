"""The day's message for one store rendered from the real catalog and verdicts: its criteria
with their bars, its dates, its words, and a render that fails whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as markup
import re
import shutil
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from calendar_service.domain.catalog import Op, Scope
from calendar_service.domain.figures import figure
from calendar_service.domain.subscriptions import Locale
from calendar_service.domain.verdicts import Judgement, JudgementStatus
from calendar_service.mail import Rendered, RenderError, StoreItem, render_day
from calendar_service.mail.dates import span_text
from calendar_service.mail.render import TEMPLATES_DIR
from calendar_service.mail.view import progress
from tests.mail_support import CATALOG, LINKS, SENT_AT, STORE, YEARLY, store_item
from tests.times import CST

DAILY = ("daily-quick-order", "daily-group-wholesale", "daily-group-buy", "daily-mobile",
         "daily-samples")  # fmt: skip
KINDS = (("opens", YEARLY), ("prepare", YEARLY), ("before-7d", YEARLY), ("before-1d", YEARLY),
         ("invitation-signal", "monthly-sales"), ("status-change", DAILY[1]),
         ("digest", DAILY[4]))  # fmt: skip


def render(
    items: Sequence[StoreItem], locale: str, now: dt.datetime = SENT_AT, **changes: Path
) -> Rendered:
    return render_day(locale=locale, items=items, now=now, tz=CST, links=LINKS, **changes)


def rows(text: str) -> list[str]:
    """The criterion rows of the text part, with the forecast under each (a one-store message
    indents them under the store's status)."""
    return [line[4:] for line in text.splitlines() if line.startswith("    ")]


def test_criteria_rows_say_each_criterion_once_failing_first_with_a_bar() -> None:
    items = [
        store_item("before-1d", YEARLY, SENT_AT),
        store_item("status-change", DAILY[1], SENT_AT),
    ]
    rendered = render(items, "zh-CN")
    yearly, wholesale = (rendered.text.split(f"■ {name}\n", 1)[1] for name in ("327大促", "伙拼"))
    yearly_rows = rows(yearly.split("■ ", 1)[0])
    assert [row[0] for row in yearly_rows] == ["✗", "?"]  # failing, then what cannot be told
    assert yearly_rows[0].startswith("✗ [######----] 已上架产品数 12 < 20:还差 8 件产品")  # 60 %
    assert rows(wholesale)[:2] == [
        "✗ [########--] 近30天买家数 12 < 15:还差 3 位买家",  # 12 / 15 = 80 %
        "  → 按近 2 次数据的趋势(每天 +0.4),近30天买家数预计 2027年3月13日 达到 15",  # under it
    ]
    shown = [j for i in items for j in i.verdict.criteria if j.status in ("fail", "unknown")]
    assert len(rows(rendered.text)) == len(shown) + 1  # each once, and the one forecast
    assert rendered.html.count('class="criterion"') == len(shown)  # no second line repeating it
    assert rendered.html.count("近30天买家数 12 &lt; 15") == 1
    row = rendered.html.split("近30天买家数 12 &lt; 15", 1)[1].split("</tr>", 1)[0]
    assert "width:80%;height:6px;background-color:#dc2626" in row  # red: fails
    passing = [j.message("zh-CN") for i in items for j in i.verdict.criteria if j.status == "pass"]
    assert passing and not [m for m in passing if m in rendered.text]  # only what to act on


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_an_assumed_rule_is_said_on_its_row_not_with_the_catalog_s_keys(locale: Locale) -> None:
    """The yearly promotion's 已上架产品数 is an assumed threshold the store fails: the seller
    reads "assumed" on that row; where the catalog sets it is for the catalog's editor."""
    item = store_item("before-1d", YEARLY, SENT_AT)
    assert any(n.code == "assumed-failed" for n in item.verdict.notes)
    rendered = render([item], locale)
    label, assumed = (
        ("已上架产品数", "此门槛为假设") if locale == "zh-CN" else ("listed", "assumed")
    )
    failing = [row for row in rows(rendered.text) if row.startswith("✗ [")]
    assert any(label in row and assumed in row for row in failing), failing
    for part in (rendered.text, rendered.html):
        assert "activities.toml" not in part and "criteria(" not in part


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


@pytest.mark.parametrize(
    ("locale", "status", "missing"),
    [
        ("zh-CN", ("? 规则未知", "! 资料未给该活动的报名规则"), ("缺少数据", "缺数据")),
        ("en", ("? No rules", "! the source gives no sign-up rules"),
         ("data missing", "Data missing")),
    ],
)  # fmt: skip
def test_an_activity_without_rules_says_so_not_that_data_is_missing(
    locale: Locale, status: tuple[str, str], missing: tuple[str, str]
) -> None:
    items = [store_item("digest", key, SENT_AT) for key in DAILY]
    rendered = render(items, locale)
    name = CATALOG.activity("daily-mobile").name_zh if locale == "zh-CN" else "Mobile"
    mobile = rendered.text.split(f"■ {name}\n", 1)[1].split("■ ", 1)[0].split("\n\n", 1)[0]
    lines = [line.strip() for line in mobile.splitlines()]
    assert status[0] in lines
    assert len([line for line in lines if line.startswith(status[1])]) == 1  # said once
    assert not [word for word in missing if word in mobile]


@pytest.mark.parametrize(
    ("day", "zh", "en"),
    [
        (dt.date(2027, 2, 4), "将于2月6日开始", "starts on Feb 6"),
        (dt.date(2027, 2, 6), "从今天开始", "starts today"),
        (dt.date(2027, 2, 8), "已于2月6日开始", "started on Feb 6"),  # a message sent late
    ],
)
def test_the_prepare_item_says_when_the_sales_window_starts_as_of_the_day_sent(
    day: dt.date, zh: str, en: str
) -> None:
    now = dt.datetime.combine(day, dt.time(9), tzinfo=CST)
    item = store_item("prepare", YEARLY, dt.datetime(2027, 2, 6, 9, tzinfo=CST))
    for locale, words, window in (("zh-CN", zh, "统计窗口 2月6日–3月7日 · "),
                                  ("en", en, "Sales window Feb 6 – Mar 7 · ")):  # fmt: skip
        rendered = render([item], locale, now=now)
        when = rendered.text.split("■ ", 1)[1].splitlines()[1].strip()
        assert when == window + words
        today = "今天" if locale == "zh-CN" else "today"
        assert (today in when) == (day == dt.date(2027, 2, 6))  # only that day's message


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
    assert span_text(start, end, "zh-CN", today) == zh
    assert span_text(start, end, "en", today) == en


def test_a_sign_up_window_in_the_message_reads_as_people_write_it() -> None:
    """The same dates in a message sent in December about a sign-up next year: the year
    written once, where it is not this year's."""
    now = dt.datetime(2026, 12, 24, 9, tzinfo=CST)
    item = store_item("opens", YEARLY, SENT_AT)
    zh, en = (render([item], locale, now=now).text for locale in ("zh-CN", "en"))
    assert "  报名 2027年2月10日–3月7日 · 48 天后开始报名" in zh.splitlines()
    assert "  Sign-up Feb 10 – Mar 7, 2027 · opens in 48 days" in en.splitlines()


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
URL = re.compile(r"(https?|webcal|mailto):\S+")


@pytest.mark.parametrize(("kind", "key"), KINDS)
def test_every_word_of_a_one_store_message_is_in_the_subscribers_language(
    kind: str, key: str
) -> None:
    """Apart from what the store wrote (its name, its products' titles) and a product's name
    (Google Calendar), an English message has no Chinese and a Chinese one no English words."""
    item = store_item(kind, key, SENT_AT)
    data = [STORE, *(p.title or "" for p in item.verdict.products)]
    for locale in ("zh-CN", "en"):
        rendered = render([item], locale)
        for part in (rendered.text, markup.unescape(re.sub(r"<[^>]+>", " ", rendered.html))):
            body = URL.sub(" ", part)
            for words in data:
                body = body.replace(words, " ")
            if locale == "en":
                assert CJK.findall(body) == []
            else:
                assert set(ENGLISH_WORD.findall(body)) - {"Google"} == set()


def test_a_missing_template_variable_raises_render_error(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATES_DIR / "mail", tmp_path / "mail")
    part = tmp_path / "mail" / "day.html.j2"
    part.write_text(part.read_text(encoding="utf-8") + "{{ not_passed }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="not_passed"):
        render([store_item("before-7d", YEARLY, SENT_AT)], "zh-CN", templates_dir=tmp_path)
