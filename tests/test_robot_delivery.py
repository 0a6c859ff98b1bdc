"""Group robots when things go wrong, on SQLite and PostgreSQL, with a real robot server on
loopback: a robot whose messages are refused fails them, keeps its subscriptions and is paused
after PAUSE_AFTER in a row until `robots resume`; a temporary failure is retried later; the rate
budget is shared by every daemon; a daemon killed while posting never posts a message twice (a
post is marked before it goes: a daemon that finds the mark records it as sent, unconfirmed).

Passes run as `remind` runs them (plan, watch, dispatch) in this process, over the robots'
transport on a clock the test sets (the robot server reads the same clock for signatures), so
that a pass's day and the time a message really goes out agree. Happy paths through the
command: test_robots_end_to_end.py.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from calendar_service.adapters.db.engine import make_engine
from calendar_service.adapters.db.reminder_store import ReminderStore, StoredReminder
from calendar_service.adapters.db.robots import BUDGET_WINDOW, Robots
from calendar_service.adapters.db.tables import DELIVERY_ATTEMPTS
from calendar_service.adapters.secret_key import CredentialSealer
from calendar_service.bootstrap import Container
from calendar_service.domain.recipients import PAUSE_AFTER, Channel
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.domain.subscriptions import Preferences
from calendar_service.mail.transport import MaildirTransport, Outgoing, SendResult
from calendar_service.robots import PER_MINUTE, RobotPost
from calendar_service.robots.transport import RobotTransport
from calendar_service.services.delivery import Channels
from calendar_service.services.reminder_pass import PassReport, reminder_pass
from calendar_service.services.robot_subscriptions import subscribe_robot
from calendar_service.settings import load_settings
from tests.daemon_support import DaemonProcess, Timeline, settled, wait_for
from tests.robot_server import Reply, RobotServer
from tests.robot_support import (
    INSTALLATION_KEY,
    JINYUAN,
    SHENGYUAN,
    Cli,
    cli,
    secret,
    token,
)
from tests.smtp_server import SmtpServer, smtp_server
from tests.times import CST

FIXTURES = (cli, smtp_server)  # used by name below
STALE_AFTER = dt.timedelta(days=30)
# Ten past ten, Beijing time: clear of the hour, when Feishu's sender holds messages back.
MORNING = dt.datetime(2026, 12, 15, 10, 10, tzinfo=CST)  # a Tuesday in the monthly sign-up


class Clock:
    """The real time as the robots' transport and the server read it, set by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now.timestamp()

    def __call__(self) -> float:
        return self.now


@dataclass
class Team:
    """A robot server, and the installation sending to it, on the test's clock."""

    container: Container
    server: RobotServer
    clock: Clock
    outbox: Path

    def add(self, channel: Channel, n: int = 1, *stores: str, summary: str = "weekly") -> str:
        """A robot added and subscribed to the stores (default: two of the sample's) as
        `subscribe` does it; its recipient key."""
        hook = self.server.add_robot(channel, token(channel, n), self.secret(channel, n))
        done = subscribe_robot(
            self.container.robots,
            self.container.repository,
            list(stores or (JINYUAN, SHENGYUAN)),
            channel,
            hook.url,
            hook.secret,
            "zh-CN",
            MORNING,
            Preferences.checked(None, None, summary, None),
        )
        return done.robot.key

    @staticmethod
    def secret(channel: Channel, n: int) -> str | None:
        return None if channel == "wecom" else secret(channel, n)

    def channels(self) -> Channels:
        robots = RobotTransport(self.container.robots, clock=self.clock)
        return Channels(MaildirTransport(self.outbox), robots)

    def remind(self, now: dt.datetime, channels: Channels | None = None) -> PassReport:
        """A `remind --now` pass, the clock at `now`."""
        self.clock.now = now.timestamp()
        c = self.container
        return reminder_pass(
            c.catalog,
            c.repository,
            c.reminder_store,
            channels or self.channels(),
            c.inline_composer(),
            now,
            CST,
            STALE_AFTER,
            "test",
        )

    def reminders(self, key: str) -> list[StoredReminder]:
        ids = {s.id for s in self.container.repository.subscriptions() if s.email == key}
        return [s for s in self.container.reminder_store.all() if s.row.subscription_id in ids]


