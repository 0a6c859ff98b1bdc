"""The dashboard's sign-in and sign-out, and the dependencies that guard every other page.

See `session.py` for what a session is and what a form must carry.
"""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the factory.

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.dashboard.pages import Lang, render
from calendar_service.dashboard.session import (
    LOGIN_COOKIE,
    Sessions,
    Staff,
    same_origin,
    tokens_match,
)

StaffDependency = Callable[..., Staff]


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


class FormRefused(Exception):  # noqa: N818  # a refusal, not a bug
    """A POST that does not come from one of our pages: answered 403 with a page saying so."""

    def __init__(self, lang: str | None) -> None:
        super().__init__("form refused")
        self.lang = Lang.of(lang)


def refused_page(_request: Request, error: Exception) -> HTMLResponse:
    """The 403 page of a refused form: go back, reload, try again."""
    lang = error.lang if isinstance(error, FormRefused) else Lang.of(None)
    return render("refused.html.j2", lang, 403)


def add_signin_routes(
    router: APIRouter, container: Container, clock: Callable[[], dt.datetime]
) -> tuple[StaffDependency, StaffDependency]:
    """`/login` and `/logout` on `router`; the dependencies for a page (the signed-in staff
    member, else a redirect to the sign-in) and for a form (the same, and a form of ours)."""
    settings = container.settings
    sessions = Sessions(
        container.dashboard_sessions, secure=settings.base_url.startswith("https://")
    )

    def keys() -> ApiKeys:
        return container.api_keys

    def staff(request: Request, lang: str | None = None) -> Staff:
        found = sessions.staff(request, clock())
        if found is None:  # also when the key was revoked or the session ended since
            # The path as the browser sent it: a store ID's %2F stays encoded.
            raw = request.scope.get("raw_path") or request.url.path.encode()
            here = raw.decode("latin-1") + (f"?{request.url.query}" if request.url.query else "")
            if request.method != "GET":  # a form's POST: come back to the page it was on
                here = urlsplit(request.headers.get("referer", "/")).path or "/"
            login = Lang.of(lang).url("/login", next=here)
            raise HTTPException(303, "sign in first", headers={"Location": login})
        return found

    SignedIn = Annotated[Staff, Depends(staff)]  # noqa: N806  # a type alias, named as one

    def form_staff(
        request: Request,
        who: SignedIn,
        csrf: Annotated[str, Form()] = "",
        lang: Annotated[str, Form()] = "zh",
    ) -> Staff:
        """The signed-in staff member posting one of our forms from one of our pages."""
        if not (same_origin(request, settings.base_url) and tokens_match(csrf, who.csrf)):
            raise FormRefused(lang)
        return who

    FormStaff = Annotated[Staff, Depends(form_staff)]  # noqa: N806  # a type alias

    def login_form(page: Lang, request: Request, next: str, status: int, error: bool) -> Any:
        token = sessions.login_token(request)
        response = render(
            "login.html.j2", page, status, next=safe_next(next), error=error, csrf=token
        )
        sessions.keep_login_token(response, token)
        return response

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, lang: str | None = None, next: str | None = None) -> Any:
        return login_form(Lang.of(lang), request, next or "/", 200, error=False)

    @router.post("/login", response_class=HTMLResponse)
    def login(
        request: Request,
        key: Annotated[str, Form(max_length=200)],
        next: Annotated[str, Form(max_length=2000)] = "/",
        lang: Annotated[str, Form(max_length=10)] = "zh",
        csrf: Annotated[str, Form(max_length=200)] = "",
    ) -> Any:
        # Login CSRF: a page elsewhere must not sign this browser in with the attacker's key.
        expected = request.cookies.get(LOGIN_COOKIE)
        if not (same_origin(request, settings.base_url) and tokens_match(csrf, expected)):
            raise FormRefused(lang)
        found = keys().verify(key.strip()) if key.strip() else None
        if found is None:
            return login_form(Lang.of(lang), request, next, 401, error=True)
        response = RedirectResponse(safe_next(next), status_code=303)
        sessions.open(response, found.id, clock())
        return response

    @router.post("/logout")
    def logout(request: Request, _who: FormStaff, lang: Annotated[str, Form()] = "zh") -> Any:
        response = RedirectResponse(Lang.of(lang).url("/login"), status_code=303)
        sessions.end(request, response)
        return response

    return staff, form_staff
