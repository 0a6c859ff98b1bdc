"""The shipped catalog, and every way a catalog can be wrong."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from calendar_service.adapters.catalog_file import load_catalog, parse_catalog
from calendar_service.domain.catalog import Catalog, CriterionKind, Cycle, Op, Scope, Source
from calendar_service.domain.deck_words import op_of
from calendar_service.domain.figures import ORDERING_OPS
from calendar_service.errors import CatalogError

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "activities.toml"

DESIGN_KEYS = {
    Cycle.YEARLY: ["promo-327", "promo-916", "promo-1118"],
    Cycle.QUARTERLY: ["quarterly-new-arrivals", "quarterly-hot-sellers", "quarterly-clearance"],
    Cycle.MONTHLY: [
        "monthly-sales",
        "monthly-hot-items",
        "monthly-core-promotion",
        "monthly-top-sellers",
        "monthly-origin",
        "monthly-benchmark",
    ],
    Cycle.DAILY: [
        "daily-quick-order",
        "daily-group-wholesale",
        "daily-group-buy",
        "daily-mobile",
        "daily-samples",
    ],
}


def raw() -> dict[str, Any]:
    return tomllib.loads(SHIPPED.read_text(encoding="utf-8"))


def test_shipped_catalog_has_every_activity_of_the_domain_page(catalog: Catalog) -> None:
    for cycle, keys in DESIGN_KEYS.items():
        assert [a.key for a in catalog.in_cycle(cycle)] == keys
    assert catalog.version


def test_every_activity_is_named_in_both_languages(catalog: Catalog) -> None:
    for a in catalog.activities:
        assert a.name_zh and a.name_en and a.summary_zh and a.summary_en, a.key


def test_english_texts_of_the_catalog_have_no_chinese_words(catalog: Catalog) -> None:
    """What an English reader sees (mails, feeds): the deck's 折 is a unit, kept with a percent."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for a in catalog.activities:
        texts = [a.name_en, a.entry_uv_note_en, *a.tips_en, a.note_en]
        texts += [t for c in a.criteria for t in (c.label_en, c.exception_en)]
        for text in texts:
            assert not cjk.findall(text.replace("折", "")), (a.key, text)


def test_an_entry_traffic_note_in_one_language_or_both() -> None:
    """The first format's one `entry_uv_note` still loads, for both languages; the newer
    `entry_uv_note_zh` / `entry_uv_note_en` give each language its own."""
    doc = raw()
    quick = doc["activities"]["daily-quick-order"]
    del quick["entry_uv_note_zh"], quick["entry_uv_note_en"]
    quick["entry_uv_note"] = "一页资料写10万左右"
    old = parse_catalog(doc).activity("daily-quick-order")
    assert old.entry_uv_note_zh == old.entry_uv_note_en == old.entry_uv_note == "一页资料写10万左右"
    new = parse_catalog(raw()).activity("daily-quick-order")
    assert (new.entry_uv_note_zh, new.entry_uv_note_en) == (
        "一页资料写10万左右",
        "one slide says about 100,000",
    )
    assert new.entry_uv_note == "一页资料写10万左右 (one slide says about 100,000)"


