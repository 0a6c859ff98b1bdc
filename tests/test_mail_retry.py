"""The retry policy for mail that failed temporarily: when the next attempt is, if any."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calendar_service.mail.retry import MAX_DELAY, next_attempt

FAILED = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)  # when the batch failed
FAR = FAILED + timedelta(days=30)  # a deadline no retry delay reaches


@given(
    attempts=st.integers(1, 80),
    seed=st.integers(0, 2**32),
    until_deadline=st.timedeltas(timedelta(hours=-1), timedelta(days=3)),
)
def test_retries_are_jittered_capped_and_never_at_or_past_the_deadline(
    attempts: int, seed: int, until_deadline: timedelta
) -> None:
    deadline = FAILED + until_deadline
    at = next_attempt(attempts, FAILED, deadline, random.Random(seed))
    base = timedelta(minutes=2 ** min(attempts - 1, 20))
    earliest, latest = min(base / 2, MAX_DELAY), min(base * 3 / 2, MAX_DELAY)
    if FAILED + earliest >= deadline:
        assert at is None
    if at is None:
        assert FAILED + latest >= deadline  # the jittered delay did not fit before the deadline
    else:
        assert FAILED < at < deadline
        assert earliest <= at - FAILED <= latest


@given(attempts=st.integers(1, 80), seed=st.integers(0, 2**32))
def test_retry_delays_grow(attempts: int, seed: int) -> None:
    now = FAILED
    first = next_attempt(attempts, now, FAR, random.Random(seed))
    later = next_attempt(attempts + 2, now, FAR, random.Random(seed + 1))
    assert first is not None and later is not None
    assert later - now >= first - now  # x4 base outgrows any jitter, until both reach the cap


def delay_in_minutes(attempts: int, rng: random.Random) -> float:
    at = next_attempt(attempts, FAILED, FAR, rng)
    assert at is not None
    return (at - FAILED) / timedelta(minutes=1)


def test_retry_delays_double_jitter_and_cap() -> None:
    rng = random.Random(1688)
    assert 0.5 <= delay_in_minutes(1, rng) <= 1.5
    assert 4 <= delay_in_minutes(4, rng) <= 12
    spread = {next_attempt(3, FAILED, FAR, rng) for _ in range(50)}
    assert len(spread) > 40  # jittered: a failed batch does not come back in lockstep
    assert {next_attempt(40, FAILED, FAR, rng) for _ in range(10)} == {FAILED + MAX_DELAY}


def test_no_retry_once_the_deadline_is_near_or_past() -> None:
    rng = random.Random(0)
    assert next_attempt(1, FAILED, FAILED + timedelta(seconds=29), rng) is None
    assert next_attempt(1, FAILED, FAILED, rng) is None
    assert next_attempt(1, FAILED, FAILED - timedelta(days=1), rng) is None
    assert next_attempt(20, FAILED, FAILED + timedelta(hours=5), rng) is None  # 6 h: too late


def test_attempts_start_at_one() -> None:
    with pytest.raises(ValueError, match="1 or more"):
        next_attempt(0, FAILED, FAR, random.Random(0))
