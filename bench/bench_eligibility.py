"""Import N store rows and evaluate every activity for every store, against a plain loop.

The issue: "Import 100,000 store rows and evaluate every activity for every store; print stores
per second and the ratio against a plain hand-written Python loop computing the same verdicts
in the same run. Target: all activities for 100,000 stores in under 30 s on one core, within 3x
the hand-written loop."

One run: a seeded CSV of N stores (BENCH_STORES, default 100,000) and one of N/10 products
(randomly spread over the stores), both with the design's English column names, varied
spellings, blanks and failing figures; then, timed, `parse_bytes`, `Repository.add_snapshots`
into a fresh SQLite file, `latest_store_snapshots` / `latest_product_snapshots_all`, and
`Evaluator.evaluate_store` for every activity's current occurrence for every store. The baseline
(`bench/_eligibility_baseline.py`) computes the same verdicts by hand from the same snapshots:
each status and, criterion by criterion, its status, value and gap (not the messages, which the
engine renders on demand, nor notes, product verdicts or forecasts). Every verdict must agree
(the benchmark is also a cross-check, in an untimed second pass: a difference exits 1). The
targets are reported PASS / MISS and never fail the run. "On one core" is CPU time
(`time.process_time`); wall time (`time.perf_counter`) is shown beside it.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import itertools
import os
import random
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from bench import _eligibility_baseline as baseline
from calendar_service.adapters.catalog_file import load_catalog
from calendar_service.adapters.db import Repository, create_schema, make_engine
from calendar_service.adapters.importing import ParsedFile, parse_bytes
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.eligibility import DEFAULT_STALE_AFTER
from calendar_service.domain.evaluator import Evaluator
from calendar_service.domain.snapshots import ProductSnapshot, StoreSnapshot
from calendar_service.domain.verdicts import Verdict, VerdictStatus
from calendar_service.services.eligibility import current_occurrences

SEED = 1688
DEFAULT_STORES = 100_000
PRODUCTS_PER_STORE = 0.1  # one product per ten stores
TZ = ZoneInfo("Asia/Shanghai")
# A fixed instant: the 30th of April, so that members since Jan 30 and Jan 31 both have exactly
# three months (Jan 31 + 3 months is Apr 30): 快订 wants more than 3, 伙拼 at least 3.
AT = dt.datetime(2027, 4, 30, 10, 0, tzinfo=TZ)
CATALOG = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
TARGET_SECONDS = 30.0  # all activities for 100,000 stores, on one core
TARGET_STORES = 100_000
TARGET_RATIO = 3.0
SHOWN_DIFFERENCES = 10

STORE_HEADER = (
    "store_id", "name", "captured_at", "member_since", "medal_level", "satisfaction",
    "products_online", "products_listed", "gmv_30d", "buyers_30d", "shipping_promise",
    "buyer_protection", "delivery_guarantee", "alipay_verified", "online_trading",
    "disputes_90d", "dispute_rate_90d", "risk_score", "industrial_belt", "email",
    "full_reduction",
)  # fmt: skip
PRODUCT_HEADER = (
    "product_id", "store_id", "title", "captured_at", "listed_at", "wholesale_price",
    "sales_30d", "buyers_30d", "clicks_30d", "competitiveness_score", "free_sample",
    "sample_price", "stock", "online_order", "image_square", "image_watermark",
    "description_complete", "activity_discount", "free_shipping", "sample_stock",
)  # fmt: skip
YES_NO = (("是", "否"), ("yes", "no"), ("true", "false"), ("1", "0"), ("已开通", "未开通"))
SHIPPING = {"24h": ("24h", "24小时", "24小时发货"), "48h": ("48h", "48小时发货"), "72h": ("72h",)}
CITIES = ("义乌", "汕头", "广州", "深圳", "温州", "泉州", "东莞", "杭州", "白沟", "佛山")
TRADES = ("小商品", "玩具", "箱包", "服饰", "五金", "家居", "鞋业", "饰品", "日用品", "电子")
BELTS = ("义乌小商品", "汕头澄海玩具", "白沟箱包", "泉州鞋业", "无", "")
ITEMS = ("收纳盒", "毛绒玩具", "双肩包", "纯棉T恤", "不锈钢保温杯", "蓝牙耳机", "发夹", "拖鞋")
DISCOUNTS = ("8.5折", "85%", "0.8", "9折", "0.95", "7折", "0.84", "100%")
RATES = (Decimal("0.00005"), Decimal("0.0001"), Decimal("0.0002"), Decimal("0.0005"))


# ─── Data ────────────────────────────────────────────────────────────────────────────────────


class _Writer:
    """Cells of one generated row, with the spellings a 1688 export or a person would use."""

    def __init__(self, rng: random.Random, blank: float) -> None:
        self.rng, self.blank = rng, blank

    def missing(self) -> bool:
        return self.rng.random() < self.blank

    def flag(self, p_true: float) -> str:
        if self.missing():
            return ""
        yes, no = self.rng.choice(YES_NO)
        return yes if self.rng.random() < p_true else no

    def count(self, low: int, high: int, edge: int | None = None) -> str:
        if self.missing():
            return ""
        n = edge if edge is not None and self.rng.random() < 0.05 else self.rng.randint(low, high)
        form = self.rng.random()
        if form < 0.03:
            return f"{n}件"
        return f"{n:,}" if form < 0.06 else str(n)

    def money(self, low: int, high: int, edges: Sequence[int] = ()) -> str:
        if self.missing():
            return ""
        if edges and self.rng.random() < 0.05:
            value = Decimal(self.rng.choice(edges))
        else:
            value = Decimal(self.rng.randint(low * 100, high * 100)).scaleb(-2)
        form = self.rng.random()
        if form < 0.04 and value >= 10_000 and value % 1000 == 0:
            return f"{value.scaleb(-4).normalize():f}万"
        if form < 0.15:
            return f"{value:,.2f}"
        return f"¥{value:.2f}" if form < 0.25 else f"{value:.2f}"

    def decimal(self, low: int, high: int, edge: str | None = None) -> str:
        """One decimal place: low and high in tenths."""
        if self.missing():
            return ""
        if edge is not None and self.rng.random() < 0.08:
            return edge
        return f"{Decimal(self.rng.randint(low, high)).scaleb(-1):.1f}"

    def moment(self, at: dt.datetime) -> str:
        form = self.rng.random()
        if form < 0.8:
            return at.strftime("%Y-%m-%d %H:%M")
        return at.strftime("%Y/%m/%d %H:%M") if form < 0.9 else at.isoformat()

    def day(self, day: dt.date) -> str:
        form = self.rng.random()
        if form < 0.85:
            return day.isoformat()
        if form < 0.95:
            return day.strftime("%Y/%m/%d")
        return f"{day.year}年{day.month}月{day.day}日"


def _captured(rng: random.Random) -> dt.datetime:
    """Within the ten days before AT, on the hour (exports are taken a few times a day)."""
    return AT - dt.timedelta(hours=rng.randint(0, 240))


def _store_row(rng: random.Random, i: int, on: dt.date) -> list[str]:
    good = rng.random() < 0.45  # a well-run store: mostly passing figures
    w = _Writer(rng, blank=0.02)
    captured = _captured(rng)
    since = ""
    if not w.missing():
        if rng.random() < 0.15:  # around three months before AT: 2.96, 3.00, 3.03 months
            member = baseline.add_months(on, -3) + dt.timedelta(days=rng.randint(-2, 2))
        else:
            member = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 5500))
        since = w.day(min(member, captured.date()))
    medal = "" if w.missing() else _medal(rng, rng.randint(2, 5) if good else rng.randint(0, 5))
    shipping = ""
    if not w.missing():
        promise = rng.choice(("24h", "48h") if good else ("24h", "48h", "72h", "none"))
        shipping = "无" if promise == "none" else rng.choice(SHIPPING[promise])
    disputes = "" if w.missing() else str(rng.choices((0, 1, 2, 3), (70, 20, 7, 3))[0])
    rate = ""
    if not w.missing():
        value = Decimal(0) if disputes == "0" else rng.choice(RATES)
        rate = f"{value.scaleb(2).normalize():f}%" if rng.random() < 0.5 else f"{value:f}"
    name = f"{rng.choice(CITIES)}市{rng.choice(TRADES)}贸易有限公司{i}"
    if rng.random() < 0.02:
        name += ", 二店"  # quoted in the CSV
    return [
        f"b2b-22{i:08d}",
        "" if w.missing() else name,
        w.moment(captured),
        since,
        medal,
        w.decimal(40, 50, "4.0") if good else w.decimal(30, 50, "4.0"),
        w.count(20, 300, 20) if good else w.count(0, 120, 20),
        w.count(20, 300, 20) if good else w.count(0, 120, 20),
        w.money(10_000, 500_000, (20_000, 100_000)) if good else w.money(0, 60_000, (10_000,)),
        w.count(15, 300, 15) if good else w.count(0, 60, 15),
        shipping,
        w.flag(0.97 if good else 0.75),
        w.flag(0.97 if good else 0.75),
        w.flag(0.99 if good else 0.85),
        w.flag(0.99 if good else 0.85),
        disputes,
        rate,
        w.decimal(320, 800, "32") if good else w.decimal(100, 600, "32"),
        rng.choice(BELTS),
        "" if rng.random() < 0.1 else f"shop{i}@example.com",
        "" if w.missing() else rng.choice(("是", "否", "否", "满300减20")),
    ]


def _medal(rng: random.Random, level: int) -> str:
    form = rng.random()
    if form < 0.6 or level == 0:
        return str(level)
    return "A" * level if form < 0.85 else f"{level}A"


def _product_row(rng: random.Random, j: int, store: int) -> list[str]:
    w = _Writer(rng, blank=0.03)
    captured = _captured(rng)
    price = Decimal(rng.randint(200, 20_000)).scaleb(-2)
    sample = "" if w.missing() else rng.choice((f"{price:.2f}", f"{price:.2f}", "0.01"))
    listed = "" if w.missing() else w.day(captured.date() - dt.timedelta(days=rng.randint(0, 120)))
    return [
        f"6{j:011d}",
        f"b2b-22{store:08d}",
        f"{rng.choice(ITEMS)} {j}",
        w.moment(captured),
        listed,
        "" if w.missing() else f"{price:.2f}",
        w.count(0, 5) if rng.random() < 0.2 else w.count(0, 2000, 1),
        w.count(0, 100, 10),
        w.count(0, 1) if rng.random() < 0.1 else w.count(0, 1000, 100),
        w.decimal(0, 1000, "20"),
        w.flag(0.6),
        sample,
        w.count(0, 500, 0),
        w.flag(0.95),
        w.flag(0.9),
        w.flag(0.3),
        w.flag(0.9),
        "" if w.missing() else rng.choice(DISCOUNTS),
        w.flag(0.4),
        w.count(0, 50, 1),
    ]


def generate(stores: int) -> tuple[bytes, bytes, int]:
    """The store CSV, the product CSV and its row count (UTF-8), the same for the same N."""
    rng = random.Random(SEED)
    on = AT.date()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STORE_HEADER)
    writer.writerows(_store_row(rng, i, on) for i in range(stores))
    store_csv = out.getvalue().encode()
    products = round(stores * PRODUCTS_PER_STORE)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PRODUCT_HEADER)
    writer.writerows(_product_row(rng, j, rng.randrange(stores)) for j in range(products))
    return store_csv, out.getvalue().encode(), products


# ─── Timing ──────────────────────────────────────────────────────────────────────────────────


@dataclass
class Phase:
    name: str
    rows: int
    wall: float = 0.0
    cpu: float = 0.0


@contextmanager
def timed(phases: list[Phase], name: str, rows: int) -> Iterator[Phase]:
    """Time the block, wall and CPU, after a collection so no earlier garbage is billed to it."""
    gc.collect()
    phase = Phase(name, rows)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield phase
    finally:
        phase.wall = time.perf_counter() - wall
        phase.cpu = time.process_time() - cpu
        phases.append(phase)


def _rate(rows: int, seconds: float, width: int) -> str:
    return f"{rows / seconds:>{width},.0f}" if seconds > 0 else f"{'-':>{width}}"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


# ─── The run ─────────────────────────────────────────────────────────────────────────────────


def _parse(data: bytes, name: str) -> ParsedFile:
    parsed = parse_bytes(data, name, tz=TZ, now=AT)
    if parsed.errors:
        print(f"   {name}: {len(parsed.errors)} error(s) in the generated file; the first:")
        for error in parsed.errors[:SHOWN_DIFFERENCES]:
            print(f"     {error}")
        raise SystemExit(1)
    return parsed


def _engine(
    catalog: Catalog,
    occurrences: list[Occurrence],
    stores: dict[str, StoreSnapshot],
    products: dict[str, list[ProductSnapshot]],
) -> dict[str, tuple[VerdictStatus, ...]]:
    none: list[ProductSnapshot] = []
    found: dict[str, tuple[VerdictStatus, ...]] = {}
    evaluator = Evaluator()  # one run's: made here, so its rulebook is timed too
    for store_id, store in stores.items():
        verdicts = evaluator.evaluate_store(
            catalog,
            occurrences,
            store,
            products.get(store_id, none),
            (),
            AT,
            DEFAULT_STALE_AFTER,
            store_id=store_id,
        )
        found[store_id] = tuple([v.status for v in verdicts])
    return found


def _baseline(
    judge: baseline.Baseline,
    stores: dict[str, StoreSnapshot],
    products: dict[str, list[ProductSnapshot]],
) -> dict[str, tuple[VerdictStatus, ...]]:
    none: list[ProductSnapshot] = []
    found: dict[str, tuple[VerdictStatus, ...]] = {}
    for store_id, store in stores.items():
        found[store_id] = tuple(
            [status for status, _ in judge(store, products.get(store_id, none))]
        )
    return found


Content = tuple[VerdictStatus, list[baseline.Row]]


def _content(verdict: Verdict) -> Content:
    """What the cross-check compares: the status, and each criterion's status, value and gap."""
    return verdict.status, [(j.key, j.status, j.value, j.gap) for j in verdict.criteria]


