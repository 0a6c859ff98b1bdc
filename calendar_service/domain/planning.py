"""Reminder planning (pure): which reminders are due when, for every subscription and occurrence.

A reminder row is one thing to tell one subscription; the dispatcher gathers every row due for
an address into that day's one message (`services/dispatch.py`). Every row is due at 09:00 local
time on a working day (a catch-up row, below, may be due when it is planned). Kinds and rules:

- `opens`: sign-up opens; moves LATER to the next working day (never before the window opens).
  A window with no working day at all is announced at 09:00 of its first day rather than lost.
- `prepare`: the 30-day measuring window of `gmv_30d_before_deadline` starts (deadline_at − 30
  days), usually before sign-up opens, and sent anyway: that is the point. Moves LATER.
- `before-{n}d`: 09:00 on the day n days before the deadline day (`before-0d`: the last day),
  from `Activity.remind_days_before`; moves EARLIER (never lose lead time). When that is at or
  before the `opens` reminder it is dropped: the opening, which states the deadline, says it.
  When two land on the same time, the one with the larger n is kept.
- `invitation-signal`: an invitation-only activity (the platform invites; nobody signs up) has
  no sign-up reminders, only this one, when its window opens; it is told only to a store that
  shows the invitation signals (decided when the message is written, from the latest data).
- `digest`: the daily activities (a series) summed up, never a message of their own each day:
  weekly (a subscription's preference), it rides with the first other reminder of its ISO week,
  or goes on the week's first working day when the week has none; daily, on every working day.
  A week with no working day (Spring Festival) has none.
- `status-change`: a store became eligible, or stopped being, for a daily activity; see
  `status_changes`, `remembered` and `status_change_row`.

A subscription gets the rows of the cycles it asked for (`Subscription.cycles`). A due time at
or after the row's deadline is never planned. Rows already due at `now` (a new subscriber, a
fresh install, a daemon that was down) are collapsed: per occurrence only the latest is kept, as
catch-up, due at the next sending time: `now` on a working day at or after 09:00, else 09:00 of
the next working day; at `now` when that time is at or past the row's deadline (rather than
lost). A catch-up that would land with a later reminder of its occurrence is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import DAILY_PERIOD, Occurrence
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.send_days import (
    DAY,
    SendDays,
    Weekdays,
    WorkdayCalendar,
    WorkdayLog,
    at_nine,
)
from calendar_service.domain.subscriptions import Subscription

__all__ = [  # and, for its readers, the sending days it plans by (domain/send_days.py)
    "DIGEST", "DIGEST_ACTIVITY", "ELIGIBLE", "INELIGIBLE", "INVITATION_SIGNAL", "OPENS",
    "PREPARE", "STATUS_CHANGE", "WINDOW_FIGURES", "Plan", "SendDays", "StatusChange", "Weekdays",
    "WorkdayCalendar", "at_nine", "before_kind", "plan_reminders", "remembered",
    "status_change_row", "status_changes",
]  # fmt: skip

OPENS, PREPARE, DIGEST, STATUS_CHANGE = "opens", "prepare", "digest", "status-change"
INVITATION_SIGNAL = "invitation-signal"
DIGEST_ACTIVITY = "daily"  # a digest row's `activity`: it covers every daily activity
# Figures measured over a window that ends at the deadline, and the window's length in days.
WINDOW_FIGURES: Mapping[str, int] = {"gmv_30d_before_deadline": 30}


def before_kind(days: int) -> str:
    return f"before-{days}d"


@dataclass(frozen=True)
class Plan:
    rows: tuple[ReminderRow, ...]
    guessed: frozenset[str]  # keys of rows whose due day rests on the Monday-Friday fallback
    unknown_years: tuple[int, ...]  # years without holiday data that were consulted


@dataclass(frozen=True)
class _Due:
    """One reminder of one occurrence (or week), the same for every subscription."""

    activity: str
    occurrence_key: str
    kind: str
    due_at: dt.datetime
    deadline_at: dt.datetime
    guessed: bool


def plan_reminders(
    catalog: Catalog,
    subscriptions: Iterable[Subscription],
    found: Iterable[Occurrence],
    now: dt.datetime,
    until: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
    only: Cycle | None = None,
) -> Plan:
    """Reminder rows due before `until` for the active subscriptions and the occurrences found,
    each subscription's of the cycles it asked for; with `only`, the rows of that cycle alone
    (a weekly summary still rides with the other cycles' reminders found).

    `found` may reach past `until` (a `prepare` can fall a month before its window opens).
    """
    days = WorkdayLog(workdays)
    windows: list[tuple[str, list[_Due]]] = []  # (cycle, dues) per occurrence
    series = False
    for occ in found:
        if occ.is_series:
            series = True
        else:
            windows.append((occ.cycle.value, _window_dues(catalog, occ, tz, days)))
    schedules: dict[tuple[frozenset[str], str], list[_Due]] = {}
    rows: list[ReminderRow] = []
    guessed: set[str] = set()
    for sub in subscriptions:
        if not sub.active:
            continue
        wanted = (sub.cycles, sub.daily_summary)
        schedule = schedules.get(wanted)
        if schedule is None:
            schedule = schedules[wanted] = _schedule(
                windows, series, sub.cycles, sub.daily_summary, now, until, tz, days, only
            )
        for due in schedule:
            row = ReminderRow.planned(
                subscription_id=sub.id,
                store_id=sub.store_id,
                activity=due.activity,
                occurrence_key=due.occurrence_key,
                kind=due.kind,
                due_at=due.due_at,
                deadline_at=due.deadline_at,
            )
            rows.append(row)
            if due.guessed:
                guessed.add(row.key)
    return Plan(tuple(rows), frozenset(guessed), tuple(sorted(days.unknown_years)))


def _schedule(
    windows: list[tuple[str, list[_Due]]],
    series: bool,
    cycles: frozenset[str],
    daily_summary: str,
    now: dt.datetime,
    until: dt.datetime,
    tz: ZoneInfo,
    days: WorkdayLog,
    only: Cycle | None,
) -> list[_Due]:
    """The reminders of one combination of preferences (the same for every subscription that
    has it): the windows of its cycles, and the summaries of the daily activities."""
    schedule: list[_Due] = []
    told_on: set[dt.date] = set()  # days with a window reminder: a weekly summary rides along
    for cycle, dues in windows:
        if cycle in cycles:
            if only is None or cycle == only.value:
                schedule += _catch_up(dues, now, tz, days)
            # Nominal days, whenever planned: a week's summary is the same at every planning.
            told_on.update(d.due_at.astimezone(tz).date() for d in dues)
    if series and Cycle.DAILY.value in cycles and only in (None, Cycle.DAILY):
        if daily_summary == "daily":
            found = _daily_dues(now, until, tz, days)
        else:
            found = _digest_dues(now, until, tz, days, told_on)
        schedule += _catch_up(found, now, tz, days)
    return [d for d in schedule if d.due_at < until]


def _catch_up(dues: list[_Due], now: dt.datetime, tz: ZoneInfo, days: WorkdayLog) -> list[_Due]:
    """Drop what is over; of the rows already due at `now`, keep only the latest, due at the
    first sending time from `now` on (`WorkdayLog.sending_from`), or at `now` when that time is
    at or past the row's deadline: it goes at once rather than not at all. It is dropped when a
    later reminder of its occurrence is due by then: that one says it."""
    live = [d for d in dues if d.deadline_at > now]
    kept = [d for d in live if d.due_at > now]
    past = [d for d in live if d.due_at <= now]
    if not past:
        return kept
    latest = max(past, key=lambda d: d.due_at)
    sending, known = days.sending_from(now, tz)
    if sending < latest.deadline_at:
        latest = replace(latest, due_at=sending, guessed=latest.guessed or not known)
    else:
        latest = replace(latest, due_at=now)
    key = latest.occurrence_key
    if any(d.occurrence_key == key and d.due_at <= latest.due_at for d in kept):
        return kept
    return [latest, *kept]


def _window_dues(catalog: Catalog, occ: Occurrence, tz: ZoneInfo, days: WorkdayLog) -> list[_Due]:
    activity = catalog.activity(occ.activity)
    deadline = occ.deadline_at

    def due(kind: str, day: dt.date, guessed: bool) -> _Due:
        return _Due(occ.activity, occ.key, kind, at_nine(day, tz), deadline, guessed)

    found: list[_Due] = []
    day, known = days.shift(occ.opens_on, +1)
    if day is None or at_nine(day, tz) >= deadline:  # no working day in the whole window
        day = occ.opens_on
    if activity.invitation_only:  # nothing to sign up for: a line, if the signals are there
        return [due(INVITATION_SIGNAL, day, not known)]
    opens = due(OPENS, day, not known)
    found.append(opens)
    lengths = {WINDOW_FIGURES[c.figure] for c in activity.criteria if c.figure in WINDOW_FIGURES}
    for length in sorted(lengths, reverse=True):
        start = (deadline - length * DAY).astimezone(tz).date()
        day, known = days.shift(start, +1)
        if day is not None and at_nine(day, tz) < deadline:
            kind = PREPARE if len(lengths) == 1 else f"{PREPARE}-{length}d"
            found.append(due(kind, day, not known))
    taken = {opens.due_at}
    for n in sorted(set(activity.remind_days_before), reverse=True):
        day, known = days.shift(occ.deadline_on - n * DAY, -1)
        if day is None or at_nine(day, tz) <= opens.due_at or at_nine(day, tz) in taken:
            continue
        taken.add(at_nine(day, tz))
        found.append(due(before_kind(n), day, not known))
    return found


def _digest_dues(
    now: dt.datetime, until: dt.datetime, tz: ZoneInfo, days: WorkdayLog, told_on: set[dt.date]
) -> list[_Due]:
    """One summary per ISO week from `now`'s week to `until`'s: on the week's first day with a
    window reminder (`told_on`), else on its first working day."""
    local_now = now.astimezone(tz).date()
    monday = local_now - local_now.weekday() * DAY
    last = until.astimezone(tz).date()
    found: list[_Due] = []
    while monday <= last:
        next_monday = monday + 7 * DAY
        day, known = days.shift(monday, +1)
        if day is not None and day < next_monday:
            riding = sorted(d for d in told_on if monday <= d < next_monday)
            if riding:
                day, known = riding[0], True
            year, week, _ = monday.isocalendar()
            found.append(
                _Due(
                    DIGEST_ACTIVITY,
                    f"{DIGEST}:{year}-W{week:02d}",
                    DIGEST,
                    at_nine(day, tz),
                    dt.datetime.combine(next_monday, dt.time(), tzinfo=tz),
                    not known,
                )
            )
        monday = next_monday
    return found


def _daily_dues(now: dt.datetime, until: dt.datetime, tz: ZoneInfo, days: WorkdayLog) -> list[_Due]:
    """One summary on every working day from `now`'s day to `until`'s."""
    day = now.astimezone(tz).date()
    last = until.astimezone(tz).date()
    found: list[_Due] = []
    while day <= last:
        workday, known = days.workday(day)
        if workday:
            found.append(
                _Due(
                    DIGEST_ACTIVITY,
                    f"{DIGEST}:{day.isoformat()}",
                    DIGEST,
                    at_nine(day, tz),
                    dt.datetime.combine(day + DAY, dt.time(), tzinfo=tz),
                    not known,
                )
            )
        day += DAY
    return found


# Status changes of the daily activities --------------------------------------------------

ELIGIBLE, INELIGIBLE = "eligible", "ineligible"
_DEFINITE = frozenset({ELIGIBLE, INELIGIBLE})


@dataclass(frozen=True)
class StatusChange:
    activity: str
    previous: str
    current: str

    @property
    def became_eligible(self) -> bool:
        return self.current == ELIGIBLE


def status_changes(previous: Mapping[str, str], current: Mapping[str, str]) -> list[StatusChange]:
    """The activities whose status went eligible ↔ ineligible, sorted by activity.

    Maps are activity key → verdict status. Only definite statuses count: an activity first seen
    (absent from `previous`) is no news, and `unknown` (stale or missing data) is no change;
    `invitation` is not eligibility. Store `remembered(previous, current)` as the next previous.
    """
    return [
        StatusChange(key, previous[key], status)
        for key, status in sorted(current.items())
        if status in _DEFINITE and previous.get(key) in _DEFINITE and previous[key] != status
    ]


def remembered(previous: Mapping[str, str], current: Mapping[str, str]) -> dict[str, str]:
    """What to keep as the last known statuses: `current`, except that `unknown` never
    overwrites a definite status (eligible → unknown → ineligible is one change, not two)."""
    kept = dict(previous)
    for key, status in current.items():
        if status in _DEFINITE or key not in kept:
            kept[key] = status
    return kept


def status_change_row(
    subscription: Subscription,
    change: StatusChange,
    now: dt.datetime,
    tz: ZoneInfo,
    workdays: WorkdayCalendar,
) -> ReminderRow | None:
    """The row announcing one change: 09:00 on the first working day at or after `now` (today
    if before 09:00), stale at the end of that ISO week (the next digest says it then).

    Keyed by activity, day and new status: two dispatchers seeing the same change add one row.
    None when no working day is found within a month.
    """
    today = now.astimezone(tz).date()
    start = today if now < at_nine(today, tz) else today + DAY
    day, _known = WorkdayLog(workdays).shift(start, +1)
    if day is None:
        return None
    week_end = day + (7 - day.weekday()) * DAY
    return ReminderRow.planned(
        subscription_id=subscription.id,
        store_id=subscription.store_id,
        activity=change.activity,
        occurrence_key=f"{change.activity}:{DAILY_PERIOD}:{day.isoformat()}:{change.current}",
        kind=STATUS_CHANGE,
        due_at=at_nine(day, tz),
        deadline_at=dt.datetime.combine(week_end, dt.time(), tzinfo=tz),
    )
