"""The deck's rules, row by row: boundary rows imported as 1688 exports them and judged.

`tests/data/deck/` holds stores and products in CSV and XLSX with 1688's Chinese headers, unit
suffixes included (`近90天纠纷率(%)`, `上次大促成交额(万元)`, `活动折扣(折)`). Each case passes
everything but one figure, set at, just below or just above the deck's threshold, or blank; its
row names the activity, the criterion, the deck's words and the judgement and verdict expected
(columns the importer ignores). `tests/data/deck/build.py` writes the files.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.importing import ParsedFile, parse_file
from calendar_service.domain.catalog import Criterion, Source
from calendar_service.domain.cycles import Occurrence, occurrences
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.figures import ORDERING_OPS
from calendar_service.domain.snapshots import ProductSnapshot
from calendar_service.domain.verdicts import Judgement, Verdict
from tests.times import CST

EVALUATOR = Evaluator()  # the tests' stores share its rulebooks, plans and memos

DECK = Path(__file__).parent / "data" / "deck"
CATALOG = load_catalog(Path(__file__).resolve().parent.parent / "data" / "activities.toml")
AT = dt.datetime(2027, 4, 5, 10, 0, tzinfo=CST)


def _parse(name: str) -> ParsedFile:
    parsed = parse_file(DECK / name, tz=CST, now=AT)
    assert not parsed.errors, [str(e) for e in parsed.errors]
    return parsed


def _cases(name: str) -> list[dict[str, str]]:
    with (DECK / name).open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["活动"]]


STORES = {s.store_id: s for s in _parse("stores.csv").stores}
PRODUCTS = _parse("products.csv").products
BY_STORE: dict[str, list[ProductSnapshot]] = defaultdict(list)
for _p in PRODUCTS:
    BY_STORE[_p.store_id].append(_p)
STORE_CASES = _cases("stores.csv")
PRODUCT_CASES = _cases("products.csv")


@pytest.mark.parametrize("kind", ["stores", "products"])
def test_the_xlsx_files_read_as_the_csv_files(kind: str) -> None:
    """The same rows typed by a spreadsheet (numbers, dates) give the same snapshots."""
    csv_file, xlsx_file = _parse(f"{kind}.csv"), _parse(f"{kind}.xlsx")
    assert (csv_file.stores, csv_file.products) == (xlsx_file.stores, xlsx_file.products)
    # The four expectation columns are reported as ignored, never silently used.
    assert any("资料原文" in w for w in csv_file.warnings)


def _occurrence(activity: str) -> Occurrence:
    found = occurrences(CATALOG, AT.date(), AT.date() + dt.timedelta(days=400), CST)
    return next(o for o in found if o.activity == activity and o.deadline_at > AT)


def _criterion(activity: str, key: str) -> Criterion:
    return next(c for c in CATALOG.activity(activity).criteria if c.key == key)


def _verdict(activity: str, store_id: str) -> Verdict:
    store = STORES[store_id]
    occurrence = _occurrence(activity)
    return EVALUATOR.evaluate(CATALOG, activity, occurrence, store, BY_STORE[store_id], (), AT)


def _token(j: Judgement) -> str:
    if j.status != "signal":
        return j.status
    return "unknown" if j.met is None else "present" if j.met else "absent"


def _check_words(row: dict[str, str]) -> None:
    """The row's deck words stand in the catalog next to the criterion that encodes them."""
    assert _criterion(row["活动"], row["条件"]).deck == row["资料原文"]


@pytest.mark.parametrize("row", STORE_CASES, ids=[r["店铺ID"] for r in STORE_CASES])
def test_store_rows_are_judged_as_the_deck_says(row: dict[str, str]) -> None:
    _check_words(row)
    v = _verdict(row["活动"], row["店铺ID"])
    j = next(j for j in v.criteria if j.key == row["条件"])
    assert _token(j) == row["预期判断"], j.message("zh-CN")
    assert v.status == row["预期结论"], [x.message("zh-CN") for x in v.criteria]


@pytest.mark.parametrize("row", PRODUCT_CASES, ids=[r["商品ID"] for r in PRODUCT_CASES])
def test_product_rows_are_judged_as_the_deck_says(row: dict[str, str]) -> None:
    _check_words(row)
    v = _verdict(row["活动"], row["店铺ID"])
    product = next(p for p in v.products if p.product_id == row["商品ID"])
    j = next(j for j in product.criteria if j.key == row["条件"])
    assert _token(j) == row["预期判断"], j.message("zh-CN")
    assert product.status == row["预期结论"], [x.message("zh-CN") for x in product.criteria]


def test_every_seed_threshold_has_boundary_rows() -> None:
    """Each threshold the deck states has rows at, below and above it, and a blank one."""
    rows = STORE_CASES + PRODUCT_CASES
    for a in CATALOG.activities:
        for c in a.criteria:
            if c.source is not Source.SEED or c.op not in ORDERING_OPS:
                continue
            cases = [r for r in rows if (r["活动"], r["条件"]) == (a.key, c.key)]
            ids = " ".join(r.get("商品ID") or r["店铺ID"] for r in cases)
            assert len(cases) >= 3 and ".blank" in ids, f"{a.key}.{c.key}: {ids}"
            assert {r["预期判断"] for r in cases} >= {"unknown"}, f"{a.key}.{c.key}"
