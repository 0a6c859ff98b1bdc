"""Reminder planning (pure): which reminders are due when, for every subscription and occurrence.

A reminder row is one thing to tell one subscription; the dispatcher gathers every row due for
an address into that day's one message (`services/dispatch.py`). Every row is due at 09:00 local
time on a working day. Kinds and their shift rules:

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
fresh install) are collapsed: per occurrence only the latest is kept, as catch-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import DAILY_PERIOD, Occurrence
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Subscription

DUE_TIME = dt.time(9, 0)
DAY = dt.timedelta(days=1)
OPENS, PREPARE, DIGEST, STATUS_CHANGE = "opens", "prepare", "digest", "status-change"
INVITATION_SIGNAL = "invitation-signal"
DIGEST_ACTIVITY = "daily"  # a digest row's `activity`: it covers every daily activity
# Figures measured over a window that ends at the deadline, and the window's length in days.
WINDOW_FIGURES: Mapping[str, int] = {"gmv_30d_before_deadline": 30}
_SEARCH = 31  # no holiday lasts a month: how far a shift looks for a working day


class WorkdayCalendar(Protocol):
    """Which days are working days (holidays and make-up working days included)."""

    def is_workday(self, day: dt.date) -> bool: ...

    def known(self, day: dt.date) -> bool:
        """False when `is_workday` is a Monday-Friday guess (no holiday data for the year)."""
        ...


class Weekdays:
    """Monday to Friday, nothing known: the fallback, and a fake for pure tests."""

    def is_workday(self, day: dt.date) -> bool:
        return day.weekday() < 5

    def known(self, day: dt.date) -> bool:
        return False


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


class _Days:
    """A WorkdayCalendar that records the days it had to guess."""

    def __init__(self, workdays: WorkdayCalendar) -> None:
        self._workdays = workdays
        self.unknown_years: set[int] = set()

    def workday(self, day: dt.date) -> tuple[bool, bool]:
        """Whether `day` is a working day, and whether that is known (not a guess)."""
        known = self._workdays.known(day)
        if not known:
            self.unknown_years.add(day.year)
        return self._workdays.is_workday(day), known

    def shift(self, day: dt.date, step: int) -> tuple[dt.date | None, bool]:
        """The working day nearest `day` in direction `step` (+1 later, -1 earlier), and
        whether every day consulted was known; None when there is none within a month."""
        known = True
        for _ in range(_SEARCH):
            if not self._workdays.known(day):
                known = False
                self.unknown_years.add(day.year)
            if self._workdays.is_workday(day):
                return day, known
            day += step * DAY
        return None, known


def at_nine(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """09:00 of `day` in the catalog's time zone."""
    return dt.datetime.combine(day, DUE_TIME, tzinfo=tz)


class SendDays:
    """When messages go out: at 09:00 on working days, at most one a day for an address."""

    def __init__(self, tz: ZoneInfo, workdays: WorkdayCalendar) -> None:
        self.tz = tz
        self._workdays = workdays

    def day_start(self, now: dt.datetime) -> dt.datetime:
        """Midnight starting `now`'s local day: a message sent since then was today's."""
        return dt.datetime.combine(now.astimezone(self.tz).date(), dt.time(), tzinfo=self.tz)

    def next_morning(self, now: dt.datetime) -> dt.datetime:
        """09:00 of the first working day after `now`'s local day (the day after when no
        working day is found within a month): where a second message of a day goes."""
        day = now.astimezone(self.tz).date() + DAY
        found, _known = _Days(self._workdays).shift(day, +1)
        return at_nine(found or day, self.tz)


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
    days = _Days(workdays)
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
    days: _Days,
    only: Cycle | None,
) -> list[_Due]:
    """The reminders of one combination of preferences (the same for every subscription that
    has it): the windows of its cycles, and the summaries of the daily activities."""
    schedule: list[_Due] = []
    told_on: set[dt.date] = set()  # days with a window reminder: a weekly summary rides along
    for cycle, dues in windows:
        if cycle in cycles:
            if only is None or cycle == only.value:
                schedule += _catch_up(dues, now)
            told_on.update(d.due_at.astimezone(tz).date() for d in dues)
    if series and Cycle.DAILY.value in cycles and only in (None, Cycle.DAILY):
        if daily_summary == "daily":
            found = _daily_dues(now, until, tz, days)
        else:
            found = _digest_dues(now, until, tz, days, told_on)
        schedule += _catch_up(found, now)
    return [d for d in schedule if d.due_at < until]


def _catch_up(dues: list[_Due], now: dt.datetime) -> list[_Due]:
    """Drop what is over; of the rows already due at `now`, keep only the latest."""
    live = [d for d in dues if d.deadline_at > now]
    past = [d for d in live if d.due_at <= now]
    latest = max(past, key=lambda d: d.due_at) if past else None
    return [d for d in live if d.due_at > now or d is latest]


def _window_dues(catalog: Catalog, occ: Occurrence, tz: ZoneInfo, days: _Days) -> list[_Due]:
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
    now: dt.datetime, until: dt.datetime, tz: ZoneInfo, days: _Days, told_on: set[dt.date]
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


def _daily_dues(now: dt.datetime, until: dt.datetime, tz: ZoneInfo, days: _Days) -> list[_Due]:
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
    day, _known = _Days(workdays).shift(start, +1)
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
