"""Group robots end to end, through real `calendar-service` processes on SQLite and PostgreSQL
and a real robot server on loopback (tests/robot_server.py): a team adds its DingTalk, WeCom and
Feishu robots with `subscribe`, `preview` lists each group's message, `remind` posts it once,
signed, in the platform's markdown; the webhooks and secrets are never printed, logged or
stored in clear; a wrong `subscribe` says what is wrong and writes nothing.

Failures, the rate budget and crashes: test_robot_delivery.py.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import Engine

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.robots import Channel
from calendar_service.robots.render import WECOM_MAX_CONTENT
from tests.reminder_support import carried
from tests.robot_server import Reply, RobotServer
from tests.robot_support import (
    HUAMEI,
    JINYUAN,
    NAMES,
    SHENGYUAN,
    SIGNUP_MORNING,
    Cli,
    clear_of_feishu_busy_times,
    cli,
    previewed_items,
    raw_database,
    robot_server,
    secret,
    token,
)
from tests.smtp_server import free_port

FIXTURES = (cli, robot_server)  # used by name below
ADDED = re.compile(r"\((\w+:\d+), added\)")
# Tags a platform's markdown takes; anything else would show as text or be dropped.
TAGS: dict[Channel, re.Pattern[str]] = {
    "dingtalk": re.compile(r"(?!)"),  # none: DingTalk's markdown has no HTML
    "wecom": re.compile(r'</?font( color="(info|comment|warning)")?>'),
    "feishu": re.compile(r"</?font( color='?(green|red|grey)'?)?>"),
}
TAG = re.compile(r"<[A-Za-z/][^>]*>")


def _add(cli: Cli, hook_option: str, url: str, stores: list[str], *options: str, **env: str) -> str:
    """Subscribe a robot to the stores with `subscribe`; its recipient key ("dingtalk:1")."""
    result = cli.ok("subscribe", *stores, hook_option, url, *options, **env)
    found = ADDED.search(result.out)
    assert found, result.out
    noun = "store" if len(stores) == 1 else "stores"
    shown = ", ".join(stores[:5]) + (f" and {len(stores) - 5} more" if len(stores) > 5 else "")
    assert f"subscribed: {found[1]} → {len(stores)} {noun}: {shown} (zh-CN)" in result.out
    return found[1]


def _preview(cli: Cli, key: str) -> dict[str, Any]:
    """The one message `preview` lists for the robot this morning."""
    shown = cli.ok(
        "preview", "--recipient", key, "--json", "--now", SIGNUP_MORNING, "--to", "2026-12-16"
    )
    (message,) = json.loads(shown.out)
    assert message["recipient"] == key
    assert message["send_at"] == "2026-12-15T10:00:00+08:00"
    return dict(message)


def _markdown(channel: Channel, body: dict[str, Any]) -> str:
    """The markdown a platform's message shows."""
    if channel == "dingtalk":
        assert body["msgtype"] == "actionCard"
        return str(body["actionCard"]["text"])
    if channel == "wecom":
        assert body["msgtype"] == "markdown"
        return str(body["markdown"]["content"])
    assert body["msg_type"] == "interactive"
    (div,) = [e for e in body["card"]["elements"] if e["tag"] == "div"]
    assert div["text"]["tag"] == "lark_md"
    return str(div["text"]["content"])


def _in_its_subset(channel: Channel, text: str) -> None:
    """Markdown the platform renders: only its own tags, and no tables (none renders them)."""
    tags = TAG.findall(text)
    assert all(TAGS[channel].fullmatch(t) for t in tags), (channel, tags)
    assert not any(line.lstrip().startswith("|") for line in text.splitlines())
    assert "](http://127.0.0.1:8000/" in text  # links to the dashboard, in markdown


