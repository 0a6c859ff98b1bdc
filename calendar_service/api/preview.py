"""API route for the preview: the messages reminder passes would send over a range of days."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations.

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from calendar_service.adapters.db.subscribers import normalize_email
from calendar_service.api import schemas
from calendar_service.bootstrap import Container
from calendar_service.domain.time_range import out_of_range

DEFAULT_DAYS = 7  # as `calendar-service preview`
MAX_DAYS = 366


def add_preview_routes(
    router: APIRouter, container: Container, clock: Callable[[], dt.datetime]
) -> None:
    """`GET /preview`: what passes from now would send over [from, to), writing nothing."""
    tz = container.settings.tz

    @router.get(
        "/preview",
        response_model=list[schemas.PreviewOut],
        responses={404: {"model": schemas.Problem}},
    )
    def preview(
        start: Annotated[dt.date | None, Query(alias="from", description="first day")] = None,
        end: Annotated[dt.date | None, Query(alias="to", description="the day after the last")] = (
            None
        ),
        recipient: Annotated[str | None, Query(max_length=320)] = None,
    ) -> Any:
        """The messages reminder passes would send in [from, to) (default: today and the next
        6 days), from today's data, for every recipient or one; nothing is sent or written."""
        for name, day in (("from", start), ("to", end)):
            problem = None if day is None else out_of_range(day, name)
            if problem is not None:
                raise HTTPException(422, problem)
        now = clock()
        start = start or now.astimezone(tz).date()
        end = end or start + dt.timedelta(days=DEFAULT_DAYS)
        if end <= start or (end - start).days > MAX_DAYS:
            raise HTTPException(
                422, f"`to` ({end}) must be after `from` ({start}), at most {MAX_DAYS} days on"
            )
        address = None if recipient is None else known_recipient(container, recipient)
        found = container.preview(now, start, end - dt.timedelta(days=1), address)
        return [p.as_json() for p in found]


def known_recipient(container: Container, text: str) -> str:
    """The address as stored; 422 when it is not an address, 404 when nothing is sent to it."""
    try:
        address = normalize_email(text)
    except ValueError as e:
        raise HTTPException(422, f"recipient: {e}") from None
    if not container.repository.subscriptions_of(address):
        raise HTTPException(404, f"recipient {address!r} has no active subscription")
    return address
