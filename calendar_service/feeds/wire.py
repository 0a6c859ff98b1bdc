"""The iCalendar wire format (RFC 5545 §3.1, §3.3.11): escaping, content lines, folding, CRLF.

Written by hand rather than with icalendar's serializer, which folds inside backslash escapes
and has no notion of octets for the first line; see the package docstring for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

CRLF = b"\r\n"
LINE_OCTETS = 75  # RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF

_NEWLINES = re.compile(r"\r\n|\r|\n")
# C0 controls other than HTAB, and DEL, are not allowed in TEXT (RFC 5545 §3.3.11 ESCAPED-CHAR).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    r"""A TEXT value escaped: backslash, semicolon, comma and newlines; controls dropped."""
    value = _CONTROLS.sub("", _NEWLINES.sub("\n", value))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def text_list(values: Iterable[str]) -> str:
    """A multi-valued TEXT (CATEGORIES): each value escaped, joined with unescaped commas."""
    return ",".join(escape_text(v) for v in values)


def check_uri(value: str) -> str:
    """A URI value as is; ValueError when it holds whitespace or controls a line cannot carry."""
    if not value or re.search(r"[\s\x00-\x1f\x7f]", value):
        raise ValueError(f"{value!r} is not a URI a calendar line can carry (empty or whitespace)")
    return value


def content_line(name: str, value: str, params: Sequence[tuple[str, str]] = ()) -> str:
    """`NAME;PARAM=VALUE:value`, unfolded; the value must already be escaped for its type."""
    head = name + "".join(f";{key}={val}" for key, val in params)
    return f"{head}:{value}"


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets, each physical line ending in CRLF.

    A fold never falls inside a character's UTF-8 sequence nor inside a backslash escape, so
    even a client that unfolds carelessly, or decodes line by line, sees whole text.
    """
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + CRLF
    parts: list[bytes] = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation octet: back to the lead octet
            cut -= 1
        run = 0
        while cut - 1 - run >= start and data[cut - 1 - run] == 0x5C:  # backslashes before cut
            run += 1
        if run % 2:  # the last one starts an escape whose character follows the cut
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1  # a continuation's leading space counts toward 75
    parts.append(data[start:])
    return CRLF.join([parts[0], *(b" " + p for p in parts[1:])]) + CRLF


def serialize(lines: Iterable[str]) -> bytes:
    """A whole iCalendar object from its unfolded content lines."""
    folded: dict[str, bytes] = {}  # an occurrence's events repeat long lines (descriptions)
    out = []
    for line in lines:
        data = folded.get(line)
        if data is None:
            data = folded[line] = fold(line)
        out.append(data)
    return b"".join(out)


def unfold(data: bytes) -> list[str]:
    """The logical content lines of an iCalendar object (the inverse of `serialize`)."""
    text = data.decode("utf-8")
    if text.endswith("\r\n"):
        text = text[:-2]
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def unescape_text(value: str) -> str:
    """A TEXT value as written by `escape_text`, unescaped."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
