"""SEQUENCE: how a client learns that an event it has cached changed.

The builder keeps no history, so SEQUENCE cannot count changes; it counts days instead. A feed's
events change only when what they are built from changes: the catalog (its stamp), the store's
data and the day a store is judged on (a verdict is as of the day), and the feed's rolling
range (the daily series' first instance and UNTIL). A feed gives each event the day number of
the newest of these, so SEQUENCE rises with every change of DTSTART, DTEND, RRULE or text, and
never falls: a stateless upper bound on the count RFC 5545 §3.8.7.4 asks for.
"""

from __future__ import annotations

import datetime as dt

EPOCH = dt.date(2026, 1, 1)


def sequence_on(day: dt.date) -> int:
    """The SEQUENCE of events last revised on `day`: days since 2026-01-01 (0 before)."""
    return max((day - EPOCH).days, 0)
