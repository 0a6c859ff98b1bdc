"""What a subscriber can choose in a feed's URL query: cycles, alarms and language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from calendar_service.domain.catalog import Cycle
from calendar_service.domain.locale import DEFAULT_LOCALE, Locale, lang_of, locale_of

MAX_ALARMS = 3
# The alarms a feed may carry, as offsets before the deadline day starts (see FeedOptions): a
# closed set, so a feed has a bounded number of variants and each is built and cached once.
# PT15H is 09:00 the day before the deadline day, PT12H noon, PT2H 22:00.
ALARMS: tuple[dt.timedelta, ...] = (
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
    dt.timedelta(hours=15),
    dt.timedelta(days=1),
    dt.timedelta(days=2),
    dt.timedelta(days=3),
    dt.timedelta(weeks=1),
    dt.timedelta(weeks=2),
)

# RFC 5545 §3.3.6 dur-value without its sign: P1W, P1D, P1DT12H, PT2H, PT30M, PT1H30M, PT45S.
_DURATION = re.compile(
    r"P(?:(?P<weeks>\d+)W"
    r"|(?P<days>\d+)D(?:T(?P<dt>.+))?"
    r"|T(?P<t>.+))"
)
_TIME = re.compile(
    r"(?P<hours>\d+)H(?:(?P<minutes>\d+)M(?:(?P<seconds>\d+)S)?)?"
    r"|(?P<m>\d+)M(?:(?P<s>\d+)S)?"
    r"|(?P<only_s>\d+)S"
)


class FeedOptionError(ValueError):
    """A bad value in a feed URL's query; the message names the option and what is accepted."""


@dataclass(frozen=True)
class FeedOptions:
    """A feed variant: which cycles, which alarms, which language.

    `alarms` are offsets before the sign-up deadline event, earliest first, written as
    `TRIGGER:-P1D` (relative to its start, RFC 5545's default). That event is the deadline day,
    all-day, and sign-up closes at its end, so `P1D` fires at 00:00 the day before the deadline
    day, and `PT15H` at 09:00 the day before: an alarm never comes later than its offset says.
    """

    cycles: frozenset[Cycle] = frozenset(Cycle)
    alarms: tuple[dt.timedelta, ...] = ()
    lang: Locale = DEFAULT_LOCALE  # ?lang= writes it zh (the default) or en

    def query(self) -> dict[str, str]:
        """The URL query that `parse_options` reads back into these options (defaults left out)."""
        query: dict[str, str] = {}
        if self.cycles != frozenset(Cycle):
            query["cycles"] = ",".join(c.value for c in Cycle if c in self.cycles)
        if self.alarms:
            query["alarms"] = ",".join(format_duration(a) for a in self.alarms)
        if self.lang != DEFAULT_LOCALE:
            query["lang"] = lang_of(self.lang)
        return query


def parse_options(query: Mapping[str, str]) -> FeedOptions:
    """Feed options from a URL query; FeedOptionError (a ValueError) explains a bad value."""
    unknown = sorted(set(query) - {"cycles", "alarms", "lang"})
    if unknown:
        raise FeedOptionError(
            f"unknown feed option {unknown[0]!r}; the options are cycles, alarms and lang "
            "(e.g. ?cycles=yearly,quarterly&alarms=P1D,PT2H&lang=en)"
        )
    return FeedOptions(
        cycles=_cycles(query["cycles"]) if "cycles" in query else frozenset(Cycle),
        alarms=_alarms(query.get("alarms", "")),
        lang=_lang(query.get("lang", "zh")),
    )


def _cycles(raw: str) -> frozenset[Cycle]:
    known = ", ".join(c.value for c in Cycle)
    names = [n.strip().lower() for n in raw.split(",")]
    if not any(names):
        raise FeedOptionError(f"cycles: name at least one of {known} (comma-separated)")
    found: set[Cycle] = set()
    for name in names:
        try:
            found.add(Cycle(name))
        except ValueError:
            raise FeedOptionError(
                f"cycles: {name!r} is not a cycle; use any of {known}, comma-separated"
            ) from None
    return frozenset(found)


def _alarms(raw: str) -> tuple[dt.timedelta, ...]:
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if len(items) > MAX_ALARMS:
        raise FeedOptionError(f"alarms: at most {MAX_ALARMS} alarms, got {len(items)}")
    found: set[dt.timedelta] = set()
    for item in items:
        before = parse_duration(item)
        if before is None:
            raise FeedOptionError(
                f"alarms: {item!r} is not a duration; write how long before the sign-up deadline "
                "as in RFC 5545, e.g. P1D (a day), PT2H (two hours), P1DT12H, P1W"
            )
        if before not in ALARMS:
            offered = ", ".join(format_duration(a) for a in ALARMS)
            raise FeedOptionError(f"alarms: {item!r} is not offered; choose from {offered}")
        found.add(before)
    return tuple(sorted(found, reverse=True))


def _lang(raw: str) -> Locale:
    primary = raw.strip().lower().replace("_", "-").split("-")[0]
    if primary not in ("zh", "en"):
        raise FeedOptionError(f"lang: {raw!r} is not supported; use zh (default) or en")
    return locale_of(primary)


def parse_duration(text: str) -> dt.timedelta | None:
    """An unsigned RFC 5545 duration (P1D, PT2H, P1DT12H, P2W), or None when it is not one."""
    match = _DURATION.fullmatch(text.strip().upper())
    if match is None:
        return None
    if match["weeks"] is not None:
        return dt.timedelta(weeks=int(match["weeks"]))
    days = int(match["days"] or 0)
    clock = match["dt"] or match["t"]
    if clock is None:
        return dt.timedelta(days=days)
    time = _TIME.fullmatch(clock)
    if time is None:
        return None
    hours = int(time["hours"] or 0)
    minutes = int(time["minutes"] or time["m"] or 0)
    seconds = int(time["seconds"] or time["s"] or time["only_s"] or 0)
    return dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def format_duration(value: dt.timedelta) -> str:
    """A positive timedelta as an RFC 5545 duration: P1D, PT2H, P1DT12H, PT0S."""
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if hours and seconds and not minutes:
        clock = f"{hours}H0M{seconds}S"  # the grammar has no hours-then-seconds form
    if not days and not clock:
        return "PT0S"
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
