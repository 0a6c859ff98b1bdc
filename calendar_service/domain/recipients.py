"""Who receives reminders: an email address, or a group robot (DingTalk, WeCom, Feishu).

A subscription names its recipient by a key: the address itself, or "CHANNEL:ID" for a robot
("dingtalk:3", "wecom:4", "feishu:5"). Everything that groups reminders per recipient (one
message a day) uses the key; only the channel that sends reads what is behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from calendar_service.domain.locale import Locale

Channel = Literal["dingtalk", "wecom", "feishu"]
CHANNELS: tuple[Channel, ...] = ("dingtalk", "wecom", "feishu")
CHANNEL_NAMES: dict[Channel, tuple[str, str]] = {  # (Chinese, English)
    "dingtalk": ("钉钉群机器人", "DingTalk robot"),
    "wecom": ("企业微信群机器人", "WeCom robot"),
    "feishu": ("飞书群机器人", "Feishu robot"),
}


def robot_key(robot_id: int, channel: Channel) -> str:
    """The recipient key of the robot with this id: "dingtalk:3"."""
    return f"{channel}:{robot_id}"


def channel_of(recipient: str) -> Channel | None:
    """The robot channel a recipient key names ("dingtalk:3" → dingtalk); None for an address."""
    channel, colon, number = recipient.partition(":")
    if colon and number.isdigit() and channel in CHANNELS:
        return channel
    return None


def robot_id_of(recipient: str) -> int | None:
    """The robot a recipient key names ("dingtalk:3" → 3), or None for an address."""
    if channel_of(recipient) is None:
        return None
    return int(recipient.partition(":")[2])


# Messages a robot's platform refuses in a row (a wrong secret, a keyword missing, a removed
# robot: failures no retry mends) before the robot is paused, shown on /healthz and the
# dashboard; `calendar-service robots resume KEY`, or adding the robot again, resumes it.
# Temporary failures (the network, a 5xx, a rate limit) are retried instead, until the deadline.
PAUSE_AFTER = 3


@dataclass(frozen=True)
class Webhook:
    """Where a robot's messages go: its webhook URL and, for DingTalk and Feishu, the signing
    secret (None when the robot is set up without one). Credentials: never shown in full."""

    channel: Channel
    url: str
    secret: str | None = None

    def __repr__(self) -> str:  # never in a log or a traceback
        return f"Webhook({self.channel!r}, <hidden>)"


@dataclass(frozen=True)
class Robot:
    """A group robot as people see it: its channel and masked URL (`label`), and its health."""

    id: int
    channel: Channel
    label: str
    created_at: dt.datetime
    failures: int = 0
    last_error: str | None = None
    paused_at: dt.datetime | None = None

    @property
    def key(self) -> str:
        return robot_key(self.id, self.channel)

    def name(self, locale: Locale) -> str:
        """ "钉钉群机器人 oapi.dingtalk.com …a1b2" / "DingTalk robot oapi.dingtalk.com …a1b2"."""
        return f"{CHANNEL_NAMES[self.channel][0 if locale == 'zh-CN' else 1]} {self.label}"
