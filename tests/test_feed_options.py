"""A feed's options (?cycles=, ?alarms=, ?lang=): parsed, written back, and refused with a
message that says what to write."""

from __future__ import annotations

import re

import pytest

from calendar_service.feeds import FeedOptionError, FeedOptions, parse_options


def test_options_parsed_and_written_back() -> None:
    options = parse_options(
        {"cycles": "Yearly, quarterly", "alarms": "PT2H,P1D,P1W", "lang": "en-US"}
    )
    assert options.lang == "en"
    assert [a.total_seconds() / 3600 for a in options.alarms] == [168, 24, 2]
    assert options.query() == {
        "cycles": "yearly,quarterly",
        "alarms": "P7D,P1D,PT2H",
        "lang": "en",
    }
    assert parse_options(options.query()) == options
    assert parse_options({}) == FeedOptions()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"cycles": "weekly"}, "cycles: 'weekly' is not a cycle; use any of yearly, quarterly"),
        ({"cycles": " , "}, "cycles: name at least one of yearly, quarterly, monthly, daily"),
        ({"alarms": "1D"}, "alarms: '1D' is not a duration"),
        ({"alarms": "-P1D"}, "alarms: '-P1D' is not a duration"),
        ({"alarms": "P1H"}, "alarms: 'P1H' is not a duration"),
        ({"alarms": "PT"}, "alarms: 'PT' is not a duration"),
        ({"alarms": "P0D"}, "alarms: 'P0D' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "P91D"}, "alarms: 'P91D' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "PT15S"}, "alarms: 'PT15S' is not offered; choose from PT2H, PT12H, PT15H"),
        ({"alarms": "P1D,P2D,P3D,P4D,P5D,P6D"}, "alarms: at most 3 alarms, got 6"),
        ({"lang": "fr"}, "lang: 'fr' is not supported; use zh (default) or en"),
        ({"alarm": "P1D"}, "unknown feed option 'alarm'; the options are cycles, alarms and lang"),
    ],
)
def test_bad_options_rejected_with_clear_messages(query: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as raised:
        parse_options(query)
    assert isinstance(raised.value, FeedOptionError)
