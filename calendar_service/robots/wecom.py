"""WeCom's (企业微信) group robot: a message posted to its webhook, as is.

The protocol (developer.work.weixin.qq.com, "group robot"): `POST {webhook}` with the message
as JSON; a markdown message's content is at most 4096 bytes of UTF-8 (a text message's, 2048).
The reply's `errcode` says what happened (0: sent; 45009: over 20 messages a minute).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from calendar_service.mail.transport import PermanentFailure, SendResult
from calendar_service.robots import RobotPost, Webhook
from calendar_service.robots.post import Answers, check_webhook_url, exchange, mask_webhook

OK = 0
TOO_FAST = 45009  # api freq out of limit: more than 20 messages in a minute
ANSWERS = Answers(codes=("errcode",), reasons=("errmsg",), too_fast=TOO_FAST)
# The most bytes (UTF-8) of content each message type takes.
MAX_CONTENT: dict[str, int] = {"markdown": 4096, "markdown_v2": 4096, "text": 2048}


def too_long(body: dict[str, object]) -> str | None:
    """Why the message is too long for WeCom, or None."""
    kind = body.get("msgtype")
    part = body.get(kind) if isinstance(kind, str) else None
    if not isinstance(kind, str) or kind not in MAX_CONTENT or not isinstance(part, dict):
        return None
    content = part.get("content")
    size = len(content.encode()) if isinstance(content, str) else 0
    if size > MAX_CONTENT[kind]:
        return f"the {kind} content is too long: {size} bytes, WeCom takes {MAX_CONTENT[kind]}"
    return None


def send(
    client: httpx.Client,
    hook: Webhook,
    post: RobotPost,
    *,
    clock: Callable[[], float] = time.time,  # unused: WeCom signs nothing; kept for dispatch
) -> SendResult:
    """Post `post.body` (a markdown message) to the robot."""
    try:
        url = check_webhook_url(hook.url)
    except ValueError as e:
        return PermanentFailure(None, str(e))
    where = mask_webhook(url)
    problem = too_long(post.body)
    if problem is not None:
        return PermanentFailure(None, f"{where}: {problem}")
    return exchange(client, url, url, post.body, ANSWERS)
