"""The web app: feeds and health over HTTP. Routes only translate; use cases do the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.utils import format_datetime
from functools import lru_cache
from typing import Annotated

from fastapi import FastAPI, Header, Request, Response
from fastapi.responses import JSONResponse

from calendar_service.bootstrap import Container
from calendar_service.feeds import FeedOptionError, FeedOptions, feed_range, parse_options
from calendar_service.services.feed_cache import FeedCache
from calendar_service.services.feeds import FeedFile, catalog_feed, store_feed

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _respond(feed: FeedFile, if_none_match: str | None) -> Response:
    headers = {
        "ETag": feed.etag,
        "Last-Modified": format_datetime(feed.last_modified.astimezone(dt.UTC), usegmt=True),
        "Cache-Control": "public, max-age=3600",
    }
    if if_none_match is not None and feed.etag in {t.strip() for t in if_none_match.split(",")}:
        return Response(status_code=304, headers=headers)
    return Response(feed.body, media_type=CALENDAR_TYPE, headers=headers)


def create_app(container: Container, clock: Callable[[], dt.datetime]) -> FastAPI:
    """Build the app around a container and a clock (the tests pass their own)."""
    settings = container.settings
    catalog = container.catalog
    stamp = container.catalog_stamp
    stale_after = dt.timedelta(days=settings.stale_after_days)
    store_feeds = FeedCache(
        container.repository, dt.timedelta(seconds=settings.feed_revalidate_seconds)
    )
    app = FastAPI(title="1688 promotion calendar", version=catalog.version)

    @lru_cache(maxsize=64)
    def cached_catalog_feed(options: FeedOptions, window: tuple[dt.date, dt.date]) -> FeedFile:
        # The feed only changes with the catalog (fixed for the process) and its monthly window.
        return catalog_feed(catalog, settings.tz, clock(), options, settings.base_url, stamp)

    @app.exception_handler(FeedOptionError)
    def bad_option(_request: Request, error: FeedOptionError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok", "catalog_version": catalog.version}

    @app.get("/calendar.ics", response_class=Response)
    def calendar(
        request: Request, if_none_match: Annotated[str | None, Header()] = None
    ) -> Response:
        options = parse_options(dict(request.query_params))
        feed = cached_catalog_feed(options, feed_range(clock(), settings.tz))
        return _respond(feed, if_none_match)

    @app.get("/feeds/{token}.ics", response_class=Response)
    def store_calendar(
        token: str, request: Request, if_none_match: Annotated[str | None, Header()] = None
    ) -> Response:
        options = parse_options(dict(request.query_params))
        now = clock()

        def build(store_id: str) -> FeedFile:
            url = f"{settings.base_url}/feeds/{token}.ics"
            return store_feed(
                catalog,
                container.repository,
                store_id,
                settings.tz,
                now,
                options,
                url,
                stamp,
                stale_after,
            )

        # The store is judged as of the day: a new day is a new feed.
        feed = store_feeds.get(token, (options, now.astimezone(settings.tz).date()), build)
        if feed is None:  # unknown and revoked look the same
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return _respond(feed, if_none_match)

    return app
