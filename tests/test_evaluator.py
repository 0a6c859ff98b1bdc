"""The evaluator keeps the caches of evaluation: each instance its own, each bounded, and what
it keeps never changes a verdict. The rules it judges are plain frozen data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from calendar_service.domain.cycles import occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.judging import Rule
from calendar_service.domain.rulebook import Rulebook, make_rulebook
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Verdict
from tests.eligibility_support import AT, CATALOG
from tests.factories import good_product, passing_store
from tests.times import CST

EVERY = [
    o
    for o in occurrences(CATALOG, AT.date(), AT.date() + dt.timedelta(days=400), CST)
    if o.deadline_at > AT
]


def _stores(count: int) -> list[tuple[StoreSnapshot, list[ProductSnapshot]]]:
    """Stores whose small-domain figures take many values (so memos fill), half with a product."""
    found = []
    for i in range(count):
        store = passing_store(
            store_id=f"s{i}",
            medal_level=i % 6,
            risk_score=Decimal(20 + i % 30),
            products_listed=i % 40,
            disputes_90d=i % 4,
            member_since=dt.date(2020, 1, 1) + dt.timedelta(days=37 * i),
        )
        product = good_product(store_id=f"s{i}", sales_30d=i * 7 % 900, stock=i % 12)
        found.append((store, [product] if i % 2 else []))
    return found


def _verdicts(evaluator: Evaluator, at: dt.datetime = AT, count: int = 60) -> list[list[Verdict]]:
    return [
        evaluator.evaluate_store(CATALOG, EVERY, store, products, (), at, store_id=store.store_id)
        for store, products in _stores(count)
    ]


def _rules(book: Rulebook) -> list[Rule]:
    """The book's rules, each once."""
    found: dict[int, Rule] = {}
    for rules in book.activities.values():
        for rule in (*rules.store_rules, *rules.product_rules, rules.qualifying):
            if rule is not None:
                found[id(rule)] = rule
    return list(found.values())


def test_rules_are_plain_frozen_data() -> None:
    rules = _rules(make_rulebook(CATALOG))
    assert rules
    for rule in rules:
        values = [getattr(rule, f.name) for f in dataclasses.fields(rule)]
        assert not [v for v in values if isinstance(v, dict | list | set | bytearray)], rule.key
        assert hash(rule) == hash(dataclasses.replace(rule))


def test_two_evaluators_keep_nothing_in_common() -> None:
    used, fresh = Evaluator(), Evaluator()
    _verdicts(used, count=5)
    books, plans, batches, judgements = used.kept()
    assert books == 1 and plans == len(EVERY) and batches == 1 and judgements > 0
    assert fresh.kept() == (0, 0, 0, 0)


def test_a_memoised_judgement_is_made_once_for_equal_values() -> None:
    evaluator = Evaluator()
    store = passing_store()
    first = evaluator.evaluate_store(CATALOG, EVERY, store, [], (), AT)
    again = evaluator.evaluate_store(CATALOG, EVERY, passing_store(store_id="s2"), [], (), AT)
    book = evaluator.rulebook(CATALOG)
    medal = next(
        r for a in book.activities.values() for r in a.store_rules if r.name == "medal_level"
    )
    memo = evaluator.memo(medal)
    assert memo is not None and store.medal_level in memo
    for one, two in zip(first, again, strict=True):
        for a, b in zip(one.criteria, two.criteria, strict=True):
            if a.figure.name == "medal_level":
                assert a is b  # the kept judgement, not an equal one made again
    assert Evaluator().memo(medal) is None  # another evaluator has no memo of this book's rules


def test_what_is_kept_stays_within_the_bounds_and_changes_no_verdict() -> None:
    small = Evaluator(books_kept=1, plans_kept=3, batches_kept=1, memo_limit=2)
    later = AT + dt.timedelta(days=1)
    expected = _verdicts(Evaluator()) + _verdicts(Evaluator(), later)
    assert _verdicts(small) + _verdicts(small, later) == expected
    books, plans, batches, judgements = small.kept()
    memoised = sum(r.memoised for r in _rules(small.rulebook(CATALOG)))
    assert books == 1 and plans <= 3 and batches <= 1
    assert memoised <= judgements <= 2 * memoised  # every memo was used, none grew past 2
    # An equal catalog, another object: another rulebook, the first one's memos let go.
    other = dataclasses.replace(CATALOG)
    small.evaluate_store(other, EVERY, passing_store(), [], (), AT)
    assert small.kept()[0] == 1 and small.kept()[3] <= memoised
    assert small.rulebook(other).catalog is other
    store, products = _stores(1)[0]
    again = small.evaluate_store(CATALOG, EVERY, store, products, (), AT, store_id="s0")
    assert again == expected[0]
