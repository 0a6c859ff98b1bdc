"""How many events a subscriber sees on a day: a few at most, for every sample store and for
an agency's feed over 15 of them, over the year after the sample's newest data."""

from __future__ import annotations

import datetime as dt
import re
import statistics

import icalendar
import pytest

from calendar_service.domain.catalog import Catalog
from calendar_service.feeds import FeedOptions
from calendar_service.services.feeds import catalog_feed, store_feed, stores_feed
from tests.feed_sample import SAMPLE_NOW, TZ, SampleReader, events_per_day

STAMP = dt.datetime(2026, 11, 1, tzinfo=TZ)
STALE_AFTER = dt.timedelta(days=7)
YEAR = 365
SEASON = 90  # monthly and quarterly windows are shown about this far ahead


@pytest.fixture(scope="module")
def reader() -> SampleReader:
    return SampleReader()


def test_every_sample_store_sees_a_few_events_a_day(catalog: Catalog, reader: SampleReader) -> None:
    assert len(reader.stores) >= 30
    for store_id in sorted(reader.stores):
        feed = store_feed(
            catalog, reader, store_id, TZ, SAMPLE_NOW, FeedOptions(), None, STAMP, STALE_AFTER
        )
        # Over the year, and over the season ahead where every window is shown.
        for days in (YEAR, SEASON):
            per_day = events_per_day(feed.body, SAMPLE_NOW.date(), days)
            assert statistics.median(per_day) <= 3, (store_id, days)
            assert max(per_day) <= 6, (store_id, days, max(per_day))
        assert sum(per_day) > 30  # the windows are there


def test_an_agency_feed_over_15_stores_has_one_event_per_window(
    catalog: Catalog, reader: SampleReader
) -> None:
    stores = sorted(reader.stores)[:15]
    feed = stores_feed(
        catalog, reader, stores, TZ, SAMPLE_NOW, FeedOptions(), None, STAMP, STALE_AFTER
    )
    for days in (YEAR, SEASON):
        assert statistics.median(events_per_day(feed.body, SAMPLE_NOW.date(), days)) <= 4
    one = store_feed(
        catalog, reader, stores[0], TZ, SAMPLE_NOW, FeedOptions(), None, STAMP, STALE_AFTER
    )
    # Not 15 times one store's events: each window once, naming the stores.
    assert feed.body.count(b"BEGIN:VEVENT") < 3 * one.body.count(b"BEGIN:VEVENT")
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(feed.body).walk("VEVENT")]
    # "伙拼 每日可报名: ✓ A B C · ✗ D(近30天买家数 12/15)"
    assert any(re.search(r": ✓ .+ · ✗ \S+\(.+ \S+/\S+\)", s) for s in summaries)


def test_sequence_rises_with_the_day_a_store_is_judged_on_and_the_month(
    catalog: Catalog, reader: SampleReader
) -> None:
    def sequences(body: bytes) -> set[int]:
        cal = icalendar.Calendar.from_ical(body)
        return {int(str(e["SEQUENCE"])) for e in cal.walk("VEVENT")}

    def store(now: dt.datetime) -> bytes:
        options = FeedOptions()
        return store_feed(
            catalog, reader, "b2b-220011", TZ, now, options, None, STAMP, STALE_AFTER
        ).body

    today, tomorrow = store(SAMPLE_NOW), store(SAMPLE_NOW + dt.timedelta(days=1))
    assert today == store(SAMPLE_NOW.replace(hour=23))  # the same day: the same bytes
    assert min(sequences(tomorrow)) > max(sequences(today))
    # The catalog feed moves with its monthly range: its weekly series start later, SEQUENCE up.
    month = catalog_feed(catalog, TZ, SAMPLE_NOW, FeedOptions(), "https://x.example", STAMP)
    later = catalog_feed(
        catalog, TZ, SAMPLE_NOW + dt.timedelta(days=31), FeedOptions(), "https://x.example", STAMP
    )
    assert min(sequences(later.body)) > max(sequences(month.body))