def _cross_check(
    catalog: Catalog,
    occurrences: list[Occurrence],
    judge: baseline.Baseline,
    stores: dict[str, StoreSnapshot],
    products: dict[str, list[ProductSnapshot]],
    engine: dict[str, tuple[VerdictStatus, ...]],
    hand: dict[str, tuple[VerdictStatus, ...]],
) -> None:
    """Exit 1, showing the first differences, unless every verdict's content agrees.

    The timed runs keep only the statuses (keeping 1.7 million verdicts would bill the garbage
    collector to both); this pass, untimed, evaluates every store again on both sides and
    compares everything the baseline computes: the status and, criterion by criterion (the
    engine's "qualifying-products" included), the key, status, value and gap.
    """
    none: list[ProductSnapshot] = []
    differences: list[tuple[str, int, Content, Content]] = []
    compared = 0
    evaluator = Evaluator()  # a new one: nothing of the timed run is reused
    for store_id, store in stores.items():
        mine = products.get(store_id, none)
        verdicts = evaluator.evaluate_store(
            catalog, occurrences, store, mine, (), AT, DEFAULT_STALE_AFTER, store_id=store_id
        )
        by_hand = judge(store, mine)
        for i, (verdict, theirs) in enumerate(zip(verdicts, by_hand, strict=True)):
            ours = _content(verdict)
            compared += 1
            if ours != theirs:
                differences.append((store_id, i, ours, theirs))
        for i, (timed_engine, timed_hand) in enumerate(
            zip(engine[store_id], hand[store_id], strict=True)
        ):  # the timed runs gave the same statuses
            if timed_engine != verdicts[i].status or timed_hand != by_hand[i][0]:
                differences.append((store_id, i, (timed_engine, []), (timed_hand, [])))
    if not differences and len(hand) == len(engine) == len(stores):
        print(
            f"   cross-check: all {compared:,} verdicts agree with the hand-written loop "
            "(status, and every criterion's status, value and gap)"
        )
        return
    print(f"   cross-check FAILED: {len(differences):,} verdicts differ; the first:")
    for store_id, i, ours, theirs in differences[:SHOWN_DIFFERENCES]:
        print(f"     {store_id} {occurrences[i].key}: engine {ours[0]}, loop {theirs[0]}")
        for row, hand_row in itertools.zip_longest(ours[1], theirs[1]):
            if row != hand_row:
                print(f"       engine {row}\n       loop   {hand_row}")
        print(f"       {stores[store_id]}; {len(products.get(store_id, none))} product(s)")
    raise SystemExit(1)


