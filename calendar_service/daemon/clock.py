"""The daemon's clock: real time, shifted by a fixed offset when started with --now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class ShiftedClock:
    """Real time plus `offset`, in `tz`: it runs at the normal speed from wherever it starts."""

    tz: ZoneInfo
    offset: dt.timedelta = dt.timedelta(0)

    @classmethod
    def starting_at(cls, start: dt.datetime | None, tz: ZoneInfo) -> ShiftedClock:
        """A clock that reads `start` now (the real time when `start` is None)."""
        if start is None:
            return cls(tz)
        if start.tzinfo is None:
            raise ValueError("the start time must be timezone-aware")
        return cls(tz, start - dt.datetime.now(dt.UTC))

    def __call__(self) -> dt.datetime:
        return (dt.datetime.now(dt.UTC) + self.offset).astimezone(self.tz)
