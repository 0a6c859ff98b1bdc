"""What a person receives over a year: at most one message a day, few a month, only what can be
acted on, and every deadline a store can meet told before it passes.

Counted on the sample data over 2027 with the preview (`services/preview.py`), which runs what
reminder passes run; `test_preview_equals_sending.py` shows that passes send exactly that.
Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.workdays import HOLIDAYS
from calendar_service.domain.catalog import Catalog, Cycle
from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.planning import at_nine
from calendar_service.services.eligibility import HISTORY
from calendar_service.services.preview import Preview
from tests.reminder_volume_support import (
    AGENCY,
    SELLER,
    STALE_AFTER,
    agency_and_seller,
    per_day,
    per_month,
    preview_days,
)
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

YEAR_START, YEAR_END = dt.date(2027, 1, 1), dt.date(2027, 12, 31)


def test_2027_as_an_agency_and_a_seller_receive_it(
    catalog: Catalog, repository: Repository, engine: Engine
) -> None:
    """One preview of the year (the costly part), three properties of it."""
    stores = agency_and_seller(repository)
    now = dt.datetime(2026, 12, 31, 8, tzinfo=CST)
    found = preview_days(catalog, repository, ReminderStore(engine), now, YEAR_START, YEAR_END)
    few_messages(catalog, found)
    no_sign_up_reminder_for_an_invitation(catalog, found)
    every_deadline_a_store_can_meet_is_told(catalog, repository, found, stores)


def few_messages(catalog: Catalog, found: list[Preview]) -> None:
    agency_days, seller_days = per_day(found, AGENCY), per_day(found, SELLER)
    assert agency_days and seller_days
    # Never two messages a day, and only on the days something is due.
    assert max(agency_days.values()) == 1 and max(seller_days.values()) == 1
    # An agency with 35 stores: at most 23 a month (a working day's worth).
    assert max(per_month(found, AGENCY).values()) <= 23
    # A seller: at most 8 in a month without a yearly promotion's sign-up or sales window.
    busy = _yearly_months(catalog)
    quiet = {m: n for m, n in per_month(found, SELLER).items() if m not in busy}
    assert quiet and max(quiet.values()) <= 8, quiet
    # Before: a subscription got 21-31 mails a month; the agency 35 times that.
    assert sum(per_month(found, AGENCY).values()) < 12 * 23


def no_sign_up_reminder_for_an_invitation(catalog: Catalog, found: list[Preview]) -> None:
    invited = {a.key for a in catalog.activities if a.invitation_only}
    assert invited == {"monthly-sales", "monthly-core-promotion"}
    items = [i for p in found for i in p.items if i.activity in invited]
    assert items, "the sample has stores showing invitation signals"
    assert {i.kind for i in items} == {"invitation-signal"}
    assert {i.status for i in items} == {"invitation"}


def every_deadline_a_store_can_meet_is_told(
    catalog: Catalog, repository: Repository, found: list[Preview], stores: list[str]
) -> None:
    """Judged independently at each window's opening: an eligible store, or one whose data is
    missing, hears of the window in a message sent before its deadline."""
    told: dict[tuple[str, str], list[dt.datetime]] = {}
    for p in found:
        if p.recipient == AGENCY:
            for i in p.items:
                told.setdefault((i.store_id, i.occurrence), []).append(p.send_at)
    windows = [
        o
        for o in occurrences(catalog, YEAR_START, YEAR_END, CST)
        if not o.is_series
        and o.opens_on >= YEAR_START
        and o.deadline_on <= YEAR_END
        and not catalog.activity(o.activity).invitation_only
    ]
    assert {o.cycle for o in windows} == {Cycle.YEARLY, Cycle.QUARTERLY, Cycle.MONTHLY}
    checked = 0
    for o in windows:
        at = at_nine(o.opens_on, CST)
        snapshots = repository.latest_store_snapshots(at, stores)
        histories = repository.store_histories(stores, until=at, since=at - HISTORY)
        products = repository.latest_products_of(stores, at)
        for store_id in stores:
            verdict = EVALUATOR.evaluate(
                catalog,
                o.activity,
                o,
                snapshots.get(store_id),
                products.get(store_id, []),
                histories.get(store_id, []),
                at,
                STALE_AFTER,
                store_id=store_id,
                holidays=HOLIDAYS,
            )
            if verdict.status in ("eligible", "unknown"):
                checked += 1
                sent = told.get((store_id, o.key), [])
                assert any(t < o.deadline_at for t in sent), (store_id, o.key, verdict.status)
    assert checked > 100


def _yearly_months(catalog: Catalog) -> set[str]:
    """The months a yearly promotion's sales window (30 days before the deadline) or sign-up
    window touches."""
    found: set[str] = set()
    for o in occurrences(catalog, YEAR_START, YEAR_END, CST, Cycle.YEARLY):
        day = min(o.opens_on, o.deadline_on - dt.timedelta(days=30))
        while day <= o.deadline_on:
            found.add(f"{day:%Y-%m}")
            day += dt.timedelta(days=1)
    return found
