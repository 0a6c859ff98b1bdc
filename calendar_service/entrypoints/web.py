"""The web app: feeds and health over HTTP. Routes only translate; use cases do the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email.utils import format_datetime
from typing import Annotated

from fastapi import FastAPI, Header, Request, Response
from fastapi.responses import JSONResponse

from calendar_service.bootstrap import Container
from calendar_service.feeds import FeedOptionError, parse_options
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
    app = FastAPI(title="1688 promotion calendar", version=catalog.version)

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
        feed = catalog_feed(catalog, settings.tz, clock(), options, settings.base_url, stamp)
        return _respond(feed, if_none_match)

    @app.get("/feeds/{token}.ics", response_class=Response)
    def store_calendar(
        token: str, request: Request, if_none_match: Annotated[str | None, Header()] = None
    ) -> Response:
        repository = container.repository
        store_id = repository.store_for_feed_token(token)
        if store_id is None:  # unknown and revoked look the same
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        options = parse_options(dict(request.query_params))
        feed = store_feed(
            catalog,
            repository,
            store_id,
            settings.tz,
            clock(),
            options,
            f"{settings.base_url}/feeds/{token}.ics",
            stamp,
            dt.timedelta(days=settings.stale_after_days),
        )
        return _respond(feed, if_none_match)

    return app
