"""The dashboard's routes: sign-in, overview (with its group robots), timeline, store, catalog
and reminders pages."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the router factory.

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query
from fastapi.responses import HTMLResponse

from calendar_service.bootstrap import Container
from calendar_service.dashboard import catalog_view, preview_view, store_view
from calendar_service.dashboard.overview import STATUSES, Filters, cycles, overview
from calendar_service.dashboard.pages import Lang, render, store_path
from calendar_service.dashboard.robot_routes import add_robot_routes, robot_names, robots_section
from calendar_service.dashboard.session import Staff
from calendar_service.dashboard.signin import add_signin_routes
from calendar_service.dashboard.timeline import timeline
from calendar_service.errors import UnknownStoreError
from calendar_service.services.eligibility import store_report
from calendar_service.services.feed_links import issue_feed_url


def dashboard_router(container: Container, clock: Callable[[], dt.datetime]) -> APIRouter:
    """The dashboard's pages; every page but the sign-in needs a signed-in staff member."""
    settings = container.settings
    tz, stale_after = settings.tz, dt.timedelta(days=settings.stale_after_days)
    router = APIRouter(include_in_schema=False)
    staff, form_staff = add_signin_routes(router, container, clock)
    SignedIn = Annotated[Staff, Depends(staff)]  # noqa: N806  # a type alias, named as one
    FormStaff = Annotated[Staff, Depends(form_staff)]  # noqa: N806  # a type alias

    def overview_view(who: Staff, page: Lang, filters: Filters, **extra: Any) -> HTMLResponse:
        found = overview(
            container.catalog,
            container.repository,
            clock(),
            tz,
            stale_after,
            filters,
            page.locale,
            container.evaluator,
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
            **({"links": None, "qr": None} | robots_section(container, page) | extra),
        )

    @router.get("/", response_class=HTMLResponse)
    def overview_page(
        who: SignedIn,
        lang: str | None = None,
        cycle: str | None = None,
        status: str | None = None,
        q: str | None = None,
        page_number: Annotated[str | None, Query(alias="page", max_length=10)] = None,
    ) -> HTMLResponse:
        return overview_view(who, Lang.of(lang), Filters.of(cycle, status, q, page_number))

    @router.post("/feed-token", response_class=HTMLResponse)
    def stores_feed_token(
        who: FormStaff,
        lang: Annotated[str, Form()] = "zh",
        store: Annotated[list[str] | None, Form()] = None,
    ) -> HTMLResponse:
        # One feed over the stores listed on the page, or over every store (no `store`):
        # shown on this response only, the database keeps a hash of the token.
        page = Lang.of(lang)
        try:
            links = issue_feed_url(
                container.repository, settings.base_url, store or None, page.code, clock()
            )
        except UnknownStoreError:
            return overview_view(who, page, Filters.of(None, None, None, None))
        qr = store_view.qr_data_uri(links.webcal)
        return overview_view(who, page, Filters.of(None, None, None, None), links=links, qr=qr)

    add_robot_routes(router, container, clock, staff, form_staff, overview_view)

    @router.get("/timeline", response_class=HTMLResponse)
    def timeline_page(who: SignedIn, lang: str | None = None) -> HTMLResponse:
        page = Lang.of(lang)
        view = timeline(container.catalog, clock(), tz, page.locale)
        return render("timeline.html.j2", page, who=who, view=view, here="/timeline")

    @router.get("/catalog", response_class=HTMLResponse)
    def catalog_page(who: SignedIn, lang: str | None = None) -> HTMLResponse:
        page = Lang.of(lang)
        entries = catalog_view.entries(container.catalog, page.locale)
        return render(
            "catalog.html.j2",
            page,
            who=who,
            entries=entries,
            version=container.catalog.version,
            here="/catalog",
        )

    @router.get("/reminders", response_class=HTMLResponse)
    def reminders_page(
        who: SignedIn,
        lang: str | None = None,
        recipient: str | None = None,
        days: str | None = None,
    ) -> HTMLResponse:
        # The recipients, and the messages the coming days would send the one chosen.
        page = Lang.of(lang)
        subscriptions = container.repository.subscriptions()
        known = preview_view.recipients(subscriptions, robot_names(container, subscriptions, page))
        params = {"recipient": recipient, "days": days}
        context: dict[str, Any] = {"recipients": known, "here": "/reminders", "params": params}
        try:
            span = preview_view.days_of(days)
            chosen = preview_view.chosen(recipient, known)
        except preview_view.BadQueryError as e:
            return render("reminders.html.j2", page, e.status_code, who=who, problem=e,
                          chosen=None, days=preview_view.DEFAULT_DAYS, days_param=None,
                          messages=[], **context)  # fmt: skip
        found = []
        if chosen is not None:
            now = clock()
            start, end = preview_view.days_from(now, tz, span)
            previews = container.preview(now, start, end, chosen.email)
            names = dict(container.repository.stores())
            found = preview_view.messages(previews, container.catalog, names, tz, page.t)
        days_param = None if span == preview_view.DEFAULT_DAYS else str(span)
        return render("reminders.html.j2", page, who=who, problem=None, chosen=chosen, days=span,
                      days_param=days_param, messages=found, **context)  # fmt: skip

    def store_page(who: Staff, store_id: str, page: Lang, **extra: Any) -> HTMLResponse:
        try:
            report = store_report(
                container.catalog,
                container.repository,
                store_id,
                clock(),
                tz,
                stale_after,
                evaluator=container.evaluator,
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
            here=store_path(store_id),
            **({"links": None, "qr": None} | extra),
        )

    @router.get("/stores/{store_id:path}", response_class=HTMLResponse)
    def store(who: SignedIn, store_id: str, lang: str | None = None) -> HTMLResponse:
        return store_page(who, store_id, Lang.of(lang))

    @router.post("/stores/{store_id:path}/feed-token", response_class=HTMLResponse)
    def feed_token(
        who: FormStaff, store_id: str, lang: Annotated[str, Form()] = "zh"
    ) -> HTMLResponse:
        # Shown on this response only: the database keeps a hash of the token.
        page = Lang.of(lang)
        if not container.repository.has_store(store_id):
            return store_page(who, store_id, page)
        links = issue_feed_url(
            container.repository, settings.base_url, [store_id], page.code, clock()
        )
        return store_page(who, store_id, page, links=links, qr=store_view.qr_data_uri(links.webcal))

    return router
