"""Group robots in the database, on SQLite and PostgreSQL: webhooks sealed, found again by
their URL, the rate budget, failures and pausing, and robot subscriptions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db import Repository
from calendar_service.adapters.db.robots import Robots, UnreadableWebhookError
from calendar_service.adapters.db.tables import ROBOTS, SUBSCRIPTIONS
from calendar_service.adapters.secret_key import CredentialSealer
from calendar_service.domain.recipients import (
    PAUSE_AFTER,
    Webhook,
    channel_of,
    robot_id_of,
    robot_key,
)
from calendar_service.domain.subscriptions import Preferences
from calendar_service.services.robot_subscriptions import subscribe_robot
from tests.factories import store_with_every_figure
from tests.storage_support import IMPORTED, at

KEY = b"a key of the robot tests, long enough to be one"
URL = "https://oapi.dingtalk.com/robot/send?access_token=3f1e9c0a7b5d2e8f"
SECRET = "SECdeadbeef0123456789"
T0 = dt.datetime(2026, 12, 8, 1, 0, tzinfo=dt.UTC)


@pytest.fixture
def robots(engine: Engine) -> Robots:
    return Robots(engine, CredentialSealer(KEY))


def test_a_webhook_is_sealed_and_found_again_by_its_url(robots: Robots, engine: Engine) -> None:
    robot, added = robots.add("dingtalk", URL, SECRET, "oapi.dingtalk.com …2e8f", T0)
    assert added and robot.key == f"dingtalk:{robot.id}"
    with engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(select(ROBOTS)).mappings()]
    assert len(rows) == 1
    stored = str(rows)
    assert "3f1e9c0a7b5d2e8f" not in stored and SECRET not in stored and "oapi" in stored
    assert robots.webhook(robot.id) == Webhook("dingtalk", URL, SECRET)
    assert "3f1e9c" not in repr(robots.webhook(robot.id))
    again, added = robots.add("dingtalk", URL, None, "oapi.dingtalk.com …2e8f", at(1))
    assert (again.id, added) == (robot.id, False)
    assert robots.webhook(robot.id) == Webhook("dingtalk", URL, SECRET)  # secret kept
    other, added = robots.add("wecom", URL, None, "x", T0)  # another channel: another robot
    assert added and other.id != robot.id


def test_a_webhook_sealed_under_another_key_says_to_add_the_robot_again(
    robots: Robots, engine: Engine
) -> None:
    robot, _ = robots.add("feishu", URL, SECRET, "label", T0)
    stranger = Robots(engine, CredentialSealer(b"another installation's key, also long"))
    with pytest.raises(UnreadableWebhookError, match="add the robot again"):
        stranger.webhook(robot.id)
    assert robots.webhook(9999) is None


def test_the_budget_gives_per_minute_messages_then_says_how_long_to_wait(
    robots: Robots,
) -> None:
    robot, _ = robots.add("dingtalk", URL, None, "label", T0)
    china = dt.timezone(dt.timedelta(hours=8))  # the same moments, written in another zone
    moments = [(T0 + dt.timedelta(seconds=i)).astimezone(china) for i in range(20)]
    taken = [robots.take_budget(robot.id, moment, 20) for moment in moments]
    assert taken == [None] * 20
    wait = robots.take_budget(robot.id, T0 + dt.timedelta(seconds=45), 20)
    assert wait == dt.timedelta(seconds=15)
    assert robots.take_budget(robot.id, (T0 + dt.timedelta(seconds=50)).astimezone(china), 20)
    assert robots.take_budget(robot.id, T0 + dt.timedelta(seconds=60), 20) is None  # a new minute
    assert robots.take_budget(robot.id, T0 + dt.timedelta(seconds=61), 1) is not None


def test_refusals_in_a_row_pause_a_robot_and_a_delivery_or_resume_clears_them(
    robots: Robots,
) -> None:
    robot, _ = robots.add("wecom", URL, None, "label", T0)
    for n in range(1, PAUSE_AFTER):
        now = robots.failed(robot.id, f"refused {n}", at(n + 1))
        assert now is not None and now.paused_at is None and now.failures == n
    robots.delivered(robot.id)
    assert robots.get(robot.id) == robot  # failures back to none
    for n in range(PAUSE_AFTER):
        paused = robots.failed(robot.id, "93000 invalid webhook url", at(10 + n))
    assert paused is not None and paused.paused_at == at(10 + PAUSE_AFTER - 1)
    later = robots.failed(robot.id, "again", at(30))
    assert later is not None and later.paused_at == paused.paused_at  # paused since the first
    resumed = robots.resume(robot.id)
    assert resumed is not None and (resumed.paused_at, resumed.failures) == (None, 0)
    assert robots.resume(9999) is None


def test_a_robot_subscribes_to_stores_and_shows_when_paused(
    robots: Robots, repository: Repository, engine: Engine
) -> None:
    stores = [store_with_every_figure("s1"), store_with_every_figure("s2")]
    repository.add_snapshots(stores, [], "a.csv", IMPORTED)
    done = subscribe_robot(
        robots,
        repository,
        ["s1", "s2", "s1"],
        "feishu",
        f" {URL} ",
        SECRET,
        "en",
        T0,
        Preferences.checked("monthly,daily", False, "daily", None),
    )
    key = done.robot.key
    assert (channel_of(key), robot_id_of(key)) == ("feishu", done.robot.id)
    assert [s.store_id for s in done.subscriptions] == ["s1", "s2"]
    first = done.subscriptions[0]
    assert (first.email, first.robot_id, first.locale) == (key, done.robot.id, "en")
    assert (first.cycles, first.include_ineligible, first.daily_summary) == (
        frozenset({"monthly", "daily"}),
        False,
        "daily",
    )
    assert robots.subscribed_stores(done.robot.id) == ["s1", "s2"]
    assert repository.subscriptions_of(key) == list(done.subscriptions)
    assert robots.paused() == []
    for n in range(PAUSE_AFTER):
        robots.failed(done.robot.id, "19021 sign match fail", at(n + 1))
    assert [r.key for r in robots.paused()] == [key]
    assert repository.unsubscribe(key, now=at(9)) == 2
    assert robots.paused() == []  # nobody listens to it any more: nothing to see to
    with engine.connect() as connection:
        assert connection.scalar(select(SUBSCRIPTIONS.c.robot_id).limit(1)) == done.robot.id


@pytest.mark.parametrize(
    ("channel", "url", "secret", "message"),
    [
        ("dingtalk", "http://oapi.dingtalk.com/robot/send?access_token=x", None, "https://"),
        ("dingtalk", "ftp://127.0.0.1/x", None, "https://"),
        ("dingtalk", "https://" + "a" * 2000, None, "2,000 characters"),
        ("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "S", "give no secret"),
        ("slack", URL, None, "one of dingtalk, wecom, feishu"),
        ("feishu", URL, "bad\nsecret", "copy it again"),
    ],
)
def test_a_bad_webhook_is_refused_before_anything_is_written(
    robots: Robots,
    repository: Repository,
    channel: str,
    url: str,
    secret: str | None,
    message: str,
) -> None:
    repository.add_snapshots([store_with_every_figure("s1")], [], "a.csv", IMPORTED)
    with pytest.raises(ValueError, match=message) as raised:
        subscribe_robot(robots, repository, ["s1"], channel, url, secret, "zh-CN", T0)
    assert "access_token=x" not in str(raised.value)
    assert robots.all() == []


def test_an_unknown_store_is_refused_before_the_robot_is_added(
    robots: Robots, repository: Repository
) -> None:
    repository.add_snapshots([store_with_every_figure("s1")], [], "a.csv", IMPORTED)
    with pytest.raises(LookupError, match="'nowhere'"):
        subscribe_robot(robots, repository, ["s1", "nowhere"], "dingtalk", URL, None, "en", T0)
    assert robots.all() == [] and repository.subscriptions("s1") == []


def test_robot_keys_are_told_from_addresses() -> None:
    assert robot_key(3, "wecom") == "wecom:3"
    assert [channel_of(k) for k in ("wecom:3", "a@b.c", "slack:3", "wecom:x", "wecom:")] == [
        "wecom",
        None,
        None,
        None,
        None,
    ]
    assert robot_id_of("feishu:12") == 12 and robot_id_of("ops@agency.example") is None