def test_each_group_gets_the_day_previewed_once_signed_in_its_platforms_markdown(
    cli: Cli, robot_server: RobotServer, engine: Engine, repository: Repository
) -> None:
    server = robot_server
    stores: dict[Channel, list[str]] = {
        "dingtalk": [JINYUAN, SHENGYUAN],
        # Every store of the sample: too much for WeCom's 4,096 bytes, so it is cut.
        "wecom": repository.store_ids(),
        "feishu": [SHENGYUAN, HUAMEI],
    }
    server.add_robot("dingtalk", token("dingtalk"), secret("dingtalk"))
    server.add_robot("wecom", token("wecom"))
    server.add_robot("feishu", token("feishu"), secret("feishu"))
    keys: dict[Channel, str] = {
        # The secret on the command line, or in CALENDAR_ROBOT_SECRET (out of the history).
        "dingtalk": _add(
            cli,
            "--dingtalk",
            server.url("dingtalk", token("dingtalk")),
            stores["dingtalk"],
            "--secret",
            secret("dingtalk"),
        ),
        "wecom": _add(cli, "--wecom", server.url("wecom", token("wecom")), stores["wecom"]),
        "feishu": _add(
            cli,
            "--feishu",
            server.url("feishu", token("feishu")),
            stores["feishu"],
            CALENDAR_ROBOT_SECRET=secret("feishu"),
        ),
    }
    previews = {channel: _preview(cli, key) for channel, key in keys.items()}
    assert all(server.requests(token(c)) == 0 for c in keys)  # a preview posts nothing

    clear_of_feishu_busy_times(30)
    first = cli.ok("remind", "--now", SIGNUP_MORNING)
    assert "sent 3 messages" in first.out and "failed 0" in first.out

    store = ReminderStore(engine)
    sent = carried(store)
    by_key = {s.email: s.id for s in repository.subscriptions()}
    message_of = {  # the message each robot's reminders were sent in
        key: {s.row.message_id for s in store.all() if by_key.get(key) == s.row.subscription_id}
        for key in keys.values()
    }
    for channel, key in keys.items():
        # One request, accepted: for DingTalk and Feishu the server checked the signature
        # against the robot's secret, as the platforms do.
        assert server.requests(token(channel)) == 1
        (body,) = server.messages(token(channel))
        text = _markdown(channel, body)
        _in_its_subset(channel, text)
        preview = previews[channel]
        (message_id,) = {m for m in message_of[key] if m in sent}
        assert sent[message_id] == previewed_items(preview)  # what the preview listed, went
        if channel == "dingtalk":
            assert body["actionCard"]["title"] == preview["subject"]
        if channel == "feishu":
            assert body["card"]["header"]["title"]["content"] == preview["subject"]
        if channel == "wecom":
            assert len(text.encode()) <= WECOM_MAX_CONTENT
            assert re.search(r"\[…另有 \d+ 项,见控制台\]\(http", text), text[
                -300:
            ]  # cut, and says so
        else:  # the stores' verdicts, by name
            assert all(NAMES[s] in text for s in stores[channel]), text
            statuses = {i["status"] for i in preview["items"]}
            assert ("eligible" in statuses) == ("✓" in text)
            assert ("ineligible" in statuses) == ("✗" in text)

    again = cli.ok("remind", "--now", SIGNUP_MORNING)
    assert "sent 0 messages" in again.out
    assert all(server.requests(token(c)) == 1 for c in keys)  # nothing more that day

    listed = json.loads(cli.ok("robots", "list", "--json").out)
    assert [(r["recipient"], r["stores"], r["failures"], r["paused_at"]) for r in listed] == [
        (keys[c], sorted(stores[c]), 0, None) for c in keys
    ]
    _never_in_clear(cli, engine, server, list(keys))


