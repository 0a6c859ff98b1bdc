"""How uvicorn serves the app: a deadline for request headers, and an access log without tokens."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

HEADER_TIMEOUT_S = 10.0  # from the connection (or the last response) to the end of the headers
MAX_HEADER_BYTES = 16 * 1024  # the request line and headers; past it: 431, and closed
_TOO_LARGE = b"Request headers too large: send at most 16 KB of request line and headers."

# The token is the secret in these URLs: whoever reads the log could read the feed or end the
# subscription. The log keeps the route and the query, not the token.
_SECRET_PATHS = re.compile(r"^(/feeds/|/unsubscribe/|/preferences/)[^?]*?(\.ics)?(?=\?|$)")


def mask_tokens(path: str) -> str:
    """`/feeds/***.ics?lang=en`, `/unsubscribe/***`, `/preferences/***`: the token hidden."""
    return _SECRET_PATHS.sub(lambda m: f"{m[1]}***{m[2] or ''}", path, count=1)


class MaskTokens(logging.Filter):
    """On uvicorn's access logger: the request path of each line with its token masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], mask_tokens(args[2]), *args[3:])
        return True


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (a C parser), with a deadline and a size bound on heads.

    uvicorn has a keep-alive timeout but none for a request's headers: a client sending one
    byte a minute (slowloris) keeps its connection, and enough of them take every socket. And
    httptools buffers a header however long it grows: the head is refused past MAX_HEADER_BYTES.
    """

    header_timeout: float = HEADER_TIMEOUT_S
    _deadline: asyncio.TimerHandle | None = None
    _in_head = True  # waiting for a request, or inside its head
    _head_bytes = 0  # received since the head began (counted by whole reads)
    _refused = False  # a head past the bound: answered 431 and closed

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        # A read that ends one request and begins the next is not counted for the new head:
        # an unfinished head is refused past MAX_HEADER_BYTES plus at most one read.
        if self._in_head:
            self._head_bytes += len(data)
        super().data_received(data)
        if self._refused or (self._in_head and self._head_bytes > MAX_HEADER_BYTES):
            self._refuse_head()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._head_bytes = 0
        self._disarm()
        if self._refused or _head_size(self.url, self.headers) > MAX_HEADER_BYTES:
            self._refused = True  # answered once the parser returns: nothing is written from here
            return
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self._refused:
            super().on_message_complete()
        self._in_head = True

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _refuse_head(self) -> None:
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:  # else a response is being written
            content = [STATUS_LINE[431]]
            content += [b"%s: %s\r\n" % header for header in self.server_state.default_headers]
            content += [
                b"content-type: text/plain; charset=utf-8\r\n",
                b"content-length: %d\r\n" % len(_TOO_LARGE),
                b"connection: close\r\n\r\n",
                _TOO_LARGE,
            ]
            self.transport.write(b"".join(content))
        self.transport.close()

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self._in_head and not self.transport.is_closing():
            self.transport.close()


def _head_size(url: bytes, headers: list[tuple[bytes, bytes]]) -> int:
    """About the bytes of a request's head: its target and its header lines."""
    return len(url) + sum(len(name) + len(value) + 4 for name, value in headers)


def server_config(app: Any, host: str, port: int, header_timeout: float) -> uvicorn.Config:
    """uvicorn's configuration for the app, with the header deadline and the masked log."""
    protocol = type("Guarded", (GuardedProtocol,), {"header_timeout": header_timeout})
    logging.getLogger("uvicorn.access").addFilter(MaskTokens())
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info",
        log_config=None,  # keep the JSON lines
        http=protocol,
    )
