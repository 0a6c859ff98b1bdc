"""The JSON API's routes: they translate HTTP to the use cases and back, nothing more."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the router factory.

import datetime as dt
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.adapters.importing.values import printable
from calendar_service.api import schemas
from calendar_service.api.auth import key_dependency
from calendar_service.api.preview import add_preview_routes
from calendar_service.api.robots import add_robot_routes
from calendar_service.api.subscriptions import add_subscription_routes
from calendar_service.bootstrap import Container
from calendar_service.domain.catalog import Cycle
from calendar_service.domain.cycles import occurrences as find_occurrences
from calendar_service.domain.locale import locale_of
from calendar_service.domain.time_range import out_of_range
from calendar_service.domain.verdict_json import to_json
from calendar_service.errors import UnknownStoreError, UserError
from calendar_service.services.eligibility import store_report
from calendar_service.services.importing import ImportOptions, import_source, read_limits
from calendar_service.text.catalog import catalog_json, occurrence_json

MAX_BODY = 5 * 1024 * 1024  # the default of CALENDAR_API_MAX_BODY_BYTES
MAX_DAYS = 800  # a little over two years of windows per request
BODY_NAME = "request.json"  # how the body is named in `FILE:LINE: column: message`
# The ?lang= query as the URLs write it; locale_of turns it into the domain's Locale.
Lang = Annotated[str, Query(pattern="^(zh|en)$", description="zh (default) or en")]


def api_router(container: Container, clock: Callable[[], dt.datetime]) -> APIRouter:
    """Every /api/ route, each behind an API key, bodies capped (413)."""
    settings = container.settings

    def keys() -> ApiKeys:
        return container.api_keys

    router = APIRouter(
        prefix="/api",
        tags=["api"],
        dependencies=[Depends(key_dependency(keys))],
        max_body_size=settings.api_max_body_bytes,
        responses={
            401: {"model": schemas.Problem},
            413: {"description": "body over CALENDAR_API_MAX_BODY_BYTES (5 MB)"},
        },
    )

    def known_store(store_id: str) -> str:
        if not container.repository.has_store(store_id):
            raise HTTPException(404, f"no data for store {store_id!r}; import its data first")
        return store_id

    # Imports run in the thread pool (the event loop keeps answering, /healthz included), and
    # at most api_max_imports at once: each holds a body and a write transaction.
    imports = threading.BoundedSemaphore(settings.api_max_imports)

    @router.post(
        "/snapshots",
        status_code=201,
        response_model=schemas.ImportOut,
        responses={
            415: {"model": schemas.Problem, "description": "the body is not JSON"},
            422: {"model": schemas.ImportRejected},
            429: {"model": schemas.Problem, "description": "too many imports at once"},
        },
        openapi_extra=schemas.SNAPSHOTS_BODY,
    )
    async def post_snapshots(request: Request) -> Any:
        """Store and product snapshots (JSON), checked like an imported file; all or nothing."""
        if not is_json(request.headers.get("content-type", "")):
            raise HTTPException(
                415, "send the snapshots as JSON, with the header Content-Type: application/json"
            )
        if not imports.acquire(blocking=False):
            raise HTTPException(
                429,
                f"{settings.api_max_imports} imports are running already; try again shortly",
                headers={"Retry-After": "5"},
            )
        try:
            body = await request.body()
            return await run_in_threadpool(import_body, container, body, clock())
        finally:
            imports.release()

    @router.get("/stores", response_model=list[schemas.StoreOut])
    def stores() -> Any:
        """Every known store with the capture time of its latest snapshot."""
        latest = container.repository.latest_store_snapshots(clock())
        return [
            schemas.StoreOut(
                store_id=store_id,
                name=name,
                data_as_of=latest[store_id].captured_at if store_id in latest else None,
            )
            for store_id, name in container.repository.stores()
        ]

    @router.get("/stores/{store_id:path}/eligibility", responses={404: {"model": schemas.Problem}})
    def eligibility(
        store_id: str,
        activity: str | None = None,
        at: Annotated[str | None, Query(description="YYYY-MM-DD or ISO datetime")] = None,
        lang: Lang = "zh",
    ) -> Any:
        """The design's eligibility JSON: one object with `activity`, else one per activity."""
        when = instant(at, settings.tz) if at else clock()
        try:
            report = store_report(
                container.catalog,
                container.repository,
                store_id,
                when,
                settings.tz,
                dt.timedelta(days=settings.stale_after_days),
                activity,
                container.evaluator,
            )
        except UnknownStoreError as e:
            raise HTTPException(404, str(e)) from None
        except UserError as e:
            raise HTTPException(422, str(e)) from None
        locale = locale_of(lang)
        data = [to_json(v, locale) for v in report.verdicts]
        return data[0] if activity else data

    @router.get("/occurrences")
    def occurrences(
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
        cycle: Cycle | None = None,
    ) -> list[dict[str, Any]]:
        """Sign-up windows in [from, to) (default: today and the next 90 days)."""
        for name, day in (("from", start), ("to", end)):
            problem = None if day is None else out_of_range(day, name)
            if problem is not None:
                raise HTTPException(422, problem)
        start = start or clock().astimezone(settings.tz).date()
        end = end or start + dt.timedelta(days=90)
        if end <= start or (end - start).days > MAX_DAYS:
            raise HTTPException(422, f"`to` must be after `from`, at most {MAX_DAYS} days on")
        found = find_occurrences(container.catalog, start, end, settings.tz, cycle)
        return [occurrence_json(container.catalog, o) for o in found]

    @router.get("/activities")
    def activities() -> dict[str, Any]:
        """The catalog: every activity, its window rule and criteria, and the version."""
        return catalog_json(container.catalog)

    add_subscription_routes(router, container, clock, known_store)
    add_preview_routes(router, container, clock)
    add_robot_routes(router, container, clock)
    return router


def instant(text: str, tz: dt.tzinfo) -> dt.datetime:
    """A date or ISO datetime, in the service's zone unless it says; 422 when it is neither."""
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise HTTPException(
            422, f"at={text!r} is not a time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]"
        ) from None
    problem = out_of_range(parsed, "at", text)
    if problem is not None:
        raise HTTPException(422, problem)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def is_json(content_type: str) -> bool:
    """Whether a Content-Type names JSON: application/json, or a +json type."""
    media = content_type.split(";", 1)[0].strip().casefold()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def import_body(container: Container, body: bytes, now: dt.datetime) -> Any:
    """The body through the file importer's checks; 422 listing every problem, or 201."""
    settings = container.settings
    repository = container.repository
    options = ImportOptions(settings.tz, now, limits=read_limits(settings), json_only=True)
    known = set(repository.store_ids())
    outcome = import_source(body, BODY_NAME, "api", repository, known, options)
    if outcome.rejected:
        errors = [printable(str(e)) for e in outcome.errors]
        return JSONResponse(
            {"detail": f"rejected, nothing imported: {len(errors)} problems", "errors": errors},
            status_code=422,
        )
    return schemas.ImportOut(
        stores_added=outcome.stores_added,
        products_added=outcome.products_added,
        rows=outcome.rows_total,
        warnings=[printable(w) for w in outcome.warnings],
    )