def _distribution(
    occurrences: list[Occurrence], statuses: dict[str, tuple[VerdictStatus, ...]]
) -> None:
    counts = [Counter[str]() for _ in occurrences]
    for found in statuses.values():
        for counter, status in zip(counts, found, strict=True):
            counter[status] += 1
    names = ("eligible", "ineligible", "unknown", "invitation")
    print(f"   {'status per activity':<32}" + "".join(f"{n:>12}" for n in names))
    for occurrence, counter in zip(occurrences, counts, strict=True):
        print(f"   {occurrence.key:<32}" + "".join(f"{counter[n]:>12,}" for n in names))


def _import_and_read(
    phases: list[Phase], n: int, store_csv: bytes, product_csv: bytes, product_rows: int
) -> tuple[dict[str, StoreSnapshot], dict[str, list[ProductSnapshot]]]:
    """Parse both files, write them to a fresh SQLite file, read the latest snapshots back."""
    with tempfile.TemporaryDirectory(prefix="bench-eligibility-") as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            create_schema(engine)
            repository = Repository(engine)
            with timed(phases, "parse stores (parse_bytes)", n):
                stores_file = _parse(store_csv, "stores.csv")
            with timed(phases, "parse products (parse_bytes)", product_rows):
                products_file = _parse(product_csv, "products.csv")
            with timed(phases, "write (add_snapshots)", n + product_rows):
                added = repository.add_snapshots(
                    stores_file.stores, products_file.products, "bench", AT
                )
            if added != (n, product_rows):
                raise SystemExit(f"add_snapshots added {added}, not {(n, product_rows)}")
            del stores_file, products_file
            with timed(phases, "read stores (latest_store_snapshots)", n):
                stores = repository.latest_store_snapshots(AT)
            with timed(phases, "read products (latest_product_snapshots_all)", product_rows):
                products = repository.latest_product_snapshots_all(AT)
        finally:
            engine.dispose()
    if len(stores) != n:
        raise SystemExit(f"read back {len(stores):,} stores, not {n:,}")
    return stores, products