@pytest.fixture
def team(cli: Cli, database_url: str, tmp_path: Path) -> Iterator[Team]:
    """The sample (the `cli` fixture loads it), and a robot server on the test's clock."""
    settings = load_settings(
        database_url=database_url, secret_key=INSTALLATION_KEY, outbox_dir=tmp_path / "outbox"
    )
    clock = Clock(MORNING)
    with RobotServer(clock=clock) as server:
        container = Container(settings)
        yield Team(container, server, clock, tmp_path / "outbox")
        container.engine.dispose()


def _day(day: int) -> dt.datetime:
    return MORNING.replace(day=day)


def test_refused_messages_fail_keep_the_subscription_and_pause_the_robot_until_resumed(
    team: Team, cli: Cli
) -> None:
    key = team.add("dingtalk", summary="daily")  # a message every working day
    tok = token("dingtalk")
    team.server.fail_next(tok, PAUSE_AFTER, 310000)
    store = team.container.reminder_store
    days = [_day(15), _day(16), _day(17)]  # Tuesday to Thursday
    for n, now in enumerate(days, 1):
        report = team.remind(now)
        assert (report.dispatch.sent, report.dispatch.failed) == (0, 1)
        failed = [s for s in team.reminders(key) if s.row.status is ReminderStatus.FAILED]
        today = [s for s in failed if s.row.due_at.date() == now.date()]
        assert today
        for s in today:
            (attempt,) = store.attempts(s.id)
            assert (attempt.outcome, attempt.smtp_code) == ("permanent", 310000)
            assert "refused by the robot's security settings" in (attempt.detail or "")
        # Not a bounce: the robot stays subscribed to both stores.
        subscriptions = [s for s in team.container.repository.subscriptions() if s.email == key]
        assert len(subscriptions) == 2 and all(s.active for s in subscriptions)
        (robot,) = team.container.robots.all()
        assert robot.failures == n
        assert (robot.paused_at is not None) == (n == PAUSE_AFTER)
    assert team.server.requests(tok) == PAUSE_AFTER

    listed = cli.ok("robots", "list")
    assert f"{key}\t" in listed.out and "PAUSED since" in listed.out
    assert f"{PAUSE_AFTER} failures in a row" in listed.out

    friday = _day(18)
    report = team.remind(friday)  # paused: nothing posted, the day's message fails
    assert (report.dispatch.sent, report.dispatch.failed) == (0, 1)
    assert team.server.requests(tok) == PAUSE_AFTER
    held = [s for s in team.reminders(key) if s.row.due_at.date() == friday.date()]
    assert held and all(s.row.status is ReminderStatus.FAILED for s in held)
    for s in held:
        (attempt,) = store.attempts(s.id)
        assert f"{key} is paused" in (attempt.detail or "")
        assert f"robots resume {key}" in (attempt.detail or "")

    resumed = cli.ok("robots", "resume", key)
    assert f"resumed {key}" in resumed.out
    monday = _day(21)
    assert team.remind(monday).dispatch.sent == 1
    assert team.server.requests(tok) == PAUSE_AFTER + 1 and len(team.server.messages(tok)) == 1
    (robot,) = team.container.robots.all()
    assert (robot.failures, robot.paused_at) == (0, None)


