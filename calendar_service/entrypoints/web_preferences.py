"""The preferences page a recipient reaches from every mail: `/preferences/{recipient token}`.

The token (`SignedLinks.recipient_token`) is the only credential, as for unsubscribe links: it
names an address, and the page sets the preferences of all of the address's subscriptions, or
ends one of them. The form is parsed here, field by field, so that a bad value is a 400 page
saying which one, and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from calendar_service.bootstrap import Container
from calendar_service.dashboard.pages import Lang, render
from calendar_service.domain.recipients import robot_id_of
from calendar_service.domain.subscriptions import CYCLES, DAILY_SUMMARIES, LOCALES, Preferences
from calendar_service.services.recipient_links import recipient_view

UNKNOWN_LINK = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>链接无效 · Unknown link</title></head><body>
<h1>链接无效 · Unknown link</h1>
<p>这个提醒设置链接无效,请使用最近一封提醒邮件里的链接。<br>
This preferences link is not valid: use the link in your latest reminder email.</p>
</body></html>"""
CHECKED = ("1", "on", "true")  # what a ticked checkbox sends; absent is unticked


@dataclass(frozen=True)
class Outcome:
    """What the page says after a POST: a key of `t.preferences`, its store, a problem's detail."""

    message: str
    store: str = ""
    problem: bool = False
    detail: str = ""


def form_preferences(form: dict[str, list[str]]) -> Preferences:
    """The preferences of the page's form; a ValueError whose first word names the bad field."""
    cycles = form.get("cycles", [])
    ineligible = form.get("include_ineligible", [""])[-1]
    summary = form.get("daily_summary", [""])[-1]
    locale = form.get("locale", [""])[-1]
    if not cycles or any(c not in CYCLES for c in cycles):
        raise ValueError(f"cycles: {cycles!r}; tick one or more of {', '.join(CYCLES)}")
    if ineligible and ineligible not in CHECKED:
        raise ValueError(f"include_ineligible: {ineligible!r}; tick it or leave it")
    if summary not in DAILY_SUMMARIES:
        raise ValueError(f"daily_summary: {summary!r}; choose {' or '.join(DAILY_SUMMARIES)}")
    if locale not in LOCALES:
        raise ValueError(f"locale: {locale!r}; choose {' or '.join(LOCALES)}")
    return Preferences.checked(cycles, ineligible in CHECKED, summary, locale)


def add_preference_routes(
    app: FastAPI, container: Container, clock: Callable[[], dt.datetime]
) -> None:
    """`GET /preferences/{token}` shows the page; `POST` saves the form, or ends one store's
    subscription when the form names it in `stop`."""
    signer = container.signed_links
    repository = container.repository

    def _shown_as(recipient: str, lang: Lang) -> str:
        """An address as it is; a group robot by its name and masked webhook."""
        robot_id = robot_id_of(recipient)
        robot = None if robot_id is None else container.robots.get(robot_id)
        return recipient if robot is None else robot.name(lang.locale)

    def page(
        token: str, email: str, lang: Lang, outcome: Outcome | None = None, status: int = 200
    ) -> HTMLResponse:
        return render(
            "preferences.html.j2",
            lang,
            status,
            view=recipient_view(repository, email),
            shown_as=_shown_as(email, lang),
            here=f"/preferences/{token}",
            unsubscribe_all=f"/unsubscribe/{token}",
            cycles=CYCLES,
            locales=LOCALES,
            outcome=outcome,
        )

    def submit(email: str, form: dict[str, list[str]]) -> Outcome:
        stop = form.get("stop", [])
        if stop:
            if not repository.unsubscribe(email, stop[-1], clock()):
                return Outcome("not_watched", stop[-1])  # a second click, too
            return Outcome("stopped", stop[-1])
        try:
            preferences = form_preferences(form)
        except ValueError as e:
            field = str(e).split(":", 1)[0]
            return Outcome(f"bad_{field}", problem=True, detail=str(e))
        changed = repository.set_recipient_preferences(email, preferences)
        return Outcome("saved" if changed else "unchanged")

    @app.get("/preferences/{token}", response_class=HTMLResponse, include_in_schema=False)
    def preferences_page(token: str, lang: str | None = None) -> HTMLResponse:
        email = signer.recipient_of(token)
        if email is None:
            return HTMLResponse(UNKNOWN_LINK, status_code=404)
        return page(token, email, Lang.of(lang))

    @app.post("/preferences/{token}", response_class=HTMLResponse, include_in_schema=False)
    async def save_preferences(request: Request, token: str, lang: str | None = None) -> Any:
        email = signer.recipient_of(token)
        if email is None:
            return HTMLResponse(UNKNOWN_LINK, status_code=404)
        body = (await request.body()).decode("utf-8", "replace")
        try:
            form = parse_qs(body, keep_blank_values=True, max_num_fields=100)
        except ValueError as e:  # more fields than any form of ours has
            outcome = Outcome("bad_form", problem=True, detail=str(e))
        else:
            outcome = await run_in_threadpool(submit, email, form)
        status = 400 if outcome.problem else 200
        return await run_in_threadpool(page, token, email, Lang.of(lang), outcome, status)
