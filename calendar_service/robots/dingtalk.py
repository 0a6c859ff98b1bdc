"""DingTalk's group custom robot: a message posted to its webhook, signed when it has a secret.

The protocol (open.dingtalk.com, "custom robot"): `POST {webhook}&timestamp=T&sign=S` with the
message as JSON, where T is the time in milliseconds and S the URL-encoded base64 of
HMAC-SHA256(key=secret, message=f"{T}\\n{secret}"); DingTalk refuses a T more than an hour
away from its clock. The reply is HTTP 200 whatever happened: its `errcode` says (0: sent;
130101: over 20 messages a minute; 310000: a bad signature, a missing keyword or an address
not on the robot's list).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from urllib.parse import quote_plus

import httpx

from calendar_service.mail.transport import PermanentFailure, SendResult
from calendar_service.robots import RobotPost, Webhook
from calendar_service.robots.post import Answers, check_webhook_url, exchange

OK = 0
TOO_FAST = 130101  # more than 20 messages in a minute
REFUSED = 310000  # signature, keyword or IP address: the robot's security settings
ANSWERS = Answers(
    codes=("errcode",),
    reasons=("errmsg",),
    too_fast=TOO_FAST,
    refusals={
        REFUSED: "refused by the robot's security settings (signature, keyword or IP address)"
    },
)


def sign(secret: str, timestamp_ms: int) -> str:
    """The `sign` parameter for `timestamp_ms`, URL-encoded as DingTalk documents."""
    digest = hmac.new(
        secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256
    ).digest()
    return quote_plus(base64.b64encode(digest).decode())


def signed_url(url: str, secret: str | None, clock: Callable[[], float] = time.time) -> str:
    """The webhook with `timestamp` and `sign` added when the robot has a secret."""
    if not secret:
        return url
    timestamp = int(clock() * 1000)
    return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp}&sign={sign(secret, timestamp)}"


def send(
    client: httpx.Client,
    hook: Webhook,
    post: RobotPost,
    *,
    clock: Callable[[], float] = time.time,
) -> SendResult:
    """Post `post.body` (a markdown or actionCard message) to the robot."""
    try:
        url = check_webhook_url(hook.url)
    except ValueError as e:
        return PermanentFailure(None, str(e))
    return exchange(client, url, signed_url(url, hook.secret, clock), post.body, ANSWERS)