def test_a_rate_limit_or_a_server_error_is_retried_later_and_then_sent(team: Team) -> None:
    keys: dict[Channel, str] = {"dingtalk": team.add("dingtalk"), "wecom": team.add("wecom")}
    team.server.fail_next(token("dingtalk"), 1, 130101)  # over 20 messages a minute
    team.server.fail_next(token("wecom"), 1, Reply(500, b"busy"))
    first = team.remind(MORNING)
    assert (first.dispatch.sent, first.dispatch.retrying, first.dispatch.failed) == (0, 2, 0)
    due: dict[Channel, dt.datetime] = {}
    for channel, key in keys.items():
        waiting = [s.row for s in team.reminders(key) if s.row.attempts]
        assert waiting and all(r.status is ReminderStatus.PENDING for r in waiting)
        assert len({r.due_at for r in waiting}) == 1
        due[channel] = waiting[0].due_at
        assert due[channel] > MORNING
    # DingTalk asks for a minute: not retried before.
    assert due["dingtalk"] >= MORNING + dt.timedelta(seconds=60)
    (robot_d, robot_w) = team.container.robots.all()
    assert robot_d.failures == robot_w.failures == 0  # a temporary failure is not held against it

    early = team.remind(min(due.values()) - dt.timedelta(seconds=1))
    assert early.dispatch.sent == 0
    assert all(team.server.requests(token(c)) == 1 for c in keys)

    later = team.remind(max(due.values()) + dt.timedelta(seconds=1))
    assert later.dispatch.sent == 2
    for channel, key in keys.items():
        assert team.server.requests(token(channel)) == 2
        assert len(team.server.messages(token(channel))) == 1
        sent = [s.row for s in team.reminders(key) if s.row.attempts]
        assert all(r.status is ReminderStatus.SENT and r.attempts == 2 for r in sent)


def test_the_rate_budget_is_shared_by_every_daemon_on_the_database(
    team: Team, database_url: str
) -> None:
    """Two daemons' `Robots`, each on its own engine, take one robot's budget at the same
    moment from eight threads: exactly PER_MINUTE messages go in the minute, every other is
    told to wait until it is over."""
    key = team.add("dingtalk")
    robot_id = int(key.partition(":")[2])
    engines: list[Engine] = [make_engine(database_url) for _ in range(2)]
    sealer = CredentialSealer(INSTALLATION_KEY.encode())
    daemons = [Robots(e, sealer) for e in engines]
    per_minute = PER_MINUTE["dingtalk"]
    tries, threads = 3 * per_minute, 8
    barrier = threading.Barrier(threads)
    now = dt.datetime(2026, 12, 15, 2, 10, tzinfo=dt.UTC)

    def take(n: int) -> list[dt.timedelta | None]:
        barrier.wait()
        book = daemons[n % 2]
        return [book.take_budget(robot_id, now, per_minute) for _ in range(n, tries, threads)]

    try:
        with ThreadPoolExecutor(threads) as pool:
            answers = [a for found in pool.map(take, range(threads)) for a in found]
        assert len(answers) == tries
        assert answers.count(None) == per_minute
        assert set(answers) == {None, BUDGET_WINDOW}  # the others: wait for the next minute
        later = now + BUDGET_WINDOW - dt.timedelta(seconds=1)
        assert daemons[0].take_budget(robot_id, later, per_minute) == dt.timedelta(seconds=1)
        # A minute on, the budget has room again, for either daemon.
        assert daemons[1].take_budget(robot_id, now + BUDGET_WINDOW, per_minute) is None
    finally:
        for engine in engines:
            engine.dispose()


class DiesAfterPosting(Channels):
    """The robots' transport of a process that dies right after the platform accepted a
    message, before the pass records it."""

    def send(self, msg: Message | Outgoing | RobotPost) -> SendResult:
        assert isinstance(msg, RobotPost)
        result = super().send(msg)
        assert result.outcome == "sent"
        raise SystemExit("killed between the post and the commit")


