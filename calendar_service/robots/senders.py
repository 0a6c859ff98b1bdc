"""Sending a RobotPost to its robot: the sender for the webhook's channel.

    with httpx.Client(timeout=10) as client:
        result = send(client, hook, post)

Every sender returns a SendResult and never raises for a delivery problem, as the mail
transport does; a result's detail shows the webhook masked, never in full.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

import httpx

from calendar_service.mail.transport import PermanentFailure, SendResult
from calendar_service.robots import Channel, RobotPost, Webhook, dingtalk, feishu, wecom
from calendar_service.robots.post import mask_webhook


class Sender(Protocol):
    """A channel's sender: dingtalk.send, wecom.send, feishu.send."""

    def __call__(
        self,
        client: httpx.Client,
        hook: Webhook,
        post: RobotPost,
        *,
        clock: Callable[[], float] = ...,
    ) -> SendResult: ...


SENDERS: dict[Channel, Sender] = {
    "dingtalk": dingtalk.send,
    "wecom": wecom.send,
    "feishu": feishu.send,
}


def send(
    client: httpx.Client,
    hook: Webhook,
    post: RobotPost,
    *,
    clock: Callable[[], float] = time.time,
) -> SendResult:
    """Post `post` to `hook` with its channel's sender. A PermanentFailure when the post was
    made for another channel (its body is another platform's)."""
    if post.channel != hook.channel:
        return PermanentFailure(
            None,
            f"{mask_webhook(hook.url)}: a {post.channel} message cannot go to a "
            f"{hook.channel} robot",
        )
    return SENDERS[hook.channel](client, hook, post, clock=clock)
