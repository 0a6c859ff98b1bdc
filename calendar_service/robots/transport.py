"""The robots' transport: a RobotPost to its robot's webhook, within the rate budget every
daemon shares, the robot's health kept (a robot whose messages keep being refused is paused).

It sits beside the mail transport behind the same interface (`open`, `close`, `send` returning
a SendResult): the dispatcher records the outcome on the message's reminders and retries a
temporary failure, after the wait the platform or the budget asked for.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Protocol

import httpx

from calendar_service.domain.recipients import Robot, Webhook, robot_id_of
from calendar_service.mail.transport import Batch, PermanentFailure, SendResult, TemporaryFailure
from calendar_service.robots import PER_MINUTE, RobotPost
from calendar_service.robots.senders import send

TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class RobotBook(Protocol):
    """The robots' table as the transport uses it (adapters/db/robots.py)."""

    def get(self, robot_id: int) -> Robot | None: ...

    def webhook(self, robot_id: int) -> Webhook | None: ...

    def take_budget(
        self, robot_id: int, now: dt.datetime, per_minute: int
    ) -> dt.timedelta | None: ...

    def delivered(self, robot_id: int) -> None: ...

    def failed(self, robot_id: int, error: str, now: dt.datetime) -> Robot | None: ...


class RobotTransport(Batch):
    """Posts RobotPosts over one HTTP client (opened and closed with the pass).

    Times here are the real clock's (`clock`), whatever time a pass is run for: the budget and
    the platforms' signatures are about when a message really goes out.
    """

    def __init__(
        self,
        book: RobotBook,
        *,
        clock: Callable[[], float] = time.time,
        client: Callable[[], httpx.Client] = lambda: httpx.Client(timeout=TIMEOUT),
    ) -> None:
        self._book = book
        self._clock = clock
        self._make_client = client
        self._client: httpx.Client | None = None

    def open(self) -> None:
        if self._client is None:
            self._client = self._make_client()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def send(self, post: RobotPost) -> SendResult:
        """Post to the robot `post.recipient` names. A paused or unknown robot, or a webhook
        sealed under another key, is a PermanentFailure and nothing is posted; an exhausted
        budget a TemporaryFailure saying how long to wait."""
        if self._client is None:
            raise RuntimeError("open the RobotTransport first: `with transport: …`")
        robot_id = robot_id_of(post.recipient)
        robot = None if robot_id is None else self._book.get(robot_id)
        if robot_id is None or robot is None:
            return PermanentFailure(None, f"{post.recipient or '?'}: no such robot")
        if robot.paused_at is not None:
            return PermanentFailure(
                None,
                f"{robot.key} is paused after {robot.failures} failures in a row "
                f"({robot.last_error}); `calendar-service robots resume {robot.key}` sends again",
            )
        try:
            hook = self._book.webhook(robot_id)
        except LookupError as e:
            return PermanentFailure(None, str(e))
        if hook is None:
            return PermanentFailure(None, f"{robot.key}: no such robot")
        now = dt.datetime.fromtimestamp(self._clock(), dt.UTC)
        wait = self._book.take_budget(robot_id, now, PER_MINUTE[hook.channel])
        if wait is not None:
            return TemporaryFailure(
                None,
                f"{robot.key}: {PER_MINUTE[hook.channel]} messages in the last minute",
                retry_after=wait.total_seconds(),
            )
        result = send(self._client, hook, post, clock=self._clock)
        if result.outcome == "sent":
            self._book.delivered(robot_id)
        elif result.outcome == "permanent":  # a temporary one is retried, not held against it
            self._book.failed(robot_id, result.detail, now)
        return result
