"""The dashboard's sign-in: a session kept in the database, and the checks on every form.

The cookie holds only a random session id; the database keeps its sha256 (see
`adapters/db/dashboard_sessions.py`). Signing out deletes the row, so a copied cookie stops
working at once, and revoking the API key ends every session opened with it.

Every form carries a token the page was rendered with (derived from the session id, or for the
sign-in form from a cookie of its own), and a POST is taken only when the browser says it comes
from this origin (`Sec-Fetch-Site`, `Origin`): a page elsewhere, even on another port of the same
host, cannot make a feed link or sign someone in with its own key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from calendar_service.adapters.db.dashboard_sessions import DashboardSessions

COOKIE = "calendar_session"
LOGIN_COOKIE = "calendar_login"  # the sign-in form's token, before there is a session
LIFETIME = dt.timedelta(days=14)
LOGIN_LIFETIME = dt.timedelta(hours=12)


@dataclass(frozen=True)
class Staff:
    """The signed-in staff member: the API key's id and name, and the forms' token."""

    key_id: int
    name: str
    csrf: str


def csrf_token(session_id: str) -> str:
    """The forms' token of a session: knowing it tells nothing of the session id."""
    return hashlib.sha256(f"csrf:{session_id}".encode()).hexdigest()


def same_origin(request: Request, base_url: str) -> bool:
    """Whether the browser says this request comes from a page of this site.

    `Sec-Fetch-Site` when the browser sends it (every current one does): only `same-origin`;
    `same-site` is another port or subdomain of the host, not us. `Origin` when present must be
    this server's, as the request reached it or as CALENDAR_BASE_URL names it.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # an old browser or a script; the form token still has to match
    ours = {f"{request.url.scheme}://{request.url.netloc}".lower(), _origin(base_url)}
    return origin.lower() in ours


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def tokens_match(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


class Sessions:
    """Reads, opens and ends the session behind the cookie."""

    def __init__(self, store: DashboardSessions, secure: bool = False) -> None:
        self._store = store
        self._secure = secure

    def staff(self, request: Request, now: dt.datetime) -> Staff | None:
        """The signed-in staff member; None without a cookie, or for an ended session."""
        session_id = request.cookies.get(COOKIE)
        if not session_id or len(session_id) > 100:
            return None
        found = self._store.key_of(session_id, now)
        if found is None:
            return None
        return Staff(found[0], found[1], csrf_token(session_id))

    def open(self, response: Response, key_id: int, now: dt.datetime) -> None:
        session_id = self._store.open(key_id, now, LIFETIME)
        response.set_cookie(
            COOKIE,
            session_id,
            max_age=int(LIFETIME.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=self._secure,
        )
        response.delete_cookie(LOGIN_COOKIE, path="/login", httponly=True, samesite="strict")

    def end(self, request: Request, response: Response) -> None:
        session_id = request.cookies.get(COOKIE)
        if session_id and len(session_id) <= 100:
            self._store.end(session_id)
        response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=self._secure)

    def login_token(self, request: Request) -> str:
        """The sign-in form's token: the one in the browser's cookie, or a new one."""
        given = request.cookies.get(LOGIN_COOKIE)
        return given if given and 20 <= len(given) <= 100 else secrets.token_urlsafe(32)

    def keep_login_token(self, response: Response, token: str) -> None:
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            max_age=int(LOGIN_LIFETIME.total_seconds()),
            path="/login",
            httponly=True,
            samesite="strict",
            secure=self._secure,
        )
