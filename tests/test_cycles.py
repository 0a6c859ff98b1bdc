"""The cycle engine over many years: the properties calendars and reminders rely on."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.domain.catalog import Catalog, Cycle, DateOverride
from calendar_service.domain.cycles import Occurrence, occurrences
from tests.times import CST

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
CATALOG = load_catalog(SHIPPED)


def _year(year: int, catalog: Catalog = CATALOG) -> list[Occurrence]:
    return occurrences(catalog, dt.date(year, 1, 1), dt.date(year + 1, 1, 1), CST)


YEARS = list(range(2024, 2061))


@pytest.mark.parametrize("year", YEARS)
def test_exactly_three_yearly_promotions_a_year(year: int) -> None:
    promos = [o for o in _year(year) if o.cycle is Cycle.YEARLY and o.period == str(year)]
    assert sorted(o.activity for o in promos) == ["promo-1118", "promo-327", "promo-916"]
    assert {(o.event_starts_on.month, o.event_starts_on.day) for o in promos} == {
        (3, 27),
        (9, 16),
        (11, 18),
    }


@pytest.mark.parametrize("year", YEARS)
def test_one_occurrence_per_quarter_and_per_month(year: int) -> None:
    counts = Counter(o.activity for o in _year(year) if o.period.startswith(str(year)))
    for a in CATALOG.in_cycle(Cycle.QUARTERLY):
        assert counts[a.key] == 4
    for a in CATALOG.in_cycle(Cycle.MONTHLY):
        assert counts[a.key] == 12


@pytest.mark.parametrize("year", YEARS)
def test_windows_open_before_their_deadline_and_close_before_the_event(year: int) -> None:
    for o in _year(year):
        if o.is_series:
            continue
        assert o.opens_at < o.deadline_at <= o.event_starts_at < o.event_ends_at, o.key


def test_each_activity_occurrences_are_strictly_ordered_and_never_overlap() -> None:
    by_activity: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences(CATALOG, dt.date(2024, 1, 1), dt.date(2061, 1, 1), CST):
        by_activity[o.activity].append(o)
    for key, found in by_activity.items():
        if CATALOG.activity(key).cycle is Cycle.DAILY:
            assert len(found) == 1  # one rolling series, not a record per day
            continue
        ordered = sorted(found, key=lambda o: o.opens_at)
        assert [o.key for o in ordered] == [o.key for o in sorted(found, key=lambda o: o.period)]
        for before, after in itertools.pairwise(ordered):
            assert before.deadline_at < after.opens_at, (before.key, after.key)
            assert before.event_ends_at <= after.event_starts_at


def test_listing_is_sorted_by_deadline() -> None:
    found = _year(2027)
    assert [o.deadline_on for o in found] == sorted(o.deadline_on for o in found)


def test_all_datetimes_are_in_china_standard_time() -> None:
    for o in _year(2027):
        for instant in (o.opens_at, o.deadline_at, o.event_starts_at, o.event_ends_at):
            assert instant.utcoffset() == dt.timedelta(hours=8)


def test_keys_are_stable_across_runs_and_unique() -> None:
    first = [o.key for o in _year(2027)]
    again = [o.key for o in _year(2027, load_catalog(SHIPPED))]
    assert first == again
    assert len(set(first)) == len(first)
    assert "promo-327:2027" in first and "quarterly-clearance:2027-Q2" in first
    assert "monthly-sales:2027-12" in first and "daily-quick-order:daily" in first


def test_daily_activities_are_one_series_over_the_range() -> None:
    daily = [o for o in _year(2027) if o.cycle is Cycle.DAILY]
    assert {o.activity for o in daily} == {a.key for a in CATALOG.in_cycle(Cycle.DAILY)}
    for o in daily:
        assert (o.opens_on, o.repeats_until) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
        assert o.is_open(dt.datetime(2027, 6, 1, 12, tzinfo=CST))
        assert not o.is_open(dt.datetime(2028, 1, 1, 0, 0, tzinfo=CST))


def test_the_327_window_with_the_assumed_defaults() -> None:
    promo = next(o for o in _year(2027) if o.key == "promo-327:2027")
    assert promo.opens_on == dt.date(2027, 2, 10)  # 45 days before March 27
    assert promo.deadline_on == dt.date(2027, 3, 7)  # 20 days before
    assert promo.deadline_at == dt.datetime(2027, 3, 8, tzinfo=CST)  # the end of the deadline day
    assert (promo.event_starts_on, promo.event_ends_on) == (
        dt.date(2027, 3, 27),
        dt.date(2027, 3, 29),
    )


def test_quarterly_and_monthly_windows() -> None:
    found = {o.key: o for o in _year(2027)}
    q2 = found["quarterly-new-arrivals:2027-Q2"]
    assert (q2.opens_on, q2.deadline_on) == (dt.date(2027, 4, 1), dt.date(2027, 4, 10))
    assert (q2.event_starts_on, q2.event_ends_on) == (dt.date(2027, 5, 1), dt.date(2027, 5, 31))
    march = found["monthly-sales:2027-03"]
    assert (march.opens_on, march.deadline_on) == (dt.date(2027, 2, 15), dt.date(2027, 2, 25))
    assert march.event_ends_on == dt.date(2027, 3, 31)
    january = found["monthly-sales:2027-01"]  # signed up for in December of the year before
    assert january.opens_on == dt.date(2026, 12, 15)


def test_february_in_a_leap_year_ends_on_the_29th() -> None:
    found = {o.key: o for o in _year(2028)}
    assert found["monthly-origin:2028-02"].event_ends_on == dt.date(2028, 2, 29)


def test_override_replaces_one_occurrence_only() -> None:
    override = DateOverride(
        "promo-327",
        "2027",
        dt.date(2027, 2, 8),
        dt.date(2027, 3, 5),
        dt.date(2027, 3, 26),
        dt.date(2027, 3, 28),
    )
    catalog = Catalog(CATALOG.version, CATALOG.activities, (override,))
    found = {o.key: o for o in occurrences(catalog, dt.date(2027, 1, 1), dt.date(2029, 1, 1), CST)}
    assert found["promo-327:2027"].deadline_on == dt.date(2027, 3, 5)
    assert found["promo-327:2027"].overridden
    assert found["promo-327:2028"].deadline_on == dt.date(2028, 3, 7)
    assert not found["promo-327:2028"].overridden


def test_empty_or_reversed_range_has_no_occurrences() -> None:
    assert occurrences(CATALOG, dt.date(2027, 1, 1), dt.date(2027, 1, 1), CST) == []
    assert occurrences(CATALOG, dt.date(2027, 2, 1), dt.date(2027, 1, 1), CST) == []


def test_cycle_filter() -> None:
    found = occurrences(CATALOG, dt.date(2027, 1, 1), dt.date(2028, 1, 1), CST, Cycle.YEARLY)
    assert {o.activity for o in found} == {"promo-327", "promo-916", "promo-1118"}


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    days=st.integers(min_value=1, max_value=800),
)
def test_every_occurrence_touches_the_range_and_none_is_missed(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    found = occurrences(CATALOG, start, end, CST)
    for o in found:
        assert o.opens_on < end and o.event_ends_on >= start
    # Whatever a wider range finds that touches this one is found here too.
    wider = occurrences(CATALOG, start - dt.timedelta(days=400), end + dt.timedelta(days=400), CST)
    touching = {
        o.key for o in wider if not o.is_series and o.opens_on < end and o.event_ends_on >= start
    }
    assert touching == {o.key for o in found if not o.is_series}
    series = [o for o in found if o.is_series]
    assert len(series) == len(CATALOG.in_cycle(Cycle.DAILY))
    assert all((o.opens_on, o.repeats_until) == (start, end - dt.timedelta(days=1)) for o in series)
