"""Reminder emails rendered from the real catalog and verdicts: what each says, and in which
words."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as markup
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from calendar_service.domain.catalog import Op, Scope
from calendar_service.domain.figures import figure
from calendar_service.domain.subscriptions import Locale
from calendar_service.domain.verdicts import Judgement, JudgementStatus
from calendar_service.mail import (
    RenderError,
    render_digest,
    render_reminder,
)
from calendar_service.mail.dates import span_text
from calendar_service.mail.render import TEMPLATES_DIR
from calendar_service.mail.view import progress
from tests.mail_support import (
    CATALOG,
    DAILY,
    KINDS,
    LINKS,
    SENT_AT,
    STORE,
    WEEK_START,
    YEARLY,
    judged,
    products,
    render,
)
from tests.times import CST


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
