"""The sample data `make run` loads: every status is there to be seen, and the dates are recent."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.evaluator import Evaluator
from calendar_service.services.eligibility import current_occurrences
from calendar_service.services.sample import load_sample
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

PROJECT = Path(__file__).resolve().parent.parent
LOADED_AT = dt.datetime(2027, 5, 20, 10, 0, tzinfo=CST)  # the sample ends the day before


def test_sample_is_moved_to_yesterday_and_shows_every_status(repository: Repository) -> None:
    assert load_sample(PROJECT / "data" / "sample", repository, CST, LOADED_AT) == 35
    catalog = load_catalog(PROJECT / "data" / "activities.toml")
    stores = repository.latest_store_snapshots(LOADED_AT)
    products = repository.latest_product_snapshots_all(LOADED_AT)
    assert len(stores) == 35 and sum(len(p) for p in products.values()) >= 200
    newest = max(s.captured_at for s in stores.values()).astimezone(CST).date()
    assert newest == LOADED_AT.date() - dt.timedelta(days=1)
    chosen = current_occurrences(catalog, LOADED_AT, CST)
    wholesale: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    failures: Counter[int] = Counter()
    stale = 0
    for store_id, store in stores.items():
        history = repository.store_history(store_id, until=LOADED_AT)
        verdicts = EVALUATOR.evaluate_store(
            catalog,
            chosen,
            store,
            products.get(store_id, []),
            history,
            LOADED_AT,
            dt.timedelta(days=7),
            store_id=store_id,
        )
        for v in verdicts:
            statuses[v.status] += 1
            if v.activity == "daily-group-wholesale":
                wholesale[v.status] += 1
                failures[len(v.failed())] += 1
                stale += v.stale
    assert set(statuses) == {"eligible", "ineligible", "unknown", "invitation"}
    assert wholesale["eligible"] >= 5 and wholesale["unknown"] >= 2
    assert failures[1] >= 5 and sum(n for k, n in failures.items() if k >= 2) >= 3
    assert stale == 3


def test_sample_is_not_loaded_twice(repository: Repository) -> None:
    assert load_sample(PROJECT / "data" / "sample", repository, CST, LOADED_AT) == 35
    assert load_sample(PROJECT / "data" / "sample", repository, CST, LOADED_AT) == 0
