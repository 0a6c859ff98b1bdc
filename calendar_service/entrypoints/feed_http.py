"""A built feed as an HTTP response: gzip when asked, validators, 304s, HEAD."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

from fastapi import Request, Response

from calendar_service.services.feeds import FeedFile

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def accepts_gzip(header: str | None) -> bool:
    """Whether `Accept-Encoding` takes gzip with a weight above 0: named (gzip, x-gzip), or
    else through `*` (RFC 9110 §12.5.3: a named coding's weight wins over `*`)."""
    weights: dict[str, float] = {}
    for item in (header or "").split(","):
        coding, _, params = item.strip().partition(";")
        weight = 1.0
        param = params.strip().lower().replace(" ", "")
        if param.startswith("q="):
            try:
                weight = float(param[2:])
            except ValueError:
                weight = 0.0
        name = coding.strip().lower()
        weights["gzip" if name == "x-gzip" else name] = weight
    return weights.get("gzip", weights.get("*", 0.0)) > 0


def _matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag with or without `W/`."""
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


def _not_modified_since(if_modified_since: str, modified: dt.datetime) -> bool:
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False  # a date we cannot read: send the feed
    if since.tzinfo is None:
        return False
    return modified.replace(microsecond=0) <= since


def feed_response(request: Request, feed: FeedFile, cache_control: str) -> Response:
    """The feed for this request: 304 when the client's copy is current (If-None-Match first,
    else If-Modified-Since, RFC 9110 §13.2.2); gzip with its own ETag when asked; no body for
    HEAD, with the length a GET would have."""
    gzipped = accepts_gzip(request.headers.get("accept-encoding"))
    body, etag = (feed.gzipped, feed.gzip_etag) if gzipped else (feed.body, feed.etag)
    headers = {
        "ETag": etag,
        "Last-Modified": feed.http_date,
        "Cache-Control": cache_control,
        "Vary": "Accept-Encoding",
    }
    if_none_match = request.headers.get("if-none-match")
    if_modified_since = request.headers.get("if-modified-since")
    if if_none_match is not None:
        fresh = _matches(if_none_match, etag)
    else:
        fresh = if_modified_since is not None and _not_modified_since(
            if_modified_since, feed.last_modified
        )
    if fresh:
        return Response(status_code=304, headers=headers)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(media_type=CALENDAR_TYPE, headers=headers)
    return Response(body, media_type=CALENDAR_TYPE, headers=headers)