@pytest.mark.parametrize(
    ("activity", "criterion", "op", "threshold", "source"),
    [
        ("daily-group-wholesale", "medal", Op.AT_LEAST, Decimal(3), Source.SEED),
        ("daily-group-wholesale", "gmv-30d", Op.AT_LEAST, Decimal(20000), Source.SEED),
        ("daily-group-wholesale", "buyers-30d", Op.AT_LEAST, Decimal(15), Source.SEED),
        ("daily-group-wholesale", "shipping", Op.ONE_OF, ("24h", "48h"), Source.SEED),
        ("daily-group-wholesale", "membership", Op.AT_LEAST, Decimal(3), Source.SEED),  # at least
        ("daily-group-wholesale", "dispute-rate", Op.AT_MOST, Decimal("0.0001"), Source.SEED),
        ("daily-quick-order", "membership", Op.MORE_THAN, Decimal(3), Source.SEED),  # more than
        ("daily-quick-order", "medal", Op.AT_LEAST, Decimal(2), Source.SEED),
        ("daily-quick-order", "dispute-rate", Op.BELOW, Decimal("0.0001"), Source.SEED),  # below
        ("daily-quick-order", "disputes", Op.BELOW, Decimal(2), Source.SEED),
        ("daily-samples", "wholesale-price", Op.AT_LEAST, Decimal(20), Source.SEED),
        ("daily-samples", "competitiveness", Op.AT_LEAST, Decimal(20), Source.SEED),
        # 8.5折以下 includes 8.5折.
        ("quarterly-clearance", "discount-85-or-lower", Op.AT_MOST, Decimal("0.85"), Source.SEED),
        ("quarterly-new-arrivals", "listed-within-30-days", Op.AT_MOST, Decimal(30), Source.SEED),
        ("daily-samples", "free-sample-share", Op.MORE_THAN, Decimal("0.5"), Source.SEED),
        ("daily-samples", "sample-stock", Op.AT_LEAST, Decimal(1), Source.SEED),
        ("daily-samples", "sample-price-not-token", Op.MORE_THAN, Decimal("0.01"), Source.SEED),
        ("promo-327", "risk-score", Op.AT_LEAST, Decimal(32), Source.ASSUMED),
        ("promo-327", "sales-before-deadline", Op.AT_LEAST, Decimal(10000), Source.ASSUMED),
        ("promo-1118", "medal", Op.AT_LEAST, Decimal(1), Source.ASSUMED),
    ],
)
def test_seed_thresholds_are_as_the_domain_page_says(
    catalog: Catalog, activity: str, criterion: str, op: Op, threshold: object, source: Source
) -> None:
    found = {c.key: c for c in catalog.activity(activity).criteria}[criterion]
    assert (found.op, found.threshold, found.source) == (op, threshold, source)


def test_quick_order_rate_is_waived_for_exactly_one_dispute(catalog: Catalog) -> None:
    rate = {c.key: c for c in catalog.activity("daily-quick-order").criteria}["dispute-rate"]
    assert rate.waived_when is not None
    assert (rate.waived_when.figure, rate.waived_when.op, rate.waived_when.value) == (
        "disputes_90d",
        Op.EQUALS,
        Decimal(1),
    )


def test_samples_sales_rule_only_applies_after_30_days(catalog: Catalog) -> None:
    sales = {c.key: c for c in catalog.activity("daily-samples").criteria}["sales-if-older"]
    assert sales.scope is Scope.PRODUCT and sales.applies_when is not None
    assert sales.applies_when.figure == "listing_age_days"


def test_only_the_deck_s_two_monthly_invitations_are_invitations(catalog: Catalog) -> None:
    """销售额 and 核心大促: 小二会主动引导选款报名并直接通过. The other four are sign-ups."""
    for a in catalog.in_cycle(Cycle.MONTHLY):
        invited = a.key in ("monthly-sales", "monthly-core-promotion")
        kinds = {c.kind for c in a.criteria}
        assert a.criteria, a.key
        assert (kinds == {CriterionKind.INVITATION}) is invited, a.key
        assert (CriterionKind.INVITATION in kinds) is invited, a.key


def test_every_criterion_carries_the_deck_s_words_and_its_op_agrees(catalog: Catalog) -> None:
    """Each seed threshold stands next to the deck's words; 以上/以下 include, 大于/低于 do not."""
    for a in catalog.activities:
        for c in a.criteria:
            if a.key == "daily-group-buy":
                continue  # the deck gives 今日团 no rules: every one is borrowed and assumed
            assert c.deck, f"{a.key}.{c.key} has no deck words"
            said = op_of(c.deck)
            if c.source is Source.SEED and c.op in ORDERING_OPS and said is not None:
                assert said is c.op, f"{a.key}.{c.key}"


