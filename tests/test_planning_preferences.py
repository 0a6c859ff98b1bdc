"""Planning by a subscription's preferences (pure): the cycles it asked for, a daily or weekly
summary of the daily activities, invitation-only activities, and one cycle planned at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import (
    Activity,
    Catalog,
    Criterion,
    CriterionKind,
    Cycle,
    DailyWindow,
    Op,
    Scope,
    Source,
    YearlyWindow,
)
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.planning import INVITATION_SIGNAL, plan_reminders
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Subscription
from tests.times import CST

DAY = dt.timedelta(days=1)
WORKDAYS = ChineseWorkdays()
SIGNAL = Criterion(
    "invited-before", "曾受邀", "Invited before", CriterionKind.INVITATION, Scope.STORE,
    "invited_before", Op.AT_LEAST, Decimal(1), Source.ASSUMED,
)  # fmt: skip
WINDOW = YearlyWindow(3, 27, 45, 20, 3)
CATALOG = Catalog(
    "test",
    (
        Activity("plain", "普通", "Plain", Cycle.YEARLY, WINDOW, remind_days_before=(7, 1)),
        Activity("invited", "邀约", "Invited", Cycle.YEARLY, WINDOW, criteria=(SIGNAL,)),
        Activity("group", "伙拼", "Group", Cycle.DAILY, DailyWindow()),
    ),
)
# A Monday in a plain September week, and a yearly window opening on its Wednesday.
MONDAY = dt.datetime(2026, 9, 14, 8, tzinfo=CST)
WEDNESDAY = dt.date(2026, 9, 16)


SUB = Subscription(1, "s1", "a@example.com", "zh-CN", MONDAY - 30 * DAY)


def _sub(**preferences: Any) -> Subscription:
    return dataclasses.replace(SUB, **preferences)


def _window(activity: str = "plain") -> Occurrence:
    deadline = WEDNESDAY + 10 * DAY
    return Occurrence(
        activity, Cycle.YEARLY, "2026", WEDNESDAY, deadline, deadline + 5 * DAY,
        deadline + 7 * DAY, CST,
    )  # fmt: skip


def _found(*windows: Occurrence) -> list[Occurrence]:
    daily = occurrences(CATALOG, MONDAY.date(), MONDAY.date() + 21 * DAY, CST, Cycle.DAILY)
    return [*windows, *daily]


def _rows(
    sub: Subscription, *windows: Occurrence, days: int = 14, only: Cycle | None = None
) -> list[ReminderRow]:
    found = _found(*windows)
    plan = plan_reminders(CATALOG, [sub], found, MONDAY, MONDAY + days * DAY, CST, WORKDAYS, only)
    return list(plan.rows)


def _nine(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=CST)


def test_the_cycles_a_subscription_asked_for_limit_its_rows() -> None:
    everything = _rows(_sub(), _window())
    assert {r.activity for r in everything} == {"plain", "daily"}
    yearly = _rows(_sub(cycles=frozenset({"yearly"})), _window())
    assert yearly and {r.activity for r in yearly} == {"plain"}
    assert yearly == [r for r in everything if r.activity == "plain"]
    daily = _rows(_sub(cycles=frozenset({"daily"})), _window())
    assert daily and {r.kind for r in daily} == {"digest"}
    assert not _rows(_sub(cycles=frozenset({"monthly"})), _window())


def test_a_daily_summary_goes_every_working_day() -> None:
    rows = _rows(_sub(cycles=frozenset({"daily"}), daily_summary="daily"), days=14)
    days = [r.due_at.astimezone(CST).date() for r in rows]
    expected = [d for d in (MONDAY.date() + n * DAY for n in range(14)) if WORKDAYS.is_workday(d)]
    assert days == expected  # one a working day, none on a weekend
    for row, day in zip(rows, days, strict=True):
        assert row.occurrence_key == f"digest:{day.isoformat()}"
        assert row.due_at == _nine(day)
        assert row.deadline_at == dt.datetime.combine(day + DAY, dt.time(), tzinfo=CST)


def test_a_weekly_summary_rides_with_the_weeks_first_other_reminder() -> None:
    rows = _rows(_sub(), _window(), days=15)
    digests = {r.occurrence_key: r.due_at for r in rows if r.kind == "digest"}
    others = {r.kind: r.due_at for r in rows if r.kind != "digest"}
    # The window opens on Wednesday the 16th; before-7d (Sat 19th) moves to Friday the 18th;
    # before-1d (Fri 25th, the Mid-Autumn Festival) moves to Thursday the 24th. The week after
    # has none, and National Day from the 1st.
    assert others == {
        "opens": _nine(WEDNESDAY),
        "before-7d": _nine(dt.date(2026, 9, 18)),
        "before-1d": _nine(dt.date(2026, 9, 24)),
    }
    assert digests == {
        "digest:2026-W38": _nine(WEDNESDAY),  # with the opening, not alone on Monday
        "digest:2026-W39": _nine(dt.date(2026, 9, 24)),  # with before-1d
        "digest:2026-W40": _nine(dt.date(2026, 9, 28)),  # none to ride with: the first workday
    }
    alone = {r.occurrence_key: r.due_at for r in _rows(_sub(), days=15)}  # no window at all
    assert alone == {
        "digest:2026-W38": _nine(MONDAY.date()),
        "digest:2026-W39": _nine(dt.date(2026, 9, 21)),
        "digest:2026-W40": _nine(dt.date(2026, 9, 28)),
    }


def test_an_invitation_only_activity_gets_only_a_signal_line_when_it_opens() -> None:
    rows = [r for r in _rows(_sub(), _window("invited"), days=30) if r.activity == "invited"]
    assert [(r.kind, r.due_at) for r in rows] == [(INVITATION_SIGNAL, _nine(WEDNESDAY))]


def test_one_cycle_at_a_time_yet_the_weekly_summary_rides_with_the_others() -> None:
    yearly = _rows(_sub(), _window(), only=Cycle.YEARLY)
    assert yearly and {r.activity for r in yearly} == {"plain"}
    daily = _rows(_sub(), _window(), only=Cycle.DAILY)
    assert daily and {r.kind for r in daily} == {"digest"}
    assert sorted(yearly + daily, key=lambda r: r.key) == sorted(
        _rows(_sub(), _window()), key=lambda r: r.key
    )
    week = next(r for r in daily if r.occurrence_key == "digest:2026-W38")
    assert week.due_at == _nine(WEDNESDAY)  # rides with the yearly opening planned apart
