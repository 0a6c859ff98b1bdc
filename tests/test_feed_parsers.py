"""Independent parsers read every feed variant and expand it to the same instances.

Five readers: icalendar + recurring-ical-events, `ical` (Home Assistant's strict parser),
vobject with dateutil's rruleset, ics-py (which does not expand RRULE in 0.7), and ical.js, the
parser Thunderbird uses, run by Node.js from tests/support/icaljs. Each must find exactly the
instances the feed's plan holds, weekly series stepped by hand: (UID, summary, first day, day
after the last), and every description as planned, for names and reasons holding commas,
semicolons, backslashes and U+2028/U+2029/U+0085.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import ics  # type: ignore[import-untyped]  # ics-py 0.7 ships no type information
import pytest
import recurring_ical_events  # type: ignore[import-untyped]  # 3.8 ships no py.typed marker
import vobject  # type: ignore[import-untyped]  # vobject 0.9 ships no type information
from ical.calendar_stream import IcsCalendarStream

from calendar_service.domain.catalog import Catalog
from calendar_service.domain.cycles import DAY, occurrences
from calendar_service.feeds import (
    FeedOptions,
    Planned,
    Standing,
    build_feed,
    feed_range,
    parse_options,
    plan_events,
    scoped,
)
from calendar_service.feeds.plan import Standings
from calendar_service.services.feed_verdicts import judge_stores
from tests.feed_sample import SAMPLE_NOW, SampleReader

ROOT = Path(__file__).parents[1]
ICALJS = ROOT / "tests" / "support" / "icaljs"
TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=TZ)
START, END = feed_range(NOW, TZ)
# Parsers expand over a day more on each side, then one filter keeps what overlaps [START, END):
# their range queries disagree at the edges (`ical` compares all-day events with dates taken in
# the machine's zone), which is a matter of the query, not of the feed.
WIDE_START, WIDE_END = START - DAY, END + DAY
STAMP = dt.datetime(2027, 1, 10, 8, 30, tzinfo=TZ)
# Store names and reasons with everything TEXT escapes, the line and paragraph separators
# (U+2028, U+2029, U+0085) and a backslash before an escaped character.
AWKWARD = (
    Standing(
        "ineligible",
        ("近30天买家数 12 < 15,还差3位; 见\\n 第二行 第三行😀", "a,b;c\\"),
        "买家 12/15",
        "店,一;号\\ 分店",
    ),
    Standing("eligible", ("符合全部报名条件",), "", "Store; two, \\n B"),
    Standing("unknown", ("缺少 近30天买家数",), "", "三号店C"),
)

# (uid, summary, first day, day after the last day), dates as YYYY-MM-DD
Instance = tuple[str, str, str, str]


@dataclass(frozen=True)
class Variant:
    query: dict[str, str]
    kind: str = "catalog"  # "catalog", "store" (awkward text), "agency" (awkward names)
    sample_stores: tuple[str, ...] = ()  # real store feeds: their verdicts in the events


VARIANTS = {
    "catalog-zh": Variant({}),
    "catalog-en": Variant({"lang": "en"}),
    "store-zh": Variant({}, kind="store"),
    "store-en-alarms": Variant({"lang": "en", "alarms": "P1D,PT2H"}, kind="store"),
    "agency-awkward-names": Variant({"alarms": "P1D"}, kind="agency"),
    "alarms-zh": Variant({"alarms": "P3D"}),
    "cycles-yearly-quarterly": Variant({"cycles": "yearly,quarterly"}),
    "cycles-daily-en": Variant({"cycles": "daily", "lang": "en"}),
    # Real store feeds, one store of each status in the sample data, and an agency's.
    "sample-eligible-zh": Variant({}, sample_stores=("b2b-220001",)),
    "sample-one-reason-en-alarms": Variant(
        {"lang": "en", "alarms": "PT15H"}, sample_stores=("b2b-220011",)
    ),
    "sample-several-reasons-zh": Variant({"alarms": "P7D"}, sample_stores=("b2b-220019",)),
    "sample-unknown-zh": Variant({}, sample_stores=("b2b-220025",)),
    "sample-stale-en": Variant({"lang": "en"}, sample_stores=("b2b-220028",)),
    "sample-agency-zh": Variant(
        {}, sample_stores=("b2b-220001", "b2b-220011", "b2b-220019", "b2b-220025")
    ),
}


@pytest.fixture(scope="module")
def sample() -> SampleReader:
    return SampleReader()


@dataclass(frozen=True)
class Feed:
    options: FeedOptions
    data: bytes
    path: Path
    expected: set[Instance]
    descriptions: dict[str, str]  # UID -> description text, as planned
    deadlines: frozenset[str]  # UIDs of the events that carry alarms

    def triggers(self, uid: str) -> list[dt.timedelta]:
        """The alarm triggers an event must carry: before its start, earliest first."""
        return [-a for a in self.options.alarms] if uid in self.deadlines else []


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def variant(
    request: pytest.FixtureRequest,
    catalog: Catalog,
    tmp_path_factory: pytest.TempPathFactory,
    sample: SampleReader,
) -> Feed:
    spec = VARIANTS[request.param]
    options = parse_options(spec.query)
    occs = occurrences(catalog, START, END, TZ)
    standings: Standings | None = None
    many, scope, at = spec.kind == "agency", None, NOW.date()
    if spec.kind == "store":
        standings, scope = (lambda o: AWKWARD[:1]), "store-7"
    elif spec.kind == "agency":
        standings, scope = (lambda o: AWKWARD), "stores-x"
    elif spec.sample_stores:
        locale = options.lang
        # Judged the day after the sample's newest data, shown over the 2027 range.
        judged = judge_stores(
            catalog, sample, spec.sample_stores, occs, SAMPLE_NOW, dt.timedelta(days=7), locale, TZ
        )
        standings, scope = judged.standings, "-".join(spec.sample_stores)
        many = len(spec.sample_stores) > 1
    args: dict[str, Any] = {
        "standings": standings,
        "many": many,
        "at": at if standings is not None else None,
        "link_of": lambda o: f"https://calendar.example.com/activities/{o.activity}#{o.period}",
    }
    data = build_feed(
        catalog,
        occs,
        options=options,
        name="1688 活动日历",
        url="https://calendar.example.com/calendar.ics?lang=en&cycles=yearly,daily",
        data_stamp=STAMP,
        uid_scope=scope,
        **args,
    )
    path = tmp_path_factory.mktemp("feeds") / f"{request.param}.ics"
    path.write_bytes(data)
    planned = plan_events(catalog, occs, options, **args)
    expected = {i for p in planned for i in _instances(p, scope) if _overlaps(i)}
    descriptions = {scoped(p.uid, scope): p.description for p in planned}
    deadlines = frozenset(scoped(p.uid, scope) for p in planned if p.alarms)
    return Feed(options, data, path, expected, descriptions, deadlines)


def _instances(planned: Planned, scope: str | None) -> Iterator[Instance]:
    """Each instance of a planned event: a weekly series stepped by hand, 7 days at a time."""
    uid, length = scoped(planned.uid, scope), planned.end - planned.first
    day, last = planned.first, planned.weekly_until or planned.first
    while day <= last:
        yield uid, planned.summary, day.isoformat(), (day + length).isoformat()
        day += 7 * DAY


def _overlaps(instance: Instance) -> bool:
    return instance[2] < END.isoformat() and instance[3] > START.isoformat()


def _day(value: dt.date | dt.datetime) -> str:
    """All-day instances come back as dates, or as midnights (naive or UTC) from some parsers."""
    if isinstance(value, dt.datetime):
        assert value.time() == dt.time(0), f"an all-day instance read as {value}"
        return value.date().isoformat()
    return value.isoformat()


# ─── the five readers ──────────────────────────────────────────────────────────────────────────

_PARSED: dict[tuple[Path, str], Any] = {}


def parsed(feed: Feed, parser: str) -> Any:
    """Each parser reads each feed once (ics-py takes seconds for one)."""
    key = (feed.path, parser)
    if key not in _PARSED:
        text = feed.data.decode("utf-8")
        parsers: dict[str, Callable[[], Any]] = {
            "icalendar": lambda: icalendar.Calendar.from_ical(feed.data),
            "ical": lambda: IcsCalendarStream.calendar_from_ics(text),
            "vobject": lambda: vobject.readOne(text),
            "ics-py": lambda: ics.Calendar(text),
            "ical.js": lambda: _icaljs(feed.path),
        }
        _PARSED[key] = parsers[parser]()
    return _PARSED[key]


def read_icalendar(feed: Feed) -> set[Instance]:
    cal = parsed(feed, "icalendar")
    return {
        (str(e["UID"]), str(e["SUMMARY"]), _day(e["DTSTART"].dt), _day(e["DTEND"].dt))
        for e in recurring_ical_events.of(cal).between(WIDE_START, WIDE_END)
    }


def read_ical(feed: Feed) -> set[Instance]:
    cal = parsed(feed, "ical")
    return {
        (str(e.uid), str(e.summary), _day(e.dtstart), _day(e.end))
        for e in cal.timeline_tz(TZ).overlapping(WIDE_START, WIDE_END)
    }


def read_vobject(feed: Feed) -> set[Instance]:
    found: set[Instance] = set()
    for event in parsed(feed, "vobject").vevent_list:
        first, end = event.dtstart.value, event.dtend.value
        starts = list(event.getrruleset(addRDate=True)) if hasattr(event, "rrule") else [first]
        for start in starts:
            day = start.date() if isinstance(start, dt.datetime) else start
            found.add((event.uid.value, event.summary.value, _day(day), _day(day + (end - first))))
    return {i for i in found if _overlaps(i)}


def read_icspy(feed: Feed) -> set[Instance]:
    """ics-py 0.7 keeps RRULE as an unknown property: series count by their first day only."""
    found: set[Instance] = set()
    for event in parsed(feed, "ics-py").events:
        assert event.all_day, f"{event.uid} not read as all-day"
        found.add((event.uid, event.name, _day(event.begin.date()), _day(event.end.date())))
    return {i for i in found if _overlaps(i)}


def icspy_can_read(text: str) -> bool:
    """ics-py 0.7 reads an escaped backslash before `n` (written `\\\\n`) as a backslash and a
    line break: it unescapes `\\n` before `\\\\`. The other four parsers read it right; ics-py is
    held to text without a literal backslash-n."""
    return "\\n" not in text and "\\N" not in text


def read_icaljs(feed: Feed) -> set[Instance]:
    return {
        (i["uid"], i["summary"], i["start"], i["end"]) for i in parsed(feed, "ical.js")["instances"]
    }


READERS: dict[str, Callable[[Feed], set[Instance]]] = {
    "icalendar+recurring-ical-events": read_icalendar,
    "ical (Home Assistant)": read_ical,
    "vobject": read_vobject,
    "ical.js (Thunderbird)": read_icaljs,
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_parser_expands_the_same_instances(variant: Feed, reader: str) -> None:
    found = {i for i in READERS[reader](variant) if _overlaps(i)}
    assert found == variant.expected, (
        f"{reader}: missing {sorted(variant.expected - found)[:3]}, "
        f"extra {sorted(found - variant.expected)[:3]}"
    )


def test_ics_py_reads_every_event_and_each_series_start(variant: Feed) -> None:
    series = {i[0] for i in variant.expected if "weekly" in i[0] or "past-weeks" in i[0]}
    firsts = {min(i for i in variant.expected if i[0] == u) for u in series}
    single = {i for i in variant.expected if i[0] not in series}
    misread = {i[0] for i in single | firsts if not icspy_can_read(i[1])}
    wanted = {i for i in single | firsts if i[0] not in misread}
    assert {i for i in read_icspy(variant) if i[0] not in misread} == wanted


def test_every_parser_reads_descriptions_and_alarms(variant: Feed) -> None:
    for event in parsed(variant, "icalendar").walk("VEVENT"):
        key = str(event["UID"])
        assert str(event["DESCRIPTION"]) == variant.descriptions[key]
        assert [a["TRIGGER"].dt for a in event.walk("VALARM")] == variant.triggers(key)
    for item in parsed(variant, "ical").events:
        assert item.description == variant.descriptions[str(item.uid)]
        assert [a.trigger for a in item.alarm] == variant.triggers(str(item.uid))
    for item in parsed(variant, "vobject").vevent_list:
        assert item.description.value == variant.descriptions[item.uid.value]
    for item in parsed(variant, "ics-py").events:
        if icspy_can_read(variant.descriptions[item.uid]):
            assert item.description == variant.descriptions[item.uid]
    js = parsed(variant, "ical.js")["events"]
    assert {e["uid"]: e["description"] for e in js} == variant.descriptions
    for event in js:
        wanted = [int(t.total_seconds()) for t in variant.triggers(event["uid"])]
        assert event["triggers"] == wanted


# ─── ical.js through Node.js ───────────────────────────────────────────────────────────────────


def _npm_ci_once() -> str:
    """Node.js's path, after `npm ci` in tests/support/icaljs if its node_modules is missing.

    Called from inside the tests, so a machine without Node.js fails them (not an error in
    set-up, not a skip): ical.js is one of the parsers the feed must satisfy.
    """
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail(
            "Node.js is not installed (no `node` or `npm` on PATH): these tests read the feeds "
            "with ical.js, Thunderbird's parser, run by Node.js. Install Node.js 18 or newer.",
            pytrace=False,
        )
    lock = Path(tempfile.gettempdir()) / "calendar-service-icaljs.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # pytest-xdist workers: one `npm ci` at a time
        if not (ICALJS / "node_modules" / "ical.js" / "package.json").exists():
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=ICALJS,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            if done.returncode != 0:
                pytest.fail(f"`npm ci` in {ICALJS} failed:\n{done.stderr}", pytrace=False)
    return node


def _icaljs(path: Path) -> Any:
    """ical.js's reading of a feed file: {instances: [...], events: [...]} (see expand.mjs)."""
    args = [str(ICALJS / "expand.mjs"), str(path), WIDE_START.isoformat(), WIDE_END.isoformat()]
    done = subprocess.run(
        [_npm_ci_once(), *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"ical.js could not read {path.name}:\n{done.stderr}"
    return json.loads(done.stdout)
