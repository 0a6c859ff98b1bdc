"""What the icalendar package does with values as given: the reasons feeds/ics.py and
feeds/texts.py prepare some values before handing them to it. If one of these tests fails
after an upgrade, the library does it right now: drop the matching step."""

from __future__ import annotations

from icalendar import Calendar, Event, vText

from calendar_service.feeds.texts import clean, one_line


def test_icalendar_writes_line_and_paragraph_separators_raw() -> None:
    """node-ical splits lines at U+2028/U+2029 and drops what it cannot read: a description
    holding one is lost. So `clean` turns them (and U+0085) into LF before the library."""
    event = Event()
    event.add("description", "a\u2028b\u2029c\u0085d")
    assert "a\u2028b\u2029c\u0085d".encode() in event.to_ical()
    event = Event()
    event.add("description", clean("a\u2028b\u2029c\u0085d"))
    assert b"DESCRIPTION:a\\nb\\nc\\nd\r\n" in event.to_ical()
    assert one_line("a\u2028b\r\nc") == "a b c"


def test_icalendar_writes_control_characters_raw() -> None:
    """TEXT may not hold C0 controls but TAB (RFC 5545 §3.3.11); strict parsers refuse them."""
    event = Event()
    event.add("summary", "a\x01b\x1bc")
    assert b"SUMMARY:a\x01b\x1bc\r\n" in event.to_ical()
    assert clean("a\x01b\x1bc\td") == "abc\td"


def test_icalendar_escapes_name_only_when_given_as_text() -> None:
    """NAME (RFC 7986) and X-WR-CALNAME are TEXT, but icalendar 7 writes a plain str as is."""
    cal = Calendar()
    cal.add("name", "a; b, c\\d")
    cal.add("x-wr-calname", vText("a; b, c\\d"))
    data = cal.to_ical()
    assert b"NAME:a; b, c\\d\r\n" in data
    assert b"X-WR-CALNAME:a\\; b\\, c\\\\d\r\n" in data


def test_icalendar_folds_at_75_octets_without_splitting_characters() -> None:
    """Folding is left to the library: it counts octets and keeps each character whole."""
    event = Event()
    event.add("description", "中文😀,;\\\n" * 40)
    for line in event.to_ical().split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