def _never_in_clear(
    cli: Cli, engine: Engine, server: RobotServer, channels: list[Channel], *more: str
) -> None:
    """No webhook URL, token or secret in anything a command printed, nor in the database."""
    shown, stored = cli.printed(), raw_database(engine)
    for channel in channels:
        credentials = [server.url(channel, token(channel)), token(channel), *more]
        if channel != "wecom":
            credentials.append(secret(channel))
        for credential in credentials:
            assert credential not in shown, credential
            assert credential not in stored, credential
    assert "…" in stored  # the masked webhook, as a robot's label


def test_webhooks_and_secrets_never_appear_in_output_logs_or_the_database(
    cli: Cli, robot_server: RobotServer, engine: Engine
) -> None:
    """The places a credential could slip out: the platform echoing the webhook in its error,
    an HTTP error, a connection refused, the robots' health and the attempts recorded."""
    server = robot_server
    server.add_robot("dingtalk", token("dingtalk"), secret("dingtalk"))
    server.add_robot("wecom", token("wecom"))
    dingtalk_url = server.url("dingtalk", token("dingtalk"))
    echo = {"errcode": 310000, "errmsg": f"sign not match, url: {dingtalk_url}&sign=x"}
    server.fail_next(token("dingtalk"), 1, Reply(200, json.dumps(echo).encode()))
    server.fail_next(token("wecom"), 1, Reply(500, f"no robot {token('wecom')}".encode()))
    # A second DingTalk robot where nothing listens: connection refused.
    closed = (
        f"http://127.0.0.1:{free_port()}/dingtalk/robot/send?access_token={token('dingtalk', 2)}"
    )
    _add(cli, "--dingtalk", dingtalk_url, [JINYUAN], "--secret", secret("dingtalk"))
    _add(cli, "--wecom", server.url("wecom", token("wecom")), [SHENGYUAN])
    _add(cli, "--dingtalk", closed, [HUAMEI], CALENDAR_ROBOT_SECRET=secret("dingtalk", 2))

    done = cli.ok("remind", "--now", SIGNUP_MORNING)
    assert "sent 0 messages" in done.out and "retrying 2, failed 1" in done.out
    assert "refused by the robot's security settings" in done.err  # the reason, masked
    listed = cli.ok("robots", "list")
    assert "1 failures in a row" in listed.out and "sign not match" in listed.out
    _never_in_clear(
        cli, engine, server, ["dingtalk", "wecom"], closed, token("dingtalk", 2),
        secret("dingtalk", 2),
    )  # fmt: skip


def test_a_wrong_subscribe_says_what_is_wrong_in_one_line_and_writes_nothing(
    cli: Cli, engine: Engine, repository: Repository
) -> None:
    dingtalk = f"https://oapi.dingtalk.com/robot/send?access_token={token('dingtalk')}"
    wecom = f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={token('wecom')}"
    wrong = {
        "http to a remote host": (
            ["subscribe", JINYUAN, "--dingtalk", dingtalk.replace("https:", "http:")],
            2,
            "must use https://",
        ),
        "a secret for WeCom": (
            ["subscribe", JINYUAN, "--wecom", wecom, "--secret", secret("dingtalk")],
            2,
            "a wecom robot signs nothing: give no secret for it",
        ),
        "two robots at once": (
            ["subscribe", JINYUAN, "--dingtalk", dingtalk, "--wecom", wecom],
            2,
            "one robot at a time",
        ),
        "an unknown store": (
            ["subscribe", JINYUAN, "b2b-999999", "--dingtalk", dingtalk],
            1,
            "no data for store 'b2b-999999'",
        ),
    }
    for case, (args, code, says) in wrong.items():
        result = cli(*args)
        assert (result.code, result.out) == (code, ""), case
        assert says in result.err and len(result.err.strip().splitlines()) == 1, (case, result)
        assert "Traceback" not in result.err
    assert repository.subscriptions(active_only=False) == []
    tables = raw_database(engine)
    assert "robots:" not in tables and "subscriptions:" not in tables
    for credential in (token("dingtalk"), token("wecom"), secret("dingtalk")):
        assert credential not in cli.printed()
