"""API key authentication: `Authorization: Bearer KEY` or `X-API-Key: KEY`, else 401."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from calendar_service.adapters.db.api_keys import ApiKey, ApiKeys

UNAUTHORIZED = (
    "a valid API key is required: send `Authorization: Bearer KEY` or `X-API-Key: KEY` "
    "(create one with `calendar-service apikey create NAME`)"
)
_bearer = HTTPBearer(auto_error=False, description="An API key as a bearer token.")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key.")


def key_dependency(keys: Callable[[], ApiKeys]) -> Callable[..., ApiKey]:
    """A dependency that resolves the request's API key, or answers 401 before anything runs."""

    def require_key(
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        header: Annotated[str | None, Depends(_header)],
    ) -> ApiKey:
        given = header or (bearer.credentials if bearer is not None else None)
        found = keys().verify(given) if given else None
        if found is None:
            raise HTTPException(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
        return found

    return require_key
