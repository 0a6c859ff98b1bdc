"""The overview's group robots section: the robots with their stores and health, the form that
sends stores to one, and what the form's last post did.

A robot's webhook URL and secret go into the form once and never come back out: the section
shows each robot by its name (channel and masked URL), and a form shown again after a problem
keeps what was typed except the secret.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_service.domain.locale import Locale
from calendar_service.domain.recipients import CHANNELS, Channel, Robot
from calendar_service.domain.subscriptions import Subscription

LOCALES: tuple[Locale, ...] = ("zh-CN", "en")


class RobotReader(Protocol):
    def all(self) -> list[Robot]: ...

    def subscribed_stores(self, robot_id: int) -> list[str]: ...


@dataclass(frozen=True)
class RobotLine:
    """A robot as the section lists it."""

    key: str  # "dingtalk:3": the resume form's path, and the CLI's name for it
    name: str  # "钉钉群机器人 oapi.dingtalk.com…3456": never the URL
    stores: int  # stores it watches with an active subscription
    failures: int  # messages refused in a row
    last_error: str | None
    paused_since: str | None  # local time, "2027-01-15 09:00", when paused

    @property
    def paused(self) -> bool:
        return self.paused_since is not None


@dataclass(frozen=True)
class RobotForm:
    """The add form's values: empty for a new form, as posted when shown again (the secret
    never is). `problem` is the use case's message when nothing was written."""

    channel: str = "dingtalk"
    url: str = ""
    locale: str = ""
    problem: str | None = None

    @classmethod
    def posted(cls, channel: str, url: str, locale: str, problem: str) -> RobotForm:
        return cls(channel if channel in CHANNELS else "dingtalk", url, locale, problem)


@dataclass(frozen=True)
class Outcome:
    """What a post did, said above the list: a robot added (or found again) for `stores`
    stores, or resumed; `problem` names the words when the robot asked for is unknown."""

    name: str = ""
    stores: int = 0
    added: bool = False
    resumed: bool = False
    problem: str | None = None


def robot_lines(book: RobotReader, tz: ZoneInfo, locale: Locale) -> list[RobotLine]:
    """Every robot, the paused ones first (they need a person), then by id."""
    lines = [
        RobotLine(
            key=r.key,
            name=r.name(locale),
            stores=len(book.subscribed_stores(r.id)),
            failures=r.failures,
            last_error=r.last_error,
            paused_since=_local(r.paused_at, tz),
        )
        for r in book.all()
    ]
    return sorted(lines, key=lambda line: not line.paused)  # stable: by id within each


def paused_count(lines: Sequence[RobotLine]) -> int:
    """The paused robots that still watch a store: the ones the overview's notice counts."""
    return sum(1 for line in lines if line.paused and line.stores)


def form_locale(value: str, page: Locale) -> Locale:
    """The robot's message language from the form: the page's when missing or unknown."""
    return "en" if value == "en" else "zh-CN" if value == "zh-CN" else page


def robot_names(
    subscriptions: Sequence[Subscription], robots: Mapping[int, Robot], locale: Locale
) -> dict[str, str]:
    """The name of every robot recipient among `subscriptions`, by its key."""
    named = {}
    for s in subscriptions:
        robot = robots.get(s.robot_id) if s.robot_id is not None else None
        if robot is not None:
            named[s.email] = robot.name(locale)
    return named


def channel_choices(words: Mapping[str, str]) -> list[tuple[Channel, str]]:
    """The channel select's options: (value, the page's word for it)."""
    return [(c, words[c]) for c in CHANNELS]


def _local(when: dt.datetime | None, tz: ZoneInfo) -> str | None:
    return None if when is None else when.astimezone(tz).strftime("%Y-%m-%d %H:%M")