def _report(phases: list[Phase], evaluation: Phase, loop: Phase, activities: int) -> None:
    n = evaluation.rows
    print(f"   {'phase':<46}{'rows':>9}{'wall s':>8}{'cpu s':>8}{'rows/s wall':>12}{'cpu':>10}")
    for p in phases:
        print(
            f"   {p.name:<46}{p.rows:>9,}{p.wall:>8.2f}{p.cpu:>8.2f}"
            f"{_rate(p.rows, p.wall, 12)}{_rate(p.rows, p.cpu, 10)}"
        )
    pipeline = [p for p in phases if p is not loop]
    wall = sum(p.wall for p in pipeline)
    cpu = sum(p.cpu for p in pipeline)
    print(f"   all {activities} activities for {n:,} stores ({n * activities:,} verdicts):")
    print(
        f"     evaluation alone: {evaluation.cpu:.2f} s cpu, {evaluation.wall:.2f} s wall; "
        f"{n / evaluation.cpu:,.0f} stores/s cpu, {evaluation.cpu / n * 1e6:,.0f} µs a store"
    )
    print(
        f"     end to end (parse, write, read, evaluate): {cpu:.2f} s cpu, {wall:.2f} s wall; "
        f"{n / cpu:,.0f} stores/s cpu, {n / wall:,.0f} stores/s wall"
    )
    ratio_cpu, ratio_wall = evaluation.cpu / loop.cpu, evaluation.wall / loop.wall
    print(
        f"     hand-written loop (same verdict content): {loop.cpu:.2f} s cpu, {n / loop.cpu:,.0f} "
        f"stores/s; engine / loop = {ratio_cpu:.1f}x cpu, {ratio_wall:.1f}x wall"
    )
    scale = TARGET_STORES / n
    projected = "" if n == TARGET_STORES else f", projected linearly from {n:,} stores"
    alone, whole = evaluation.cpu * scale, cpu * scale
    print(f"   targets (informational{projected}):")
    print(
        f"     all activities for {TARGET_STORES:,} stores < {TARGET_SECONDS:.0f} s on one core: "
        f"evaluation alone {alone:.1f} s {_verdict(alone < TARGET_SECONDS)}, "
        f"end to end {whole:.1f} s {_verdict(whole < TARGET_SECONDS)}"
    )
    print(
        f"     evaluation within {TARGET_RATIO:.0f}x the hand-written loop: {ratio_cpu:.1f}x cpu "
        f"{_verdict(ratio_cpu <= TARGET_RATIO)}"
    )


