"""The encoding of a text file, told strictly from its bytes, in one pass of bounded memory.

A UTF-8 byte-order mark means UTF-8; else the bytes must be valid UTF-8; else valid GB18030
(what Excel in China writes). Nothing is guessed beyond that: bytes valid in neither are
refused, and so is text that is valid GB18030 only by reading Western letters as rare Chinese
characters (Latin-1, Windows-1252, Mac Roman or cp850 text: `Crème` would read `Cr鑝e`).

Real Chinese text is almost all in GB2312's two-byte area (both bytes 0xA1-0xFE); an accented
Latin letter followed by an ASCII letter makes a pair whose second byte is below 0x80, outside
that area (GBK's rare extensions). When such characters are at least as many as the common ones,
the text is not Chinese.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

from calendar_service.adapters.importing.tables import ReadError

CHUNK = 1 << 20
SAMPLE = 100_000  # non-ASCII characters counted to tell Chinese text from Western
TRIED = "tried UTF-8 and GB18030"
SAVE_AS_UTF8 = (
    'save it as UTF-8 (Excel: 另存为 / Save As, type "CSV UTF-8 (逗号分隔)" / '
    '"CSV UTF-8 (Comma delimited)"), or as .xlsx, and import again'
)
_NON_ASCII = re.compile("[^\x00-\x7f]")


@dataclass(frozen=True)
class Encoding:
    name: str  # a codec name: utf-8 or gb18030
    skip: int  # bytes of byte-order mark to skip


def detect(stream: BinaryIO) -> Encoding:
    """The encoding of the whole stream (read to its end; the caller seeks back)."""
    head = stream.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not head.startswith(
        codecs.BOM_UTF32_LE
    ):
        raise ReadError(0, f"the text is UTF-16 (Excel's 'Unicode text'); {SAVE_AS_UTF8}")
    skip = 3 if head.startswith(codecs.BOM_UTF8) else 0
    utf8 = _first_error(stream, "utf-8", skip)
    if utf8 is None:
        return Encoding("utf-8", skip)
    if skip:  # a UTF-8 byte-order mark, then bytes that are not UTF-8
        raise _undecodable(
            stream, utf8, "the text starts with a UTF-8 byte-order mark but is not UTF-8"
        )
    checker = _Sense()
    gb = _first_error(stream, "gb18030", 0, checker)
    if gb is not None:
        raise _undecodable(stream, max(utf8, gb), "the text is neither UTF-8 nor GB18030")
    if checker.rare and checker.rare >= checker.common:
        excerpt = checker.excerpt if len(checker.excerpt) <= 40 else checker.excerpt[:39] + "…"
        raise ReadError(
            checker.line,
            f'the text is not UTF-8, and read as GB18030 it gives rare characters ("{excerpt}"): '
            "it is probably Western text (Latin-1, Windows-1252, Mac Roman); "
            f"the encoding is never guessed ({TRIED}); {SAVE_AS_UTF8}",
        )
    return Encoding("gb18030", 0)


def _first_error(
    stream: BinaryIO, encoding: str, skip: int, checker: _Sense | None = None
) -> int | None:
    """The byte offset where decoding the stream fails, or None when all of it decodes."""
    stream.seek(skip)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = skip
    while True:
        chunk = stream.read(CHUNK)
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            return offset - pending + error.start
        if checker is not None:
            checker.feed(text)
        if not chunk:
            return None
        offset += len(chunk)


class _Sense:
    """Counts of common (GB2312) and rare characters in GB18030 text, and the first rare one."""

    def __init__(self) -> None:
        self.common = 0
        self.rare = 0
        self.line = 0
        self.excerpt = ""
        self._lines = 1
        self._known: dict[str, bool] = {}

    def feed(self, text: str) -> None:
        if self.common + self.rare >= SAMPLE:
            return  # enough to tell; the rest is only decoded (in C), not counted
        for found in _NON_ASCII.finditer(text):
            char = found.group()
            common = self._known.get(char)
            if common is None:
                encoded = char.encode("gb18030")
                common = len(encoded) == 2 and encoded[0] >= 0xA1 and encoded[1] >= 0xA1
                self._known[char] = common
            if common:
                self.common += 1
                continue
            self.rare += 1
            if not self.line:
                start = text.rfind("\n", 0, found.start()) + 1
                end = text.find("\n", found.start())
                self.line = self._lines + text.count("\n", 0, found.start())
                self.excerpt = text[start : end if end >= 0 else len(text)].strip()
        self._lines += text.count("\n")


def _undecodable(stream: BinaryIO, offset: int, what: str) -> ReadError:
    stream.seek(offset)
    byte = stream.read(1)
    shown = f" (0x{byte[0]:02X})" if byte else ""
    return ReadError(
        0,
        f"byte {offset}{shown} cannot be read: {what}, and the encoding is never guessed; "
        f"{SAVE_AS_UTF8}",
    )