@pytest.mark.parametrize(
    ("words", "op"),
    [
        ("给予的价格在8.5折以下", Op.AT_MOST),
        ("交易勋章应为2A以上", Op.AT_LEAST),
        ("上架时间在30天内", Op.AT_MOST),
        ("开通时间大于3个月", Op.MORE_THAN),
        ("纠纷率低于0.01%", Op.BELOW),
        ("比重超过50%", Op.MORE_THAN),
        ("店铺满意度需不低于4", Op.AT_LEAST),
        ("已上网产品数需大于或等于20件", Op.AT_LEAST),
        ("纠纷率<=0.01%", Op.AT_MOST),
        ("剩余数量>=1", Op.AT_LEAST),
        ("不超过5天", Op.AT_MOST),
        ("交易勋章(要求较低)", None),
        ("大于3个月且低于5", None),  # two directions: no single reading
    ],
)
def test_the_deck_s_comparison_words(words: str, op: Op | None) -> None:
    assert op_of(words) is op


def test_the_loader_refuses_an_op_against_the_deck_s_words() -> None:
    raw = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    for c in raw["activities"]["quarterly-clearance"]["criteria"]:
        if c["key"] == "discount-85-or-lower":
            c["op"] = "<"
    with pytest.raises(CatalogError) as caught:
        parse_catalog(raw)
    message = str(caught.value)
    assert "activities.quarterly-clearance.criteria[0].op" in message
    assert "以下" in message and "'<='" in message


def test_windows_the_seed_does_not_give_are_marked_assumed(catalog: Catalog) -> None:
    for a in catalog.activities:
        if a.cycle is not Cycle.DAILY:
            assert a.window.assumed, a.key


