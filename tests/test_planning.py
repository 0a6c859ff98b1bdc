"""Reminder planning: 09:00 on Chinese working days, the shift rules, digests, idempotency."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import chinese_calendar  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from calendar_service.adapters.db import Repository
from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.tables import REMINDERS
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
from calendar_service.domain.planning import (
    Plan,
    StatusChange,
    Weekdays,
    plan_reminders,
    remembered,
    status_change_row,
    status_changes,
)
from calendar_service.domain.send_days import WorkdayLog
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.planning import plan
from tests.planning_support import PLANNED_AT, SHIPPED, add_stores
from tests.times import CST

DAY = dt.timedelta(days=1)
WORKDAYS = ChineseWorkdays()
SALES = Criterion(
    "sales-before-deadline", "销售额", "Sales", CriterionKind.REQUIREMENT, Scope.STORE,
    "gmv_30d_before_deadline", Op.AT_LEAST, Decimal(10000), Source.ASSUMED,
)  # fmt: skip
WINDOW = YearlyWindow(3, 27, 45, 20, 3)
CATALOG = Catalog(
    "test",
    (
        Activity("promo", "大促", "Promotion", Cycle.YEARLY, WINDOW, criteria=(SALES,)),
        Activity("plain", "普通", "Plain", Cycle.YEARLY, WINDOW, remind_days_before=(7, 1)),
        Activity("group", "伙拼", "Group", Cycle.DAILY, DailyWindow()),
    ),
)
SUB = Subscription(1, "s1", "a@example.com", "zh-CN", dt.datetime(2026, 1, 1, tzinfo=CST))


def _occ(opens: dt.date, deadline: dt.date, activity: str = "promo") -> Occurrence:
    return Occurrence(
        activity, Cycle.YEARLY, str(opens.year), opens, deadline, deadline + 5 * DAY,
        deadline + 7 * DAY, CST,
    )  # fmt: skip


def _plan(*found: Occurrence, now: dt.datetime | None = None, days: int = 400) -> Plan:
    start = now or dt.datetime(2025, 12, 1, tzinfo=CST)
    return plan_reminders(CATALOG, [SUB], found, start, start + days * DAY, CST, WORKDAYS)


def _dues(found: Plan) -> dict[str, dt.datetime]:
    return {row.kind: row.due_at for row in found.rows}


def _nine(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 9, tzinfo=CST)


def test_every_reminder_is_due_at_nine_in_shanghai() -> None:
    found = _plan(_occ(dt.date(2026, 6, 1), dt.date(2026, 6, 30)))
    assert {row.kind for row in found.rows} == {"opens", "prepare", "before-7d", "before-1d"}
    for row in found.rows:
        assert row.due_at.astimezone(CST).time() == dt.time(9)
        assert row.due_at.utcoffset() == dt.timedelta(hours=8)
        assert row.due_at.astimezone(dt.UTC).hour == 1
        assert row.deadline_at == dt.datetime(2026, 7, 1, tzinfo=CST)
        assert row.key == f"1/promo:2026/{row.kind}"
    assert found.unknown_years == () and found.guessed == frozenset()


def test_before_7d_in_national_day_moves_to_the_previous_working_day() -> None:
    assert all(chinese_calendar.is_holiday(dt.date(2026, 10, d)) for d in range(1, 8))
    dues = _dues(_plan(_occ(dt.date(2026, 9, 16), dt.date(2026, 10, 12))))
    assert dues["before-7d"] == _nine(2026, 9, 30)  # nominal Mon Oct 5, in the holiday
    # Nominal Sun Oct 11: the previous working day is Sat Oct 10, a make-up working day (调休).
    assert dues["before-1d"] == _nine(2026, 10, 10)
    # The measuring window starts Sun Sep 13 (deadline_at − 30 days): later, Mon Sep 14,
    # before sign-up opens, sent anyway.
    assert dues["prepare"] == _nine(2026, 9, 14)
    assert dues["opens"] == _nine(2026, 9, 16)


def test_opens_on_a_make_up_working_sunday_stays_on_it() -> None:
    sunday = dt.date(2026, 9, 20)
    assert sunday.weekday() == 6 and chinese_calendar.is_workday(sunday)
    dues = _dues(_plan(_occ(sunday, dt.date(2026, 9, 30), "plain")))
    assert dues == {
        "opens": _nine(2026, 9, 20),
        "before-7d": _nine(2026, 9, 23),
        "before-1d": _nine(2026, 9, 29),
    }


def test_opens_in_a_holiday_moves_later_and_earlier_reminders_are_dropped() -> None:
    # Opens Thu Oct 1 → Thu Oct 8; before-7d (Sat Oct 3 → Sep 30) would precede it: dropped.
    dues = _dues(_plan(_occ(dt.date(2026, 10, 1), dt.date(2026, 10, 10), "plain")))
    assert dues == {"opens": _nine(2026, 10, 8), "before-1d": _nine(2026, 10, 9)}


def test_a_window_without_a_working_day_is_announced_on_its_first_day() -> None:
    dues = _dues(_plan(_occ(dt.date(2026, 10, 2), dt.date(2026, 10, 6), "plain")))
    assert dues == {"opens": _nine(2026, 10, 2)}


def test_2027_falls_back_to_weekdays_and_says_so() -> None:
    now = dt.datetime(2026, 12, 1, tzinfo=CST)
    found = _plan(_occ(dt.date(2027, 1, 2), dt.date(2027, 1, 20), "plain"), now=now, days=60)
    assert _dues(found) == {
        "opens": _nine(2027, 1, 4),  # Saturday → Monday
        "before-7d": _nine(2027, 1, 13),
        "before-1d": _nine(2027, 1, 19),
    }
    assert found.unknown_years == (2027,)
    assert found.guessed == {row.key for row in found.rows}
    assert not WORKDAYS.known(dt.date(2027, 1, 4)) and WORKDAYS.known(dt.date(2026, 12, 31))


def test_nothing_is_planned_past_a_deadline_and_late_subscribers_get_one_catch_up() -> None:
    occ = _occ(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert _plan(occ, now=dt.datetime(2026, 7, 1, tzinfo=CST)).rows == ()
    noon = dt.datetime(2026, 6, 24, 12, tzinfo=CST)  # a Wednesday, a working day: at once
    late = _plan(occ, now=noon)
    assert _dues(late) == {"before-7d": noon, "before-1d": _nine(2026, 6, 29)}


def test_a_catch_up_before_nine_on_a_working_day_waits_for_nine() -> None:
    occ = _occ(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    early = _plan(occ, now=dt.datetime(2026, 6, 24, 5, 6, tzinfo=CST))  # Wednesday 05:06
    assert _dues(early) == {"before-7d": _nine(2026, 6, 24), "before-1d": _nine(2026, 6, 29)}


def test_a_catch_up_at_the_weekend_waits_for_monday_at_nine() -> None:
    occ = _occ(dt.date(2026, 6, 4), dt.date(2026, 6, 30), "plain")  # opens Thursday
    saturday = _plan(occ, now=dt.datetime(2026, 6, 6, 10, tzinfo=CST))
    assert _dues(saturday) == {
        "opens": _nine(2026, 6, 8),  # Monday
        "before-7d": _nine(2026, 6, 23),
        "before-1d": _nine(2026, 6, 29),
    }
    assert saturday.guessed == frozenset()


def test_a_catch_up_landing_on_a_later_reminder_of_its_window_is_left_to_it() -> None:
    # Saturday June 27: before-7d (Tue 23) would wait for Monday 29, when before-1d is due.
    occ = _occ(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert _dues(_plan(occ, now=dt.datetime(2026, 6, 27, 10, tzinfo=CST))) == {
        "before-1d": _nine(2026, 6, 29)
    }


def test_a_catch_up_whose_deadline_comes_before_the_next_morning_goes_at_once() -> None:
    # Deadline Sunday June 28 (over at Monday 00:00): Monday 09:00 would be too late.
    occ = _occ(dt.date(2026, 6, 25), dt.date(2026, 6, 28), "plain")
    saturday = dt.datetime(2026, 6, 27, 10, tzinfo=CST)
    assert _dues(_plan(occ, now=dt.datetime(2026, 6, 24, tzinfo=CST))) == {
        "opens": _nine(2026, 6, 25),
        "before-1d": _nine(2026, 6, 26),  # Saturday 27 → Friday 26
    }
    found = _plan(occ, now=saturday)
    assert _dues(found) == {"before-1d": saturday}
    assert found.rows[0].deadline_at == dt.datetime(2026, 6, 29, tzinfo=CST)


def test_a_catch_up_goes_on_the_make_up_working_sunday() -> None:
    occ = _occ(dt.date(2026, 9, 14), dt.date(2026, 9, 30), "plain")
    later = {"before-7d": _nine(2026, 9, 23), "before-1d": _nine(2026, 9, 29)}
    saturday = dt.datetime(2026, 9, 19, 10, tzinfo=CST)
    assert _dues(_plan(occ, now=saturday)) == {"opens": _nine(2026, 9, 20)} | later
    sunday_early = dt.datetime(2026, 9, 20, 7, tzinfo=CST)
    assert _dues(_plan(occ, now=sunday_early)) == {"opens": _nine(2026, 9, 20)} | later
    sunday_afternoon = dt.datetime(2026, 9, 20, 15, tzinfo=CST)
    assert _dues(_plan(occ, now=sunday_afternoon)) == {"opens": sunday_afternoon} | later


@pytest.mark.parametrize(
    ("now", "sending"),
    [
        ("2026-06-24 05:06", "2026-06-24 09:00"),  # a Wednesday
        ("2026-06-24 09:00", "2026-06-24 09:00"),
        ("2026-06-24 17:30", "2026-06-24 17:30"),
        ("2026-06-26 23:59", "2026-06-26 23:59"),  # Friday night: still a working day
        ("2026-06-27 00:30", "2026-06-29 09:00"),  # Saturday → Monday
        ("2026-09-19 12:00", "2026-09-20 09:00"),  # Saturday → the make-up working Sunday
        ("2026-10-01 10:00", "2026-10-08 09:00"),  # National Day → the first day after it
    ],
)
def test_the_first_sending_time_from_a_moment(now: str, sending: str) -> None:
    days = WorkdayLog(WORKDAYS)
    found = days.sending_from(dt.datetime.fromisoformat(now).replace(tzinfo=CST), CST)
    expected = dt.datetime.fromisoformat(sending).replace(tzinfo=CST)
    assert found == (expected, True) and not days.unknown_years
    guessed = WorkdayLog(WORKDAYS).sending_from(dt.datetime(2027, 1, 2, 10, tzinfo=CST), CST)
    assert guessed == (_nine(2027, 1, 4), False)  # Saturday → Monday, Monday-Friday guessed


def test_unsubscribed_subscriptions_get_nothing() -> None:
    ended = Subscription(2, "s1", "b@example.com", "en", SUB.created_at, SUB.created_at)
    occ = _occ(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    start = dt.datetime(2026, 5, 1, tzinfo=CST)
    found = plan_reminders(CATALOG, [ended], [occ], start, start + 60 * DAY, CST, WORKDAYS)
    assert found.rows == ()


def test_daily_activities_get_a_weekly_digest_not_daily_mail() -> None:
    now = dt.datetime(2026, 9, 1, 10, tzinfo=CST)  # a Tuesday, in ISO week 36
    found_occ = occurrences(CATALOG, now.date(), dt.date(2026, 12, 1), CST, Cycle.DAILY)
    rows = _plan(*found_occ, now=now, days=70).rows
    assert {row.kind for row in rows} == {"digest"}
    weeks = [row.occurrence_key for row in rows]
    assert weeks[0] == "digest:2026-W36" and weeks[-1] == "digest:2026-W46"
    assert len(weeks) == len(set(weeks)) == 11  # one a week
    by_week = {row.occurrence_key: row for row in rows}
    assert by_week["digest:2026-W36"].due_at == now  # this week's, as catch-up: at once
    assert by_week["digest:2026-W37"].due_at == _nine(2026, 9, 7)  # Monday
    assert by_week["digest:2026-W41"].due_at == _nine(2026, 10, 8)  # first day after the holiday
    assert by_week["digest:2026-W41"].deadline_at == dt.datetime(2026, 10, 12, tzinfo=CST)
    assert all(row.activity == "daily" for row in rows)


def test_a_weekly_digest_caught_up_waits_for_nine_or_goes_before_its_week_ends() -> None:
    def week_36(now: dt.datetime) -> dt.datetime:
        found_occ = occurrences(CATALOG, now.date(), dt.date(2026, 10, 1), CST, Cycle.DAILY)
        rows = _plan(*found_occ, now=now, days=7).rows
        return next(r.due_at for r in rows if r.occurrence_key == "digest:2026-W36")

    assert week_36(dt.datetime(2026, 9, 2, 5, 6, tzinfo=CST)) == _nine(2026, 9, 2)  # Wednesday
    # Saturday: Monday 09:00 is in the next week, past the summary's deadline: at once.
    saturday = dt.datetime(2026, 9, 5, 10, tzinfo=CST)
    assert week_36(saturday) == saturday


def test_a_week_without_working_days_has_no_digest_and_2027_weeks_are_flagged() -> None:
    now = dt.datetime(2026, 2, 2, tzinfo=CST)
    series = occurrences(CATALOG, now.date(), dt.date(2027, 3, 1), CST, Cycle.DAILY)
    found = _plan(*series, now=now, days=380)
    weeks = {row.occurrence_key: row for row in found.rows}
    assert "digest:2026-W07" in weeks and "digest:2026-W09" in weeks
    assert "digest:2026-W08" not in weeks  # Spring Festival: Feb 16-22 off
    assert weeks["digest:2027-W05"].due_at == _nine(2027, 2, 1)
    assert weeks["digest:2027-W05"].key in found.guessed
    assert weeks["digest:2026-W09"].key not in found.guessed
    assert found.unknown_years == (2027,)


def _sending_from(now: dt.datetime) -> dt.datetime:
    """When a message may go from `now` on: now on a working day from 09:00, else 09:00 of the
    next working day."""
    day = now.date()
    if now.time() >= dt.time(9):
        if WORKDAYS.is_workday(day):
            return now
        day += DAY
    while not WORKDAYS.is_workday(day):
        day += DAY
    return _nine(day.year, day.month, day.day)


@given(
    st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 1)),
    st.integers(0, 40),
    st.integers(0, 60),
    st.integers(0, 23),
    st.sampled_from(["promo", "plain"]),
)
def test_planned_rows_obey_the_rules(
    opens: dt.date, length: int, lag: int, hour: int, key: str
) -> None:
    occ = _occ(opens, opens + length * DAY, key)
    now = dt.datetime.combine(opens - 35 * DAY + lag * DAY, dt.time(hour, 6), tzinfo=CST)
    rows = _plan(occ, now=now, days=60).rows
    nominal = _dues(_plan(occ, now=dt.datetime(2024, 1, 1, tzinfo=CST), days=1500))
    assert len({row.key for row in rows}) == len(rows)
    opening = nominal.get("opens")
    for row in rows:
        assert now <= row.due_at < row.deadline_at and row.due_at < now + 60 * DAY
        if nominal[row.kind] <= now:
            continue  # the catch-up, below
        day = row.due_at.date()
        assert row.due_at == nominal[row.kind] and row.due_at.time() == dt.time(9)
        if row.kind.startswith("before-"):
            assert WORKDAYS.is_workday(day)
            assert opening is None or row.due_at > opening
            assert day <= occ.deadline_on - int(row.kind[7:-1]) * DAY
        if row.kind == "opens":
            assert row.due_at >= occ.opens_at
    caught = [row for row in rows if nominal[row.kind] <= now]
    past = [kind for kind, due in nominal.items() if due <= now]
    if not past or occ.deadline_at <= now:
        assert caught == []
        return
    latest = max(past, key=nominal.__getitem__)  # only the latest is caught up
    sending = _sending_from(now)
    if sending >= occ.deadline_at:  # too late for the next morning: at once
        assert [(r.kind, r.due_at) for r in caught] == [(latest, now)]
    elif any(r.due_at == sending for r in rows if r not in caught):  # said by a later one
        assert caught == []
    else:
        assert [(r.kind, r.due_at) for r in caught] == [(latest, sending)]


def test_status_changes_are_eligible_to_ineligible_and_back() -> None:
    previous = {"a": "eligible", "b": "ineligible", "c": "eligible", "d": "unknown"}
    current = {"a": "ineligible", "b": "eligible", "c": "unknown", "d": "eligible", "e": "eligible"}
    changes = status_changes(previous, current)
    assert changes == [
        StatusChange("a", "eligible", "ineligible"),
        StatusChange("b", "ineligible", "eligible"),
    ]
    assert [c.became_eligible for c in changes] == [False, True]
    kept = remembered(previous, current)
    assert kept == dict.fromkeys("bcde", "eligible") | {"a": "ineligible"}
    assert status_changes(kept, {"c": "ineligible"}) == [
        StatusChange("c", "eligible", "ineligible")
    ]


def test_a_status_change_row_waits_for_nine_on_a_working_day() -> None:
    change = StatusChange("group", "ineligible", "eligible")
    row = status_change_row(SUB, change, dt.datetime(2026, 9, 30, 14, tzinfo=CST), CST, WORKDAYS)
    assert row is not None
    assert row.due_at == _nine(2026, 10, 8)  # after the National Day holiday
    assert row.deadline_at == dt.datetime(2026, 10, 12, tzinfo=CST)
    assert row.key == "1/group:daily:2026-10-08:eligible/status-change"
    early = status_change_row(SUB, change, dt.datetime(2027, 3, 2, 8, tzinfo=CST), CST, Weekdays())
    assert early is not None and early.due_at == _nine(2027, 3, 2)


# Storage: the service on SQLite and PostgreSQL ---------------------------------------------------


def _keys(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(select(REMINDERS.c.key).order_by(REMINDERS.c.key)))


def test_planning_twice_adds_nothing(repository: Repository, engine: Engine) -> None:
    add_stores(repository, "s1", "s2")
    repository.subscribe("s1", "a@example.com", "zh-CN", PLANNED_AT)
    repository.subscribe("s2", "a@example.com", "en", PLANNED_AT)
    store = ReminderStore(engine)
    first = plan(SHIPPED, store, PLANNED_AT, CST)
    assert first.added == first.considered > 0 and not first.unknown_holiday_years
    again = plan(SHIPPED, store, PLANNED_AT, CST)  # planned through the horizon: passed over
    assert (again.added, again.considered) == (0, 0)
    assert len(_keys(engine)) == first.added
    # A longer horizon plans every row again, the first week's among them: only the new are added.
    later = plan(SHIPPED, store, PLANNED_AT, CST, horizon=21 * DAY)
    assert later.considered > later.added > 0
    assert later.added == len(_keys(engine)) - first.added


def test_two_planners_at_once_add_each_row_once(repository: Repository, engine: Engine) -> None:
    add_stores(repository, "s1")
    repository.subscribe("s1", "a@example.com", "zh-CN", PLANNED_AT)
    store = ReminderStore(engine)
    added: list[int] = []
    threads = [
        threading.Thread(target=lambda: added.append(plan(SHIPPED, store, PLANNED_AT, CST).added))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(added) == len(_keys(engine)) > 0


def test_unsubscribed_addresses_get_no_new_rows(repository: Repository, engine: Engine) -> None:
    add_stores(repository, "s1")
    kept = repository.subscribe("s1", "a@example.com", "zh-CN", PLANNED_AT)
    ended = repository.subscribe("s1", "b@example.com", "zh-CN", PLANNED_AT)
    repository.unsubscribe("b@example.com", now=PLANNED_AT)
    report = plan(SHIPPED, ReminderStore(engine), PLANNED_AT, CST)
    assert report.added > 0
    owners = {key.split("/")[0] for key in _keys(engine)}
    assert owners == {str(kept.id)} and str(ended.id) not in owners


def test_planning_into_2027_reports_the_guessed_year(
    repository: Repository, engine: Engine
) -> None:
    add_stores(repository, "s1")
    repository.subscribe("s1", "a@example.com", "zh-CN", PLANNED_AT)
    store = ReminderStore(engine)
    assert not plan(SHIPPED, store, PLANNED_AT, CST).unknown_holiday_years  # August: known
    report = plan(SHIPPED, store, dt.datetime(2026, 12, 28, tzinfo=CST), CST)
    assert report.unknown_holiday_years == {2027} and report.added > 0


def test_new_subscribers_hear_what_is_past_due_at_the_next_sending_time(
    repository: Repository, engine: Engine
) -> None:
    """December's monthly sign-ups opened on Tuesday the 15th at 09:00 (their deadlines are at
    the end of Friday the 25th); the week's summary is over at Monday the 21st, 00:00."""
    add_stores(repository, "s1")
    store = ReminderStore(engine)
    early = dt.datetime(2026, 12, 16, 5, 6, tzinfo=CST)  # Wednesday, before 09:00
    saturday = dt.datetime(2026, 12, 19, 10, tzinfo=CST)
    due: dict[dt.datetime, dict[str, dt.datetime]] = {}
    for now in (early, saturday):
        sub = repository.subscribe("s1", f"{now.day}@example.com", "zh-CN", PLANNED_AT)
        assert plan(SHIPPED, store, now, CST).added > 0
        due[now] = {
            s.row.key.split("/", 1)[1]: s.row.due_at
            for s in store.all()
            if s.row.subscription_id == sub.id and s.row.due_at < now + 2 * DAY
        }
    assert due[early]["digest:2026-W51/digest"] == _nine(2026, 12, 16)
    assert due[early]["monthly-origin:2027-01/opens"] == _nine(2026, 12, 16)
    assert set(due[early].values()) == {_nine(2026, 12, 16)}  # one message, at 09:00
    # Saturday: Monday 09:00, but the week's summary would be over by then: at once.
    assert due[saturday].pop("digest:2026-W51/digest") == saturday
    assert due[saturday]["monthly-origin:2027-01/before-7d"] == _nine(2026, 12, 21)
    assert set(due[saturday].values()) == {_nine(2026, 12, 21)}
