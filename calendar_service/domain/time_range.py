"""The dates the service handles: a window, its event and the reminders before it must fit in
the calendar `datetime` knows, so a time given by a user is checked against these years."""

from __future__ import annotations

import datetime as dt

FIRST_YEAR = 1970
LAST_YEAR = 2999


def out_of_range(value: dt.date, name: str, given: str | None = None) -> str | None:
    """A one-line message when `value` (a date or datetime) is outside the years handled;
    `given` is the text the user wrote, shown in the message."""
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return (
        f"{name}={given or value.isoformat()} is outside the dates the service handles; "
        f"give a date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31"
    )
