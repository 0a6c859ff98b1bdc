"""SEQUENCE numbers: how a client learns that an event it has cached changed its dates.

The builder is pure and keeps no history, so SEQUENCE comes from a hook. Two are offered:
`sequence_by_override` needs no state (rule dates are revision 0, dates the platform announced
are revision 1); `revise` keeps a ledger the caller stores, and rises on every change of dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from calendar_service.domain.cycles import Occurrence


def sequence_by_override(occ: Occurrence) -> int:
    """0 for dates computed from the catalog's window rule, 1 once the platform announced them."""
    return 1 if occ.overridden else 0


def dates_of(occ: Occurrence) -> str:
    """The dates a subscriber sees; a daily series has none of its own (the feed's range moves)."""
    if occ.is_series:
        return "daily"
    days = (occ.opens_on, occ.deadline_on, occ.event_starts_on, occ.event_ends_on)
    return "/".join(d.isoformat() for d in days)


@dataclass(frozen=True)
class Revision:
    """What the last published feed said about one occurrence."""

    dates: str
    sequence: int


def revise(
    previous: Mapping[str, Revision], occurrences: Iterable[Occurrence]
) -> dict[str, Revision]:
    """The ledger after publishing `occurrences`: SEQUENCE + 1 for each whose dates changed.

    Keyed by `Occurrence.key`; entries for occurrences not in this batch are kept, so a feed
    with a narrower range never resets what a wider one published. Use the result as the hook:
    `sequence_of=lambda occ: ledger[occ.key].sequence`.
    """
    ledger = dict(previous)
    for occ in occurrences:
        dates = dates_of(occ)
        before = ledger.get(occ.key)
        if before is None:
            ledger[occ.key] = Revision(dates, sequence_by_override(occ))
        elif before.dates != dates:
            ledger[occ.key] = Revision(dates, before.sequence + 1)
    return ledger
