"""The dashboard's group robots: the overview's form that sends stores to a robot, and the
button that resumes a paused one. Both answer with the overview, the section's outcome in it."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the factory.

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, RedirectResponse

from calendar_service.bootstrap import Container
from calendar_service.dashboard import robots_view
from calendar_service.dashboard.overview import Filters
from calendar_service.dashboard.pages import Lang
from calendar_service.dashboard.session import Staff
from calendar_service.domain.recipients import robot_id_of
from calendar_service.domain.subscriptions import Subscription
from calendar_service.services.robot_subscriptions import subscribe_robot

OverviewView = Callable[..., HTMLResponse]  # (staff, Lang, Filters, **the page's extras)


def robots_section(container: Container, page: Lang) -> dict[str, Any]:
    """What the overview's robots section shows, a blank form in it: the robots, how many are
    paused (the notice at the top), the channels and languages to choose from."""
    robots = robots_view.robot_lines(container.robots, container.settings.tz, page.locale)
    return {
        "robots": robots,
        "paused": robots_view.paused_count(robots),
        "channels": robots_view.channel_choices(page.t["robots"]["channels"]),
        "locales": robots_view.LOCALES,
        "robot_form": robots_view.RobotForm(locale=page.locale),
        "outcome": None,
    }


def robot_names(
    container: Container, subscriptions: Sequence[Subscription], page: Lang
) -> dict[str, str]:
    """The names of the robots among the recipients of `subscriptions`, by key."""
    ids = {s.robot_id for s in subscriptions if s.robot_id is not None}
    robots = container.robots.by_ids(ids) if ids else {}
    return robots_view.robot_names(subscriptions, robots, page.locale)


def add_robot_routes(
    router: APIRouter,
    container: Container,
    clock: Callable[[], dt.datetime],
    staff: Callable[..., Staff],
    form_staff: Callable[..., Staff],
    overview_view: OverviewView,
) -> None:
    """`GET /robots` (to the overview's section), `POST /robots` (send stores to a robot) and
    `POST /robots/{key}/resume` on `router`."""
    SignedIn = Annotated[Staff, Depends(staff)]  # noqa: N806  # a type alias, named as one
    FormStaff = Annotated[Staff, Depends(form_staff)]  # noqa: N806  # a type alias

    @router.get("/robots")
    def robots_page(_who: SignedIn, lang: str | None = None) -> RedirectResponse:
        # Where the robot forms post: the section of the overview they are on.
        return RedirectResponse(Lang.of(lang).url("/") + "#robots", status_code=303)

    @router.post("/robots", response_class=HTMLResponse)
    def add_robot(
        who: FormStaff,
        lang: Annotated[str, Form()] = "zh",
        channel: Annotated[str, Form()] = "",
        url: Annotated[str, Form()] = "",
        secret: Annotated[str, Form()] = "",
        locale: Annotated[str, Form()] = "",
        scope: Annotated[str, Form()] = "listed",
        stores: Annotated[list[str] | None, Form()] = None,
        cycle: Annotated[str | None, Form()] = None,
        status: Annotated[str | None, Form()] = None,
        q: Annotated[str | None, Form()] = None,
        page_number: Annotated[str | None, Form(alias="page")] = None,
    ) -> HTMLResponse:
        # The stores listed on the page (posted as `stores`), or every store known now; shown
        # again on the same page of the overview. The use case checks everything before it
        # writes: its message goes into the form, which keeps what was typed but the secret.
        page = Lang.of(lang)
        filters = Filters.of(cycle, status, q, page_number)
        chosen = robots_view.form_locale(locale, page.locale)
        chosen_stores = container.repository.store_ids() if scope == "all" else (stores or [])
        try:
            done = subscribe_robot(
                container.robots,
                container.repository,
                chosen_stores,
                channel,
                url,
                secret,
                chosen,
                clock(),
            )
        except (LookupError, ValueError) as e:
            form = robots_view.RobotForm.posted(channel, url, chosen, str(e))
            return overview_view(who, page, filters, robot_form=form)
        outcome = robots_view.Outcome(
            done.robot.name(page.locale), len(done.subscriptions), added=done.added
        )
        return overview_view(who, page, filters, outcome=outcome)

    @router.post("/robots/{key}/resume", response_class=HTMLResponse)
    def resume_robot(who: FormStaff, key: str, lang: Annotated[str, Form()] = "zh") -> HTMLResponse:
        page = Lang.of(lang)
        robot_id = robot_id_of(key)
        found = None if robot_id is None else container.robots.get(robot_id)
        if found is None or found.key != key:
            outcome = robots_view.Outcome(name=key[:100], problem="unknown_robot")
            return overview_view(who, page, Filters(), outcome=outcome)
        resumed = container.robots.resume(found.id) or found
        outcome = robots_view.Outcome(resumed.name(page.locale), resumed=True)
        return overview_view(who, page, Filters(), outcome=outcome)
