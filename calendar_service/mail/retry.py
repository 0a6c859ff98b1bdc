"""When to try a failed reminder again: growing, jittered delays that stop before the deadline.

Pure: the clock (`now`) and the randomness (`rng`) are arguments, so the policy is tested exactly.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

BASE_DELAY = timedelta(minutes=1)
"""The delay after the first failed attempt, before jitter; it doubles with each further one."""
MAX_DELAY = timedelta(hours=6)
"""No retry waits longer than this, jitter included."""
JITTER = (0.5, 1.5)
"""Each delay is multiplied by uniform(*JITTER), so failed batches do not retry in lockstep."""

_MAX_DOUBLINGS = 16  # 2**16 minutes is far past MAX_DELAY; stops the power from growing unbounded


def next_attempt(
    attempts: int, now: datetime, deadline_at: datetime, rng: random.Random
) -> datetime | None:
    """The time of the next attempt after `attempts` failed ones, or None to give up.

    Delays are 1, 2, 4, 8 … minutes × uniform(0.5, 1.5), never longer than 6 hours. None when
    that time would be at or past `deadline_at` (the sign-up deadline): a reminder that cannot
    arrive before the deadline is missed, not sent late.
    """
    if attempts < 1:
        raise ValueError(f"attempts counts the failed attempts so far: 1 or more, not {attempts}")
    base = BASE_DELAY * 2 ** min(attempts - 1, _MAX_DOUBLINGS)
    delay = min(base * rng.uniform(*JITTER), MAX_DELAY)
    at = now + delay
    return at if at < deadline_at else None
