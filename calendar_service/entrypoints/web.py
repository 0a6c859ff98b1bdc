"""The web app: feeds and health over HTTP. Routes only translate; use cases do the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from calendar_service.adapters.db.health import UNAVAILABLE, database_problem, write_check
from calendar_service.api import api_router
from calendar_service.bootstrap import Container
from calendar_service.dashboard import dashboard_router
from calendar_service.dashboard.signin import FormRefused, refused_page
from calendar_service.entrypoints.feed_http import feed_response
from calendar_service.entrypoints.web_guard import WebGuard
from calendar_service.entrypoints.web_preferences import add_preference_routes
from calendar_service.entrypoints.web_unsubscribe import add_unsubscribe_routes
from calendar_service.feeds import FeedOptionError, FeedOptions, feed_range, parse_options
from calendar_service.services.feed_cache import FeedCache, SignedFeedSource
from calendar_service.services.feeds import FeedFile, catalog_feed, stores_feed

PUBLIC_FEED = "public, max-age=3600"
# A private feed is for its subscriber only: no shared cache may keep it (a revoked token must
# stop working), and the subscriber's app asks again each time (a 304 when nothing changed).
PRIVATE_FEED = "private, no-cache"
CATALOG_VARIANTS = 64  # catalog feed variants kept (options × month)


def create_app(
    container: Container,
    clock: Callable[[], dt.datetime],
    health: Callable[[], dict[str, Any]] | None = None,
) -> FastAPI:
    """Build the app around a container and a clock (the tests pass their own); `health` is
    the scheduler's state when it runs in this process."""
    settings = container.settings
    catalog = container.catalog
    stamp = container.catalog_stamp
    signed_links = container.signed_links  # at start: a wrong key stops it here
    stale_after = dt.timedelta(days=settings.stale_after_days)
    store_feeds = FeedCache(
        SignedFeedSource(signed_links, container.repository),
        dt.timedelta(seconds=settings.feed_revalidate_seconds),
    )
    # No /docs or /redoc: FastAPI loads Swagger UI and ReDoc from a public CDN without an
    # integrity hash. The description itself stays at /openapi.json.
    # No OpenTelemetry either: nothing here exports it, and checking on each request whether a
    # provider has been set up cost a tenth of serving a cached feed.
    app = FastAPI(
        title="1688 promotion calendar",
        version=catalog.version,
        docs_url=None,
        redoc_url=None,
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.add_middleware(WebGuard)
    app.add_exception_handler(FormRefused, refused_page)

    # The catalog feed only changes with the catalog (fixed for the process) and its monthly
    # window: each variant is built once a month. Bounded by the options' closed sets.
    catalog_feeds: dict[tuple[FeedOptions, tuple[dt.date, dt.date]], FeedFile] = {}

    def build_catalog_feed(key: tuple[FeedOptions, tuple[dt.date, dt.date]]) -> FeedFile:
        if len(catalog_feeds) >= CATALOG_VARIANTS:
            catalog_feeds.clear()
        found = catalog_feeds[key] = catalog_feed(
            catalog, settings.tz, clock(), key[0], settings.base_url, stamp
        )
        return found

    @app.exception_handler(FeedOptionError)
    def bad_option(_request: Request, error: FeedOptionError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    def unavailable(request: Request, error: Exception) -> Response:
        # A read-only file, a full disk, a read-only server: the client may retry later.
        problem = database_problem(error) or "the database cannot be used"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": problem}, status_code=503)
        text = f"数据库暂时无法使用,请稍后重试 · The database cannot be used now.\n{problem}\n"
        return Response(text, status_code=503, media_type="text/plain; charset=utf-8")

    for error_class in UNAVAILABLE:
        app.add_exception_handler(error_class, unavailable)

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        problem = write_check(container.engine)
        reminders = container.reminder_store.counts(clock()) if problem is None else None
        scheduler: Any = "not running here" if health is None else health()
        body = {
            "status": "ok" if problem is None else "degraded",
            "database": "ok" if problem is None else f"cannot be written: {problem}",
            "catalog_version": catalog.version,
            "scheduler": scheduler,
            "reminders": reminders,
            "robots": None if problem is not None else _robot_health(container),
        }
        return JSONResponse(body, status_code=200 if problem is None else 503)

    # The feed routes are coroutines so that a cached feed is served without a thread hop;
    # anything that builds a feed or reads the database runs in the thread pool. They are
    # Starlette's plain routes, outside the OpenAPI description (they are not the JSON API):
    # FastAPI's parameter solving and checks cost as much as the rest of serving a cached feed.
    async def calendar(request: Request) -> Response:
        key = (_options(request), feed_range(clock(), settings.tz))
        feed = catalog_feeds.get(key)
        if feed is None:
            feed = await run_in_threadpool(build_catalog_feed, key)
        return feed_response(request, feed, PUBLIC_FEED)

    async def store_calendar(request: Request) -> Response:
        token: str = request.path_params["token"]
        options = _options(request)
        now = clock()

        def build(store_ids: tuple[str, ...]) -> FeedFile:
            url = f"{settings.base_url}/feeds/{token}.ics"
            return stores_feed(
                catalog,
                container.repository,
                store_ids,
                settings.tz,
                now,
                options,
                url,
                stamp,
                stale_after,
                container.evaluator,
            )

        # The stores are judged as of the day: a new day is a new feed.
        variant = (options, now.astimezone(settings.tz).date())
        feed = store_feeds.fresh(token, variant) or await run_in_threadpool(
            store_feeds.get, token, variant, build
        )
        if feed is None:  # unknown and revoked look the same
            return JSONResponse({"detail": "Not Found"}, status_code=404)
        return feed_response(request, feed, PRIVATE_FEED)

    app.add_route("/calendar.ics", calendar, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_route(
        "/feeds/{token}.ics", store_calendar, methods=["GET", "HEAD"], include_in_schema=False
    )

    add_unsubscribe_routes(app, container, clock)
    add_preference_routes(app, container, clock)
    app.include_router(api_router(container, clock))
    app.include_router(dashboard_router(container, clock))
    return app


_NO_OPTIONS = parse_options({})


def _options(request: Request) -> FeedOptions:
    """The feed options of the query; most subscribers send none, and skip its parsing."""
    if not request.scope["query_string"]:
        return _NO_OPTIONS
    return parse_options(dict(request.query_params))


def _robot_health(container: Container) -> dict[str, Any]:
    """The group robots paused after their messages kept being refused: each needs a person."""
    paused = container.robots.paused()
    return {
        "paused": [
            {
                "recipient": r.key,
                "webhook": r.label,
                "since": r.paused_at.isoformat() if r.paused_at else None,
                "error": r.last_error,
            }
            for r in paused
        ]
    }
