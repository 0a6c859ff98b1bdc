"""The daily-status watch, a page of stores at a time, gives what watching each store alone gives.

The reference is the watch as it was: each subscribed store read with the per-store queries and
judged with `evaluate_store` on its own. Every test runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import DAILY_STATUSES
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.daemon.jobs import watch_statuses
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.planning import remembered, status_change_row, status_changes
from calendar_service.domain.reminders import ReminderRow
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.eligibility import HISTORY, current_occurrences
from calendar_service.services.sample import load_sample
from calendar_service.services.status_watch import Watched, watch_daily_statuses
from tests.cli import PROJECT
from tests.daemon_support import job_work
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

STALE_AFTER = dt.timedelta(days=30)
WORKDAYS = ChineseWorkdays()
NO_DATA_YET = "b2b-no-data-yet"  # its only snapshot is taken after the first watch
DATA_FLIP = "b2b-220011"  # 30-day buyers 12 < 15 at first; then a snapshot with 40
UNWATCHED = "b2b-220035"  # only an ended subscription
UNSUBSCRIBED = "b2b-220034"  # never subscribed
TIME_FLIP = "b2b-220014"  # ineligible at first, then eligible on the same data
Statuses = dict[str, dict[str, str]]


@pytest.fixture
def subscribed(repository: Repository) -> Repository:
    """The sample stores, subscribed so that one store's subscription ids are far apart."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    like = repository.latest_store_snapshot("b2b-220001", SAMPLE_CAPTURED)
    assert like is not None
    later = dataclasses.replace(
        like, store_id=NO_DATA_YET, captured_at=SAMPLE_CAPTURED + dt.timedelta(days=1)
    )
    repository.add_snapshots([later], [], "later.csv", SAMPLE_CAPTURED)
    stores = [s for s in repository.store_ids() if s not in (UNSUBSCRIBED, UNWATCHED)]
    for store_id in stores:
        repository.subscribe(store_id, "agent0@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    for store_id in stores[1::3]:  # a second subscription, long after the first
        repository.subscribe(store_id, "agent1@example.com", "en", now=SAMPLE_CAPTURED)
    repository.subscribe(UNWATCHED, "agent2@example.com", "en", now=SAMPLE_CAPTURED)
    repository.unsubscribe("agent2@example.com", UNWATCHED, now=SAMPLE_CAPTURED)
    return repository


def store_by_store(
    catalog: Catalog, repository: Repository, now: dt.datetime, before: Statuses
) -> tuple[list[ReminderRow], Statuses]:
    """The watch as it was: each subscribed store on its own; the rows and the statuses kept."""
    daily = [o for o in current_occurrences(catalog, now, CST) if o.cycle is Cycle.DAILY]
    by_store: dict[str, list[Subscription]] = {}
    for sub in repository.subscriptions(active_only=True):
        by_store.setdefault(sub.store_id, []).append(sub)
    rows: list[ReminderRow] = []
    kept: Statuses = {}
    for store_id, subs in by_store.items():
        verdicts = EVALUATOR.evaluate_store(
            catalog,
            daily,
            repository.latest_store_snapshot(store_id, now),
            repository.latest_product_snapshots(store_id, now),
            repository.store_history(store_id, until=now, since=now - HISTORY),
            now,
            STALE_AFTER,
            store_id=store_id,
        )
        current = {v.activity: v.status for v in verdicts}
        changes = status_changes(before.get(store_id, {}), current)
        rows += [
            row
            for sub in subs
            for change in changes
            if (row := status_change_row(sub, change, now, CST, WORKDAYS)) is not None
        ]
        kept[store_id] = remembered(before.get(store_id, {}), current)
    return rows, kept


def kept_statuses(engine: Engine) -> dict[tuple[str, str], tuple[str, dt.datetime]]:
    with engine.connect() as connection:
        return {
            (r.store_id, r.activity): (r.status, r.updated_at)
            for r in connection.execute(select(DAILY_STATUSES))
        }


def flip_by_data(repository: Repository) -> None:
    latest = repository.latest_store_snapshot(DATA_FLIP, MONTHLY_SIGNUP_OPEN)
    assert latest is not None
    newer = dataclasses.replace(
        latest, captured_at=MONTHLY_SIGNUP_OPEN - dt.timedelta(hours=1), buyers_30d=40
    )
    repository.add_snapshots([newer], [], "newer.csv", MONTHLY_SIGNUP_OPEN)


Watch = Callable[[Catalog, Repository, ReminderStore, dt.datetime], Watched]


def by_service(
    catalog: Catalog, repository: Repository, store: ReminderStore, now: dt.datetime
) -> Watched:
    return watch_daily_statuses(
        catalog, repository, store, now, CST, WORKDAYS, STALE_AFTER, page_size=3
    )


def by_daemon(
    catalog: Catalog, repository: Repository, store: ReminderStore, now: dt.datetime
) -> Watched:
    result = watch_statuses(job_work(catalog, repository, store, now, STALE_AFTER, watch_page=3))
    assert sorted(result) == ["status_changes", "stores"]
    return Watched(result["status_changes"], result["stores"])


@pytest.mark.parametrize("watch", [by_service, by_daemon])
def test_a_watch_in_pages_of_stores_equals_watching_store_by_store(
    catalog: Catalog, subscribed: Repository, engine: Engine, watch: Watch
) -> None:
    store = ReminderStore(engine)
    expected: dict[str, ReminderRow] = {}
    kept: Statuses = {}
    passes: list[Statuses] = []
    watched_stores = len({s.store_id for s in subscribed.subscriptions(active_only=True)})
    assert watched_stores == 34
    for now in (SAMPLE_CAPTURED, MONTHLY_SIGNUP_OPEN):
        if now == MONTHLY_SIGNUP_OPEN:
            flip_by_data(subscribed)
        rows, kept = store_by_store(catalog, subscribed, now, kept)
        passes.append(kept)
        expected |= {r.key: r for r in rows}

        watched = watch(catalog, subscribed, store, now)

        assert watched == Watched(len(rows), watched_stores)
        assert {s.row.key: s.row for s in store.all()} == expected
        assert kept_statuses(engine) == {
            (store_id, activity): (status, now)
            for store_id, statuses in kept.items()
            for activity, status in statuses.items()
        }
    # What the comparison covered: a store without data, then with; flips by data and by time
    # alone; a store with two subscriptions far apart; stores not watched.
    assert [set(p[NO_DATA_YET].values()) == {"unknown"} for p in passes] == [True, False]
    changed = {(r.store_id, r.subscription_id) for r in expected.values()}
    assert DATA_FLIP in {s for s, _ in changed}
    assert len({i for s, i in changed if s == TIME_FLIP}) == 2
    assert UNWATCHED not in kept and UNSUBSCRIBED not in kept


def test_a_watch_stops_between_pages(
    catalog: Catalog, subscribed: Repository, engine: Engine
) -> None:
    store = ReminderStore(engine)
    asked: list[bool] = []

    def stopped() -> bool:  # after the first page
        asked.append(True)
        return len(asked) > 1

    watched = watch_daily_statuses(
        catalog,
        subscribed,
        store,
        SAMPLE_CAPTURED,
        CST,
        WORKDAYS,
        STALE_AFTER,
        page_size=4,
        stopped=stopped,
    )
    assert watched == Watched(0, 4)
    assert {s for s, _ in kept_statuses(engine)} == set(subscribed.store_ids()[:4])


@pytest.mark.parametrize("page", [1, 2, 3, 10])
def test_subscribed_stores_pages_whole_stores_past_ended_subscriptions(
    repository: Repository, engine: Engine, page: int
) -> None:
    """Stores with more subscriptions than a read holds, ended ones among them, and stores with
    only ended ones: each page holds `page` whole stores' active subscriptions."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    stores = repository.store_ids()[:8]
    counts = [1, 9, 2, 3, 1, 12, 1, 2]  # 9 and 12: more than ROWS_PER_STORE × page
    for store_id, count in zip(stores, counts, strict=True):
        for n in range(count):
            repository.subscribe(store_id, f"a{n:02d}@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    for n in range(0, 9, 2):  # ended: some of the big store's, all of two small stores'
        repository.unsubscribe(f"a{n:02d}@example.com", stores[1], SAMPLE_CAPTURED)
    repository.unsubscribe("a00@example.com", stores[4], SAMPLE_CAPTURED)
    repository.unsubscribe("a00@example.com", stores[6], SAMPLE_CAPTURED)
    active = sorted(repository.subscriptions(active_only=True), key=lambda s: (s.store_id, s.email))
    watched = set(stores) - {stores[4], stores[6]}  # those two have no active subscription

    store = ReminderStore(engine)
    pages: list[list[Subscription]] = []
    after: str | None = None
    while found := store.subscribed_stores(after, page):
        pages.append(found)
        after = found[-1].store_id

    assert [s for p in pages for s in p] == active
    full, rest = divmod(len(watched), page)  # every page full but the last
    assert [len({s.store_id for s in p}) for p in pages] == [page] * full + ([rest] if rest else [])
    assert {s.store_id for s in active} == watched
