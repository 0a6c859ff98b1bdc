"""The evaluator: judges stores for occurrences, keeping what repeats from one store to the next.

Evaluating many stores at one instant shares most of the work: the catalog's criteria resolved
once (a `Rulebook`), each occurrence's plan once (`OccurrencePlan`), and the judgements of
small-domain figures, which repeat across stores, in a memo per rule. An `Evaluator` keeps them,
each bounded, for as long as its owner keeps it: a use case makes one for its run, a long-lived
process one for its life. The domain's modules keep nothing between calls.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.eligibility import (
    DEFAULT_STALE_AFTER,
    evaluate_batch,
    evaluate_plan,
    require_aware,
)
from calendar_service.domain.holidays import HolidayCalendar
from calendar_service.domain.judging import Memo, Rule
from calendar_service.domain.rulebook import Batch, OccurrencePlan, Rulebook, make_rulebook
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Verdict

BOOKS_KEPT = 8  # rulebooks kept, the most recently made first: one per catalog in use
PLANS_KEPT = 1024  # occurrence plans kept (cleared when full: they are cheap to make again)
BATCHES_KEPT = 64  # batches of plans kept, likewise
MEMO_LIMIT = 16384  # judgements kept per rule (a full memo stops growing: no thrashing)


class Evaluator:
    """Evaluates stores, keeping rulebooks, plans and memos for the next store.

    Each kind is bounded (`books_kept`, `plans_kept`, `batches_kept` and `memo_limit` per rule),
    so a long-lived process may keep one evaluator for its life. The verdicts are those of a new
    evaluator: what is kept only saves the work of making it again. One evaluator may serve
    several threads (what they share is only ever added whole).
    """

    __slots__ = (
        "_batches", "_books", "_lock", "_memos", "_plans", "batches_kept", "books_kept",
        "memo_limit", "plans_kept",
    )  # fmt: skip

    def __init__(
        self,
        *,
        books_kept: int = BOOKS_KEPT,
        plans_kept: int = PLANS_KEPT,
        batches_kept: int = BATCHES_KEPT,
        memo_limit: int = MEMO_LIMIT,
    ) -> None:
        self.books_kept, self.plans_kept = books_kept, plans_kept
        self.batches_kept, self.memo_limit = batches_kept, memo_limit
        self._books: list[Rulebook] = []
        self._lock = threading.Lock()
        # The memos of the kept books' rules, by the rule's identity (its book keeps it alive).
        self._memos: dict[int, Memo] = {}
        self._plans: dict[int, OccurrencePlan] = {}  # by the occurrence's identity
        # Batches by the ids of their occurrences (their plans hold them, so the ids stay theirs).
        self._batches: dict[tuple[int, ...], Batch] = {}

    def evaluate(
        self,
        catalog: Catalog,
        activity_key: str,
        occurrence: Occurrence,
        store: StoreSnapshot | None,
        products: Sequence[ProductSnapshot],
        history: Sequence[StoreSnapshot],
        at: dt.datetime,
        stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
        *,
        store_id: str | None = None,
        holidays: HolidayCalendar | None = None,
    ) -> Verdict:
        """The store's verdict for one occurrence, judged from its latest snapshot at `at`
        (`eligibility.evaluate_plan` says what the snapshots are)."""
        require_aware(at)
        if occurrence.activity != activity_key:
            raise ValueError(f"occurrence {occurrence.key!r} is not of activity {activity_key!r}")
        found = self.plan(catalog, occurrence, at, holidays)
        return evaluate_plan(found, store, products, history, at, stale_after, store_id=store_id)

    def evaluate_store(
        self,
        catalog: Catalog,
        occurrences: Iterable[Occurrence],
        store: StoreSnapshot | None,
        products: Sequence[ProductSnapshot],
        history: Sequence[StoreSnapshot],
        at: dt.datetime,
        stale_after: dt.timedelta = DEFAULT_STALE_AFTER,
        *,
        store_id: str | None = None,
        holidays: HolidayCalendar | None = None,
    ) -> list[Verdict]:
        """The store's verdicts for many occurrences (in their order), its data prepared once."""
        require_aware(at)
        found = self.batch(catalog, tuple(occurrences), at, holidays)
        return evaluate_batch(found, store, products, history, at, stale_after, store_id=store_id)

    def rulebook(self, catalog: Catalog) -> Rulebook:
        """The catalog's rulebook, made on first use and kept for the few catalogs in use.

        Keyed by identity: hashing a catalog would walk every criterion on every call.
        """
        for book in self._books:
            if book.catalog is catalog:
                return book
        with self._lock:
            for book in self._books:  # made meanwhile by another thread
                if book.catalog is catalog:
                    return book
            book = make_rulebook(catalog)
            memos = dict(self._memos)
            for rule in _rules(book):
                if rule.memoised:
                    memos[id(rule)] = {}
            for dropped in self._books[self.books_kept - 1 :]:
                for rule in _rules(dropped):
                    memos.pop(id(rule), None)
            # Replaced whole, so that a reader never sees them half made.
            self._memos = memos
            self._books = [book, *self._books[: self.books_kept - 1]]
        return book

    def memo(self, rule: Rule) -> Memo | None:
        """The judgements kept for a rule of a kept rulebook (None: not memoised, or not kept)."""
        return self._memos.get(id(rule))

    def plan(
        self,
        catalog: Catalog,
        occurrence: Occurrence,
        at: dt.datetime,
        holidays: HolidayCalendar | None = None,
    ) -> OccurrencePlan:
        """The occurrence's plan at `at`, kept by the occurrence's identity for the next store."""
        book = self.rulebook(catalog)
        plans = self._plans
        found = plans.get(id(occurrence))
        if (
            found is None
            or found.occurrence is not occurrence
            or found.book is not book
            or found.holidays is not holidays
            or (found.at is not at and found.at != at)
        ):
            found = OccurrencePlan(book, occurrence, at, holidays, self._memos, self.memo_limit)
            if len(plans) >= self.plans_kept:
                plans.clear()
            plans[id(occurrence)] = found
        return found

    def batch(
        self,
        catalog: Catalog,
        occurrences: Sequence[Occurrence],
        at: dt.datetime,
        holidays: HolidayCalendar | None = None,
    ) -> Batch:
        """The occurrences' plans at `at`, kept for the next store: one lookup a store."""
        book = self.rulebook(catalog)
        batches = self._batches
        key = tuple(map(id, occurrences))
        found = batches.get(key)
        if (
            found is None
            or found.book is not book
            or (found.at is not at and found.at != at)
            or (found.plans and found.plans[0].holidays is not holidays)
        ):
            made = tuple([self.plan(catalog, o, at, holidays) for o in occurrences])
            found = Batch(book, at, made, tuple(dict.fromkeys(p.on for p in made)))
            if len(batches) >= self.batches_kept:
                batches.clear()
            batches[key] = found
        return found

    def kept(self) -> tuple[int, int, int, int]:
        """How much is kept: rulebooks, plans, batches, and judgements in all the memos."""
        memos = self._memos
        return len(self._books), len(self._plans), len(self._batches), sum(map(len, memos.values()))


def _rules(book: Rulebook) -> Iterable[Rule]:
    for rules in book.activities.values():
        yield from rules.store_rules
        yield from rules.product_rules
