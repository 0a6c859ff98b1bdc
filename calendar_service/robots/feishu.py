"""Feishu's (飞书) group custom robot: a message posted to its webhook, signed when it has a
secret.

The protocol (open.feishu.cn, "custom bot"): `POST {webhook}` with the message as JSON, plus
`timestamp` (seconds, a string) and `sign`, the base64 of HMAC-SHA256 keyed with
f"{timestamp}\\n{secret}" over nothing, when the robot has a secret. The body is at most 20 KB.
The reply's `code` (`StatusCode` in older replies) says what happened: 0 sent; 11232 too many
messages (100 a minute); 19021 a bad signature or a timestamp over an hour off; 19024 a
missing keyword. Feishu throttles hardest on the hour and the half hour, when every scheduled
message goes out: this sender waits until a minute after them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from typing import Any

import httpx

from calendar_service.mail.transport import PermanentFailure, SendResult, TemporaryFailure
from calendar_service.robots import RobotPost, Webhook
from calendar_service.robots.post import (
    Answers,
    check_webhook_url,
    encode_json,
    exchange,
    mask_webhook,
)

OK = 0
TOO_FAST = 11232  # frequency limited
BAD_SIGN = 19021  # sign match fail, or the timestamp is over an hour off
NO_KEYWORD = 19024  # the message lacks the robot's keyword
MAX_BODY = 20 * 1024  # bytes of JSON
ANSWERS = Answers(
    codes=("code", "StatusCode"),
    reasons=("msg", "StatusMessage"),
    too_fast=TOO_FAST,
    refusals={
        BAD_SIGN: "the signature does not match (check the secret)",
        NO_KEYWORD: "the message lacks the robot's keyword",
    },
)

# The busy times: from BUSY_BEFORE seconds before each hour and half hour to BUSY_AFTER after.
BUSY_BEFORE, BUSY_AFTER, SLACK = 10, 60, 5
_HALF_HOUR = 1800


def sign(secret: str, timestamp: int) -> str:
    """The `sign` field for `timestamp` (seconds)."""
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def signed_body(
    body: dict[str, Any], secret: str | None, clock: Callable[[], float] = time.time
) -> dict[str, Any]:
    """The body with `timestamp` and `sign` added when the robot has a secret."""
    if not secret:
        return body
    timestamp = int(clock())
    return {**body, "timestamp": str(timestamp), "sign": sign(secret, timestamp)}


def busy_wait(now: float) -> float | None:
    """Seconds to wait when `now` (a Unix time) is on or just before an hour or half hour (the
    wait ends a minute after it, and a few seconds more); None at other times. Time zones are
    whole or half hours off UTC in the places Feishu serves, so UTC's hours are theirs."""
    into = now % _HALF_HOUR
    if into < BUSY_AFTER:
        return BUSY_AFTER - into + SLACK
    if into >= _HALF_HOUR - BUSY_BEFORE:
        return _HALF_HOUR - into + BUSY_AFTER + SLACK
    return None


def send(
    client: httpx.Client,
    hook: Webhook,
    post: RobotPost,
    *,
    clock: Callable[[], float] = time.time,
) -> SendResult:
    """Post `post.body` (a post or interactive message) to the robot, unless it is too large
    or the hour or half hour is too near."""
    try:
        url = check_webhook_url(hook.url)
    except ValueError as e:
        return PermanentFailure(None, str(e))
    where = mask_webhook(url)
    now = clock()
    body = signed_body(post.body, hook.secret, lambda: now)
    size = len(encode_json(body))
    if size > MAX_BODY:
        return PermanentFailure(
            None, f"{where}: the message is too large: {size} bytes, Feishu takes {MAX_BODY}"
        )
    wait = busy_wait(now)
    if wait is not None:
        return TemporaryFailure(
            None,
            f"{where}: not sent on the hour or half hour, when Feishu limits messages",
            retry_after=wait,
        )
    return exchange(client, url, url, body, ANSWERS)