def test_rules_borrowed_or_missing_are_flagged(catalog: Catalog) -> None:
    assert catalog.activity("daily-group-buy").rules_assumed
    assert catalog.activity("daily-mobile").rules_assumed
    assert not catalog.activity("daily-mobile").criteria


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    node: Any = doc
    *parents, last = path.split(".")
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    if value is _DELETE:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return doc


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("activities.promo-327.cycle", "weekly", "activities.promo-327.cycle"),
        (
            "activities.promo-327.window.deadline_days_before",
            0,
            "activities.promo-327.window.deadline_days_before: sign-up would close after the event",
        ),
        (
            "activities.promo-327.window.opens_days_before",
            10,
            "activities.promo-327.window.opens_days_before: sign-up must open before its deadline",
        ),
        ("activities.promo-327.window.event", "02-30", "activities.promo-327.window.event"),
        ("activities.promo-327.window.event", "March 27", "activities.promo-327.window.event"),
        (
            "activities.promo-327.window.event_days",
            _DELETE,
            "activities.promo-327.window.event_days: a yearly window needs it",
        ),
        (
            "activities.monthly-sales.window.deadline_day",
            10,
            "activities.monthly-sales.window.deadline_day: sign-up would close",
        ),
        (
            "activities.quarterly-clearance.window.event_month_of_quarter",
            1,
            "activities.quarterly-clearance.window.event_month_of_quarter",
        ),
        (
            "activities.monthly-sales.window.event",
            "03-27",
            "activities.monthly-sales.window.event: not used by a monthly window",
        ),
        (
            "activities.promo-327.criteria.0.threshold",
            "1A",
            "activities.promo-327.criteria[0].threshold: medal_level is a number",
        ),
        (
            "activities.promo-327.criteria.0.threshold",
            True,
            "activities.promo-327.criteria[0].threshold: medal_level is a number",
        ),
        (
            "activities.promo-327.criteria.0.threshold",
            6,
            "activities.promo-327.criteria[0].threshold: 6 is out of range",
        ),
        (
            "activities.promo-327.criteria.0.threshold",
            2.5,
            "activities.promo-327.criteria[0].threshold: medal_level is a whole number",
        ),
        (
            "activities.promo-327.criteria.4.threshold",
            "yes",
            "activities.promo-327.criteria[4].threshold: promotion_offered is yes/no",
        ),
        (
            "activities.daily-group-wholesale.criteria.5.threshold",
            ["24h", "12h"],
            "activities.daily-group-wholesale.criteria[5].threshold: ['12h'] not among",
        ),
        (
            "activities.promo-327.criteria.0.figure",
            "medal",
            "activities.promo-327.criteria[0].figure: 'medal' is not a store figure",
        ),
        ("activities.promo-327.criteria.0.op", "~", "activities.promo-327.criteria[0].op"),
        ("activities.promo-327.criteria.0.kind", "bonus", "activities.promo-327.criteria[0].kind"),
        (
            "activities.promo-327.criteria.0.sorce",
            "seed",
            "activities.promo-327.criteria[0].sorce: unknown key",
        ),
        (
            "activities.promo-327.criteria.1.key",
            "medal",
            "activities.promo-327.criteria[1].key: 'medal' is used twice",
        ),
        (
            "activities.daily-quick-order.criteria.8.waived_when.value",
            "one",
            "activities.daily-quick-order.criteria[8].waived_when.value: disputes_90d is a number",
        ),
        ("activities.promo-327.name_zh", "", "activities.promo-327.name_zh"),
        ("version", _DELETE, "version: Field required"),
        ("activities.Promo 327", {"name_zh": "x"}, "activities.Promo 327"),
    ],
)
def test_bad_catalog_names_the_key_and_what_is_wrong(path: str, value: Any, expected: str) -> None:
    doc = _set(raw(), path, value)
    with pytest.raises(CatalogError) as caught:
        parse_catalog(doc, "data/activities.toml")
    message = str(caught.value)
    assert message.startswith("data/activities.toml: the activity catalog is not valid")
    assert expected in message


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"activity": "promo-999", "period": "2027"}, "overrides[0].activity: 'promo-999'"),
        ({"activity": "daily-samples", "period": "daily"}, "is daily"),
        ({"activity": "promo-327", "period": "2027-03"}, "overrides[0].period: '2027-03'"),
        (
            {"activity": "promo-327", "period": "2027", "deadline_on": "2027-03-28"},
            "a deadline after its event",
        ),
    ],
)
def test_bad_override_is_refused(override: dict[str, str], expected: str) -> None:
    dates = {
        "opens_on": "2027-02-01",
        "deadline_on": "2027-03-01",
        "event_starts_on": "2027-03-27",
        "event_ends_on": "2027-03-29",
    }
    doc = raw()
    doc["overrides"] = [{**dates, **override}]
    with pytest.raises(CatalogError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        parse_catalog(doc, "x.toml")


def test_every_problem_is_reported_at_once() -> None:
    doc = _set(raw(), "activities.promo-327.window.deadline_days_before", 0)
    _set(doc, "activities.promo-916.criteria.0.threshold", "low")
    with pytest.raises(CatalogError) as caught:
        parse_catalog(doc, "x.toml")
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'version = "1"\n[activities.x\n', "not valid TOML"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'version = "1"\n', "activities: Field required"),
    ],
)
def test_unreadable_catalog_file(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "activities.toml"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=expected):
        load_catalog(path)


def test_missing_catalog_file_says_which_setting(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="CALENDAR_CATALOG_PATH"):
        load_catalog(tmp_path / "nope.toml")


def test_valid_override_replaces_the_rule_dates() -> None:
    doc = raw()
    doc["overrides"] = [
        {
            "activity": "promo-327",
            "period": "2027",
            "opens_on": "2027-02-08",
            "deadline_on": "2027-03-05",
            "event_starts_on": "2027-03-27",
            "event_ends_on": "2027-03-29",
        }
    ]
    # TOML dates arrive as date objects; strings in ISO form validate the same way.
    catalog = parse_catalog(doc)
    found = catalog.override("promo-327", "2027")
    assert found is not None and str(found.deadline_on) == "2027-03-05"
