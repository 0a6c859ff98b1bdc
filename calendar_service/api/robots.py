"""API routes for the group robots (DingTalk, WeCom, Feishu) that receive reminders.

A robot's webhook URL and secret go in once and never come back out: every answer shows the
URL masked (`webhook`), as the CLI's `robots list` does.
"""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations.

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, ConfigDict, Field

from calendar_service.api import schemas
from calendar_service.bootstrap import Container
from calendar_service.domain.catalog import Cycle
from calendar_service.domain.recipients import Robot, robot_id_of
from calendar_service.domain.subscriptions import Preferences
from calendar_service.services.robot_subscriptions import subscribe_robot

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem}}
KEY = r"^(dingtalk|wecom|feishu):[0-9]{1,10}$"


class RobotIn(BaseModel):
    """A group robot subscribing to stores: its webhook URL (https) and, for DingTalk and
    Feishu, its signing secret; the stores; the preferences as for an address."""

    model_config = ConfigDict(extra="forbid")

    channel: Literal["dingtalk", "wecom", "feishu"]
    # Credentials: checked by the use case, whose errors never repeat them (a schema error's
    # answer would carry the value back).
    url: str = Field(repr=False)
    secret: str | None = Field(default=None, repr=False)
    stores: list[str] = Field(min_length=1, max_length=1000)
    locale: Literal["zh-CN", "en"] = "zh-CN"
    cycles: list[Cycle] | None = schemas.CYCLES_FIELD
    include_ineligible: bool | None = schemas.INELIGIBLE_FIELD
    daily_summary: Literal["weekly", "daily"] | None = schemas.SUMMARY_FIELD


class RobotOut(BaseModel):
    recipient: str = Field(description='the robot\'s key, as "dingtalk:3"')
    channel: str
    webhook: str = Field(description="the URL masked: its host and the token's last characters")
    stores: list[str]
    failures: int = Field(description="messages refused in a row")
    last_error: str | None
    paused_at: dt.datetime | None

    @classmethod
    def of(cls, robot: Robot, stores: list[str]) -> "RobotOut":
        return cls(
            recipient=robot.key,
            channel=robot.channel,
            webhook=robot.label,
            stores=stores,
            failures=robot.failures,
            last_error=robot.last_error,
            paused_at=robot.paused_at,
        )


def add_robot_routes(
    router: APIRouter, container: Container, clock: Callable[[], dt.datetime]
) -> None:
    """List, add (with its stores) and resume group robots."""

    @router.get("/robots", response_model=list[RobotOut])
    def robots() -> Any:
        """Every robot with the stores it watches and its health."""
        book = container.robots
        return [RobotOut.of(r, book.subscribed_stores(r.id)) for r in book.all()]

    @router.post("/robots", status_code=201, response_model=RobotOut, responses=NOT_FOUND)
    def add_robot(body: RobotIn) -> Any:
        """Subscribe a group robot to stores (added, or found again by its URL and resumed)."""
        try:
            preferences = Preferences.checked(
                body.cycles, body.include_ineligible, body.daily_summary, None
            )
            done = subscribe_robot(
                container.robots,
                container.repository,
                body.stores,
                body.channel,
                body.url,
                body.secret,
                body.locale,
                clock(),
                preferences,
            )
        except LookupError as e:
            raise HTTPException(404, str(e)) from None
        except ValueError as e:
            raise HTTPException(422, str(e)) from None
        book = container.robots
        return RobotOut.of(done.robot, book.subscribed_stores(done.robot.id))

    @router.post("/robots/{key}/resume", response_model=RobotOut, responses=NOT_FOUND)
    def resume(key: Annotated[str, Path(pattern=KEY)]) -> Any:
        """Send to a paused robot again."""
        robot_id = robot_id_of(key)
        found = None if robot_id is None else container.robots.resume(robot_id)
        if found is None or found.key != key:
            raise HTTPException(404, f"no robot {key!r}: see GET /api/robots")
        return RobotOut.of(found, container.robots.subscribed_stores(found.id))
