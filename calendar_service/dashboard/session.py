"""A signed session cookie for the dashboard's sign-in.

The format is Starlette's SessionMiddleware's (base64 JSON signed with itsdangerous, with a
timestamp), kept in the dashboard package because the app's middleware stack is not ours to
change. The secret comes from CALENDAR_SESSION_SECRET; without it each process makes a random
one, so sign-ins end at a restart and several processes behind one address need the variable.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from typing import Any

from itsdangerous import BadSignature, TimestampSigner
from starlette.requests import Request
from starlette.responses import Response

COOKIE = "calendar_session"
MAX_AGE = 14 * 24 * 3600
SECRET_VARIABLE = "CALENDAR_SESSION_SECRET"


class Sessions:
    """Reads and writes the session cookie."""

    def __init__(self, secret: str | None = None, secure: bool = False) -> None:
        secret = secret or os.environ.get(SECRET_VARIABLE) or secrets.token_urlsafe(32)
        self._signer = TimestampSigner(secret)
        self._secure = secure

    def read(self, request: Request) -> dict[str, Any]:
        """The session's data; empty when there is no cookie, or a forged or expired one."""
        raw = request.cookies.get(COOKIE)
        if not raw:
            return {}
        try:
            data = json.loads(base64.b64decode(self._signer.unsign(raw, max_age=MAX_AGE)))
        except (BadSignature, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def write(self, response: Response, data: dict[str, Any]) -> None:
        value = self._signer.sign(base64.b64encode(json.dumps(data).encode())).decode()
        response.set_cookie(
            COOKIE, value, max_age=MAX_AGE, httponly=True, samesite="lax", secure=self._secure
        )

    def clear(self, response: Response) -> None:
        response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=self._secure)
