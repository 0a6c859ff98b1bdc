"""The group-robot channel: a day's message rendered for a DingTalk, WeCom or Feishu group's
custom robot and posted to its webhook, signed as each platform documents.

A robot is a recipient like an address: it gets at most one message a day. Its webhook URL and
secret are credentials: stored encrypted (adapters/db/robots.py), never printed in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calendar_service.domain.recipients import CHANNELS, Channel, Webhook

__all__ = ["CHANNELS", "PER_MINUTE", "Channel", "RobotPost", "Webhook"]

# Messages a robot may take in a minute, as each platform documents (Feishu also takes at most
# 5 a second: a robot gets one message a day, so only retries could come near it).
PER_MINUTE: dict[Channel, int] = {"dingtalk": 20, "wecom": 20, "feishu": 100}


@dataclass(frozen=True)
class RobotPost:
    """One message for a group robot: the JSON body its platform takes (without the signature
    fields, which the sender adds at sending time), the title shown in the chat list, and the
    message's identity (recorded on its reminders, as a mail's Message-ID is), and the recipient
    key of the robot it goes to ("dingtalk:3")."""

    channel: Channel
    body: dict[str, Any]
    title: str
    message_id: str = ""
    recipient: str = ""
