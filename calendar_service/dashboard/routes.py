"""The dashboard's routes: sign-in, overview, timeline, store and catalog pages."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the router factory.

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from calendar_service.adapters.db.api_keys import ApiKey, ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.dashboard import catalog_view, store_view
from calendar_service.dashboard.overview import STATUSES, Filters, cycles, overview
from calendar_service.dashboard.pages import Lang, render
from calendar_service.dashboard.session import Sessions
from calendar_service.dashboard.timeline import timeline
from calendar_service.errors import UnknownStoreError
from calendar_service.services.eligibility import store_report
from calendar_service.services.feeds import subscribe_links


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def dashboard_router(container: Container, clock: Callable[[], dt.datetime]) -> APIRouter:
    """The dashboard's pages; every page but the sign-in needs a signed-in staff member."""
    settings = container.settings
    tz, stale_after = settings.tz, dt.timedelta(days=settings.stale_after_days)
    sessions = Sessions(secure=settings.base_url.startswith("https://"))
    router = APIRouter(include_in_schema=False)

    @cache
    def keys() -> ApiKeys:
        return ApiKeys(container.engine)

    def staff(request: Request, lang: str | None = None) -> ApiKey:
        key_id = sessions.read(request).get("key")
        found = keys().active(key_id) if isinstance(key_id, int) else None
        if found is None:  # also when the key was revoked since the sign-in
            here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            if request.method != "GET":  # a form's POST: come back to the page it was on
                here = urlsplit(request.headers.get("referer", "/")).path or "/"
            login = Lang.of(lang).url("/login", next=here)
            raise HTTPException(303, "sign in first", headers={"Location": login})
        return found

    Staff = Annotated[ApiKey, Depends(staff)]  # noqa: N806  # a type alias, named as one

    @router.get("/login", response_class=HTMLResponse)
    def login_page(lang: str | None = None, next: str | None = None) -> HTMLResponse:
        return render("login.html.j2", Lang.of(lang), next=safe_next(next), error=False)

    @router.post("/login", response_class=HTMLResponse)
    def login(
        key: Annotated[str, Form()],
        next: Annotated[str, Form()] = "/",
        lang: Annotated[str, Form()] = "zh",
    ) -> Any:
        found = keys().verify(key.strip()) if key.strip() else None
        if found is None:
            page = Lang.of(lang)
            return render("login.html.j2", page, 401, next=safe_next(next), error=True)
        response = RedirectResponse(safe_next(next), status_code=303)
        sessions.write(response, {"key": found.id, "name": found.name})
        return response

    @router.post("/logout")
    def logout(lang: Annotated[str, Form()] = "zh") -> RedirectResponse:
        response = RedirectResponse(Lang.of(lang).url("/login"), status_code=303)
        sessions.clear(response)
        return response

    @router.get("/", response_class=HTMLResponse)
    def overview_page(
        who: Staff,
        lang: str | None = None,
        cycle: str | None = None,
        status: str | None = None,
        q: str | None = None,
    ) -> HTMLResponse:
        page, filters = Lang.of(lang), Filters.of(cycle, status, q)
        found = overview(
            container.catalog,
            container.repository,
            clock(),
            tz,
            stale_after,
            filters,
            page.code == "zh",
        )
        return render(
            "overview.html.j2",
            page,
            who=who,
            view=found,
            filters=filters,
            cycles=cycles(container.catalog),
            statuses=STATUSES,
            here="/",
        )

    @router.get("/timeline", response_class=HTMLResponse)
    def timeline_page(who: Staff, lang: str | None = None) -> HTMLResponse:
        page = Lang.of(lang)
        view = timeline(container.catalog, clock(), tz, page.code == "zh")
        return render("timeline.html.j2", page, who=who, view=view, here="/timeline")

    @router.get("/catalog", response_class=HTMLResponse)
    def catalog_page(who: Staff, lang: str | None = None) -> HTMLResponse:
        page = Lang.of(lang)
        entries = catalog_view.entries(container.catalog, page.code == "zh")
        return render(
            "catalog.html.j2",
            page,
            who=who,
            entries=entries,
            version=container.catalog.version,
            here="/catalog",
        )

    def store_page(who: ApiKey, store_id: str, page: Lang, **extra: Any) -> HTMLResponse:
        try:
            report = store_report(
                container.catalog, container.repository, store_id, clock(), tz, stale_after
            )
        except UnknownStoreError:
            return render("missing.html.j2", page, 404, who=who, store_id=store_id, here="/")
        return render(
            "store.html.j2",
            page,
            who=who,
            store_id=store_id,
            name=report.name or store_id,
            sections=store_view.sections(report, page.locale, tz),
            subscriptions=container.repository.subscriptions(store_id, active_only=False),
            here=f"/stores/{store_id}",
            **({"links": None, "qr": None} | extra),
        )

    @router.get("/stores/{store_id}", response_class=HTMLResponse)
    def store(who: Staff, store_id: str, lang: str | None = None) -> HTMLResponse:
        return store_page(who, store_id, Lang.of(lang))

    @router.post("/stores/{store_id}/feed-token", response_class=HTMLResponse)
    def feed_token(who: Staff, store_id: str, lang: Annotated[str, Form()] = "zh") -> HTMLResponse:
        # Shown on this response only: the database keeps a hash of the token.
        page = Lang.of(lang)
        if not container.repository.has_store(store_id):
            return store_page(who, store_id, page)
        token = container.repository.create_feed_token(store_id, clock())
        query = "?lang=en" if page.code == "en" else ""
        links = subscribe_links(f"{settings.base_url}/feeds/{token}.ics{query}")
        return store_page(who, store_id, page, links=links, qr=store_view.qr_data_uri(links.webcal))

    return router
