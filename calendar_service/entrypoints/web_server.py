"""How uvicorn serves the app: a deadline for request headers, and an access log without tokens."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 10.0  # from the connection (or the last response) to the end of the headers
MAX_HEADER_BYTES = 16 * 1024  # h11's bound on an incomplete request head

# The token is the secret in these URLs: whoever reads the log could read the feed or end the
# subscription. The log keeps the route and the query, not the token.
_SECRET_PATHS = re.compile(r"^(/feeds/|/unsubscribe/)[^?]*?(\.ics)?(?=\?|$)")


def mask_tokens(path: str) -> str:
    """`/feeds/***.ics?lang=en`, `/unsubscribe/***`: the path with its token hidden."""
    return _SECRET_PATHS.sub(lambda m: f"{m[1]}***{m[2] or ''}", path, count=1)


class MaskTokens(logging.Filter):
    """On uvicorn's access logger: the request path of each line with its token masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], mask_tokens(args[2]), *args[3:])
        return True


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request headers take too long.

    uvicorn has a keep-alive timeout but none for a request's headers: a client sending one
    byte a minute (slowloris) keeps its connection, and enough of them take every socket.
    """

    header_timeout: float = HEADER_TIMEOUT_S
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def server_config(app: Any, host: str, port: int, header_timeout: float) -> uvicorn.Config:
    """uvicorn's configuration for the app, with the header deadline and the masked log."""
    protocol = type("HeaderDeadline", (HeaderDeadlineProtocol,), {"header_timeout": header_timeout})
    logging.getLogger("uvicorn.access").addFilter(MaskTokens())
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info",
        log_config=None,  # keep the JSON lines
        http=protocol,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
