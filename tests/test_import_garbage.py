"""Property tests of the parsing layer on anything at all (random bytes, text in random
encodings, random JSON): it never raises, and every error it reports is located."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_service.adapters.importing import ParsedFile, parse_bytes
from calendar_service.adapters.importing.headers import STORE_SPEC
from tests.times import CST, IMPORT_CLOCK

COLUMNS = [column.name for column in STORE_SPEC]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_consistent(parsed: ParsedFile, name: str) -> None:
    """What holds for any input: no file without snapshots passes, and every error is located."""
    snapshots = len(parsed.stores) + len(parsed.products)
    assert snapshots <= parsed.rows_total
    if snapshots == 0:
        assert parsed.errors
    for error in parsed.errors:
        assert str(error).startswith(f"{name}:{error.line}: {error.column}: ")
        assert error.line >= 0


# Anything at all ---------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".json", ".xlsx", ""]))
def test_random_bytes_never_raise(data: bytes, suffix: str) -> None:
    parsed = parse_bytes(data, f"f{suffix}", tz=CST, now=IMPORT_CLOCK)
    check_consistent(parsed, f"f{suffix}")


@FUZZ
@given(
    header=st.lists(st.sampled_from([*COLUMNS, "店铺ID", "数据日期", "商品ID", "x"]), max_size=6),
    text=st.text(max_size=400),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "big5"]),
    suffix=st.sampled_from([".csv", ".json", ".tsv"]),
)
def test_random_text_in_random_encodings_never_raises(
    header: list[str], text: str, encoding: str, suffix: str
) -> None:
    data = (",".join(header) + "\n" + text).encode(encoding, errors="replace")
    parsed = parse_bytes(data, f"f{suffix}", tz=CST, now=IMPORT_CLOCK)
    check_consistent(parsed, f"f{suffix}")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)


@FUZZ
@given(
    items=st.lists(
        st.dictionaries(st.sampled_from([*COLUMNS, "商品ID", "y"]), json_values) | json_values,
        max_size=5,
    ),
    wrapped=st.booleans(),
)
def test_random_json_never_raises(items: list[object], wrapped: bool) -> None:
    document: object = {"stores": items, "products": items[:1]} if wrapped else items
    data = json.dumps(document).encode()
    check_consistent(parse_bytes(data, "f.json", tz=CST, now=IMPORT_CLOCK), "f.json")
