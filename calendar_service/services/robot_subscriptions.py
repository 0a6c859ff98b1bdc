"""Use case: a group robot (DingTalk, WeCom, Feishu) subscribes to stores, from the CLI, the
API or the dashboard alike. The webhook is checked (https, or a loopback address for a local
relay), kept sealed, and never shown back but masked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from calendar_service.domain.recipients import CHANNELS, Channel, Robot, robot_key
from calendar_service.domain.subscriptions import Preferences, Subscription
from calendar_service.robots.post import check_webhook_url, mask_webhook

SIGNED: frozenset[Channel] = frozenset({"dingtalk", "feishu"})  # channels that sign with a secret


class RobotBook(Protocol):
    def add(
        self, channel: Channel, url: str, secret: str | None, label: str, now: dt.datetime
    ) -> tuple[Robot, bool]: ...


class SubscriptionBook(Protocol):
    def has_store(self, store_id: str) -> bool: ...

    def subscribe(
        self,
        store_id: str,
        email: str,
        locale: str = ...,
        now: dt.datetime | None = None,
        *,
        cycles: str | None = None,
        include_ineligible: bool | None = None,
        daily_summary: str | None = None,
        robot_id: int | None = None,
    ) -> Subscription: ...


@dataclass(frozen=True)
class RobotSubscribed:
    robot: Robot
    added: bool  # a robot new to this installation (else found again by its URL)
    subscriptions: tuple[Subscription, ...]


def robot_webhook(channel: str, url: str, secret: str | None) -> tuple[Channel, str, str | None]:
    """The channel, URL and secret checked: ValueError saying what to write otherwise."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown robot channel {channel!r}: one of {', '.join(CHANNELS)}")
    checked: Channel = channel
    if len(url) > 2000:
        raise ValueError("that is not a robot's webhook URL (over 2,000 characters): copy it again")
    url = check_webhook_url(url)
    secret = (secret or "").strip() or None
    if secret is not None and checked not in SIGNED:
        raise ValueError(f"a {checked} robot signs nothing: give no secret for it")
    if secret is not None and (len(secret) > 200 or not secret.isprintable()):
        raise ValueError("the secret is not one a robot's settings show: copy it again")
    return checked, url, secret


def subscribe_robot(
    robots: RobotBook,
    subscriptions: SubscriptionBook,
    store_ids: Sequence[str],
    channel: str,
    url: str,
    secret: str | None,
    locale: str,
    now: dt.datetime,
    preferences: Preferences | None = None,
) -> RobotSubscribed:
    """The robot (added, or found again by its URL) subscribed to every store given. Checked
    before anything is written: an unknown store is a LookupError naming it, a bad webhook a
    ValueError."""
    checked, url, secret = robot_webhook(channel, url, secret)
    stores = list(dict.fromkeys(store_ids))
    if not stores:
        raise ValueError("name at least one store for the robot")
    missing = [s for s in stores if not subscriptions.has_store(s)]
    if missing:
        raise LookupError(
            f"no data for store {', '.join(repr(s) for s in missing)}; import its store file first"
        )
    robot, added = robots.add(checked, url, secret, mask_webhook(url), now)
    chosen = preferences or Preferences()
    made = tuple(
        subscriptions.subscribe(
            store,
            robot_key(robot.id, robot.channel),
            locale,
            now,
            cycles=",".join(sorted(chosen.cycles)) if chosen.cycles is not None else None,
            include_ineligible=chosen.include_ineligible,
            daily_summary=chosen.daily_summary,
            robot_id=robot.id,
        )
        for store in stores
    )
    return RobotSubscribed(robot, added, made)