def test_a_pass_dying_between_the_post_and_the_commit_never_posts_the_message_again(
    team: Team, engine: Engine
) -> None:
    """What a crash at the worst moment does: the platforms keep no message id to drop a
    repeat by, as mail clients do, so the post was marked before it went; once the dead pass's
    claim has lapsed, the next pass finds the mark and records the message as sent
    (unconfirmed) instead of posting it again."""
    key = team.add("dingtalk")
    tok = token("dingtalk")
    robots = RobotTransport(team.container.robots, clock=team.clock)
    dying = DiesAfterPosting(MaildirTransport(team.outbox), robots)
    with pytest.raises(SystemExit):
        team.remind(MORNING, dying)
    (posted,) = team.server.messages(tok)
    claimed = [s.row for s in team.reminders(key) if s.row.status is ReminderStatus.SENDING]
    assert claimed and all(r.attempts == 0 and r.message_id for r in claimed)  # marked
    (mark,) = {r.message_id for r in claimed}

    soon = team.remind(MORNING + dt.timedelta(minutes=5))  # the claim (10 minutes) holds
    assert soon.dispatch.sent == 0 and team.server.requests(tok) == 1

    lapsed = team.remind(MORNING + dt.timedelta(minutes=11))
    assert lapsed.dispatch.sent == 0 and lapsed.dispatch.told == len(claimed)
    assert any("not posted again" in line for line in lapsed.dispatch.lines)
    assert team.server.messages(tok) == [posted]  # once, never again
    settled_rows = [s.row for s in team.reminders(key) if s.row.key in {r.key for r in claimed}]
    assert {r.status for r in settled_rows} == {ReminderStatus.SENT}
    assert {r.message_id for r in settled_rows} == {mark}
    assert _outcomes(engine) == {"unconfirmed": len(claimed)}
    later = team.remind(MORNING + dt.timedelta(hours=2))  # and nothing more that day
    assert later.dispatch.sent == 0 and team.server.requests(tok) == 1


def _outcomes(engine: Engine) -> dict[str, int]:
    """The delivery attempts recorded, by outcome."""
    query = select(DELIVERY_ATTEMPTS.c.outcome, func.count()).group_by(DELIVERY_ATTEMPTS.c.outcome)
    with engine.connect() as connection:
        return {outcome: n for outcome, n in connection.execute(query)}


def _sent_messages(engine: Engine) -> int:
    """Messages recorded as sent (each on all of its reminders)."""
    rows = ReminderStore(engine).all()
    return len({s.row.message_id for s in rows if s.row.status is ReminderStatus.SENT})


def test_kill_9_during_dispatch_never_posts_a_group_its_message_twice(
    team: Team,
    engine: Engine,
    database_url: str,
    smtp_server: SmtpServer,
    tmp_path: Path,
) -> None:
    """A real daemon posting to 40 robots, killed mid-pass, and another started: no group gets
    its day's message twice, and every group gets it but, at most, the one whose post the kill
    interrupted (marked before it went, so taken as sent, unconfirmed: at most once)."""
    channels: list[Channel] = ["dingtalk", "wecom"]  # Feishu's busy hours are the real clock's
    robots = 40
    for n in range(robots):
        team.add(channels[n % 2], n)
    tokens = [token(channels[n % 2], n) for n in range(robots)]
    team.server.clock = time.time  # the daemons sign with the real time
    timeline = Timeline(MORNING)
    settings = {"CALENDAR_SECRET_KEY": INSTALLATION_KEY}
    started: list[DaemonProcess] = []
    kills = (15,)
    try:
        for mark in kills:
            daemon = DaemonProcess(
                tmp_path, database_url, smtp_server.url(), timeline.now(), settings=settings
            )
            started.append(daemon)
            wait_for(lambda: _sent_messages(engine) >= mark, 60, f"{mark} sent", every=0.02)  # noqa: B023
            daemon.kill()
            assert _sent_messages(engine) < robots  # killed during the pass
        final = DaemonProcess(
            tmp_path, database_url, smtp_server.url(), timeline.now(), settings=settings
        )
        started.append(final)
        wait_for(
            lambda: _sent_messages(engine) == robots and settled(engine, timeline.now()),
            60,
            f"all {robots} messages sent",
        )
        assert final.terminate() == 0
    finally:
        for daemon in started:
            daemon.stop()
    received = [len(team.server.messages(t)) for t in tokens]
    assert max(received) == 1, received  # never twice
    unconfirmed = _outcomes(engine).get("unconfirmed", 0)
    assert received.count(0) <= len(kills) and (received.count(0) == 0 or unconfirmed), received
    log = "\n".join(d.output() for d in started)
    secrets = [secret("dingtalk", n) for n in range(0, robots, 2)]
    assert not [c for c in (*tokens, *secrets) if c in log]  # no credential in a log line
