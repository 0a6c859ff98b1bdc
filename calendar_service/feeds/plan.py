"""Which events a feed holds and what they say: few, each titled with the verdict. Pure.

- A sign-up activity: its sign-up window (up to the day before the deadline) and its deadline
  day, on its own so that alarms apply; a yearly promotion also its event period.
- An invitation-only activity: one event, the day it starts; no sign-up events.
- The daily activities: once a week (Mondays), from this week on with today's verdict; the
  weeks before this one in a series of their own that claims no verdict.
- In a feed for one store (or the public catalog), the activities of a cycle that share their
  dates share their events (`月度活动 2027年3月 报名截止: ✓ 爆款 标杆 · ✗ 牛商`); in a feed
  over many stores, each activity's event lists the stores by status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from calendar_service.domain.catalog import Activity, Catalog, CriterionKind, Cycle
from calendar_service.domain.cycles import DAY, Occurrence
from calendar_service.domain.derived import SALES_BEFORE_DEADLINE
from calendar_service.domain.holidays import HolidayCalendar, holiday_notes
from calendar_service.feeds import texts
from calendar_service.feeds.options import FeedOptions
from calendar_service.feeds.texts import Role, Standing

WEEK = 7 * DAY
# An event's description, in UTF-8 octets: the verdict first, then the catalog's text, cut at a
# line with a note to follow the link, so that no feed grows too big for calendar apps.
DESCRIBE_OCTETS = 1500
# Cycles whose activities share their windows, so one event can carry them all.
SHARED = frozenset({Cycle.QUARTERLY, Cycle.MONTHLY, Cycle.DAILY})

# An event's (role, first day, day after the last, last weekly instance or None).
Span = tuple[Role, dt.date, dt.date, dt.date | None]
Standings = Callable[[Occurrence], Sequence[Standing]]
LinkOf = Callable[[Occurrence], str | None]


@dataclass(frozen=True)
class Planned:
    """One event of a feed, before it is written: all-day, from `first` to `end` (exclusive)."""

    uid: str  # the local part, before the feed's scope and domain
    cycle: Cycle
    role: Role
    first: dt.date
    end: dt.date
    summary: str
    description: str
    weekly_until: dt.date | None = None  # a weekly series' last instance
    link: str | None = None

    @property
    def alarms(self) -> bool:
        """Alarms go on the deadline day alone: one nudge per window."""
        return self.role is Role.DEADLINE


def invitation_only(activity: Activity) -> bool:
    return bool(activity.criteria) and all(
        c.kind is CriterionKind.INVITATION for c in activity.criteria
    )


def spans(occ: Occurrence, activity: Activity, at: dt.date | None) -> Iterator[Span]:
    """(role, first day, day after the last, last weekly instance or None) of each event."""
    if occ.repeats_until is not None:
        first = occ.opens_on + (-occ.opens_on.weekday() % 7) * DAY  # the first Monday
        last = occ.repeats_until - occ.repeats_until.weekday() * DAY
        if first > last:  # a range without a Monday: no weekly instance
            return
        split = None if at is None else max(first, at - at.weekday() * DAY)
        if split is not None and split > first:
            yield Role.PAST_WEEKS, first, first + DAY, min(split - WEEK, last)
        if split is None or split <= last:
            start = first if split is None else split
            yield Role.WEEKLY, start, start + DAY, last
        return
    if invitation_only(activity):
        yield Role.INVITATION, occ.event_starts_on, occ.event_starts_on + DAY, None
        return
    if occ.opens_on < occ.deadline_on:
        yield Role.SIGNUP, occ.opens_on, occ.deadline_on, None
    yield Role.DEADLINE, occ.deadline_on, occ.deadline_on + DAY, None
    if occ.cycle is Cycle.YEARLY:
        yield Role.EVENT, occ.event_starts_on, occ.event_ends_on + DAY, None


def plan_events(
    catalog: Catalog,
    occurrences: Iterable[Occurrence],
    options: FeedOptions,
    *,
    standings: Standings | None = None,
    many: bool = False,
    at: dt.date | None = None,
    link_of: LinkOf | None = None,
    holidays: HolidayCalendar | None = None,
    describe_octets: int = DESCRIBE_OCTETS,
) -> list[Planned]:
    """The feed's events, in a fixed order.

    `standings(occ)`: the verdicts an occurrence's events show (none for the catalog feed, nor
    for a window already closed); `many`: a feed over several stores (one event per activity,
    listing them); `at`: today, which splits the daily activities' weeks (None: no split).
    """
    groups: dict[tuple[object, ...], list[tuple[Occurrence, Span]]] = {}
    seen: set[str] = set()
    for occ in occurrences:
        if occ.cycle not in options.cycles:
            continue
        if occ.key in seen:
            raise ValueError(f"occurrence {occ.key} is given twice; its events' UIDs would clash")
        seen.add(occ.key)
        for span in spans(occ, catalog.activity(occ.activity), at):
            role, first, end, until = span
            shared = not many and occ.cycle in SHARED
            key = (occ.cycle, occ.period, role, first, end, until) if shared else (occ.key, role)
            groups.setdefault(key, []).append((occ, span))
    taken: set[str] = set()
    planned = []
    for members in groups.values():
        occ, (role, first, end, until) = members[0]
        local = f"{occ.key}:{role.value}"
        if len(members) > 1 or (not many and occ.cycle is Cycle.DAILY):
            local = f"{occ.cycle.value}:{occ.period}:{role.value}"
            if local in taken:  # an announced date split a cycle's window: name it apart
                local = f"{occ.key}:{role.value}"
        taken.add(local)
        subject, pairs, body = _texts(catalog, members, options, standings, many, holidays)
        description = texts.shorten(
            "\n".join(body), describe_octets, options.lang
        )  # the verdict comes first, so a cut only loses the catalog's text
        link = link_of(occ) if link_of is not None else None
        planned.append(
            Planned(
                local,
                occ.cycle,
                role,
                first,
                end,
                texts.one_line(texts.title(subject, pairs, options.lang, many)),
                texts.clean(description),
                until,
                link,
            )
        )
    return planned


def _texts(
    catalog: Catalog,
    members: list[tuple[Occurrence, Span]],
    options: FeedOptions,
    standings: Standings | None,
    many: bool,
    holidays: HolidayCalendar | None,
) -> tuple[str, list[tuple[str, Standing]], list[str]]:
    """The event's subject, its (name, standing) pairs, and its description's lines."""
    lang = options.lang
    occ, (role, *_) = members[0]
    activities = [catalog.activity(o.activity) for o, _ in members]
    claims = standings is not None and role is not Role.PAST_WEEKS
    pairs: list[tuple[str, Standing]] = []
    for (o, _), activity in zip(members, activities, strict=True):
        found = standings(o) if standings is not None and claims else ()
        label = (
            texts.name(activity, lang) if len(members) == 1 else texts.short_name(activity, lang)
        )
        pairs += [(s.who if many else label, s) for s in found]
    if len(members) == 1:
        subject = texts.what(texts.name(activities[0], lang), occ, role, lang)
    else:
        subject = texts.what(texts.CYCLES[lang][occ.cycle], occ, role, lang)
    lines = texts.reason_lines(pairs, lang, many)
    lines += ([""] if lines else []) + texts.dates(occ, role, lang)
    if holidays is not None:
        sales = any(c.figure == SALES_BEFORE_DEADLINE for a in activities for c in a.criteria)
        lines += [note.text(lang) for note in holiday_notes(occ, holidays, sales)]
    # A store's event shared by several activities names each in its reasons; the catalog's
    # text on each would only lengthen it (and its writing: the library folds char by char).
    if len(members) == 1 or standings is None:
        for activity in activities:
            lines += ["", *texts.about(activity, lang, full=len(members) == 1)]
    return subject, pairs, lines