def main() -> None:
    n = int(os.environ.get("BENCH_STORES", DEFAULT_STORES))
    if n < 1:
        raise SystemExit(f"BENCH_STORES must be at least 1, not {n}")
    catalog = load_catalog(CATALOG)
    occurrences = current_occurrences(catalog, AT, TZ)
    if len(occurrences) != len(catalog.activities):
        raise SystemExit(f"expected one occurrence per activity, got {len(occurrences)}")
    judges = baseline.Baseline(catalog, occurrences, AT)

    started = time.perf_counter()
    store_csv, product_csv, product_rows = generate(n)
    print(
        f"   data: {n:,} store rows ({len(store_csv) / 1e6:.1f} MB CSV) and {product_rows:,} "
        f"product rows ({len(product_csv) / 1e6:.1f} MB; one per ten stores, spread at random), "
        f"seed {SEED}, generated in {time.perf_counter() - started:.1f} s"
    )
    print(
        f"   {len(occurrences)} activities (catalog {catalog.version}), each at its window open "
        f"at or next after {AT:%Y-%m-%d %H:%M %z}; no store history (one snapshot a store)"
    )
    print(
        f"   load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other "
        "busy processes inflate CPU times as well as wall times: compare quiet runs)"
    )
    phases: list[Phase] = []
    stores, products = _import_and_read(phases, n, store_csv, product_csv, product_rows)
    del store_csv, product_csv
    print(f"   {sum(1 for s in stores if s in products):,} stores have products")
    with timed(phases, "evaluate (evaluate_store, every activity)", n) as evaluation:
        by_engine = _engine(catalog, occurrences, stores, products)
    with timed(phases, "baseline (hand-written loop, same verdicts)", n) as loop:
        by_hand = _baseline(judges, stores, products)
    _report(phases, evaluation, loop, len(occurrences))
    _distribution(occurrences, by_engine)
    with timed([], "cross-check", n) as check:
        _cross_check(catalog, occurrences, judges, stores, products, by_engine, by_hand)
    print(f"   (cross-check: {check.wall:.1f} s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"   peak memory (max RSS): {peak:,.0f} MB; load average at end: {os.getloadavg()[0]:.2f}"
    )
