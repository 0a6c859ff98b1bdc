"""The group robots' senders against a real local server speaking the three platforms' protocols
(tests/robot_server.py): signatures, every documented error code, rate limits, size limits,
Feishu's busy hours, https only, and webhooks never shown in full."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from calendar_service.mail.transport import PermanentFailure, SendResult, Sent, TemporaryFailure
from calendar_service.robots import (
    CHANNELS,
    PER_MINUTE,
    Channel,
    RobotPost,
    Webhook,
    dingtalk,
    feishu,
    wecom,
)
from calendar_service.robots.post import check_webhook_url, encode_json, mask_webhook
from calendar_service.robots.senders import SENDERS, send
from tests.robot_server import HANG, Reply, RobotServer

# 2027-01-15 08:10:00 UTC: ten minutes past an hour, clear of Feishu's busy times.
T0 = 1_800_000_600.0
SECRET = "SEC5d9c0b8e2a7f41e3b6c9d0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1"


class Clock:
    """The time both the server and the senders read, set by the test."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def token(n: int = 1) -> str:
    return f"{n:02d}a6f0c3e9b1d84f7a2c5e8b0d3f6a9c1e4b7d0f3a6c9e2b5d8f1a4c7e0b3d6f9"


BODIES: dict[Channel, dict[str, Any]] = {
    "dingtalk": {"msgtype": "markdown", "markdown": {"title": "今日活动", "text": "## 今日活动"}},
    "wecom": {"msgtype": "markdown", "markdown": {"content": "## 今日活动\n> 3 个活动可报名"}},
    "feishu": {
        "msg_type": "interactive",
        "card": {"header": {"title": {"tag": "plain_text", "content": "今日活动"}}},
    },
}
SIGNED: tuple[Channel, ...] = ("dingtalk", "feishu")


def post_for(channel: Channel, body: dict[str, Any] | None = None) -> RobotPost:
    return RobotPost(channel, body if body is not None else BODIES[channel], "今日活动", "m-1")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(clock: Clock) -> Iterator[RobotServer]:
    with RobotServer(clock=clock) as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as c:
        yield c


def shown_safely(result: SendResult, hook: Webhook) -> SendResult:
    """The result, after checking that neither its detail nor its repr holds the webhook's
    URL, token or secret."""
    token_part = hook.url.rsplit("=", 1)[-1].rsplit("/", 1)[-1]
    for text in (result.detail, repr(result)):
        assert hook.url not in text
        assert token_part not in text
        if hook.secret:
            assert hook.secret not in text
    return result


def sent_to(
    client: httpx.Client, hook: Webhook, clock: Clock, body: dict[str, Any] | None = None
) -> SendResult:
    return shown_safely(send(client, hook, post_for(hook.channel, body), clock=clock), hook)


# -- signatures --------------------------------------------------------------------------------


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("with_secret", [True, False])
def test_a_message_reaches_the_group(
    server: RobotServer, client: httpx.Client, clock: Clock, channel: Channel, with_secret: bool
) -> None:
    secret = SECRET if with_secret and channel in SIGNED else None
    hook = server.add_robot(channel, token(), secret)
    result = sent_to(client, hook, clock)
    assert isinstance(result, Sent), result
    assert result.code == 0
    assert server.messages(token()) == [BODIES[channel]]


@pytest.mark.parametrize(("channel", "code"), [("dingtalk", 310000), ("feishu", 19021)])
def test_a_wrong_secret_is_a_permanent_failure_with_the_code(
    server: RobotServer, client: httpx.Client, clock: Clock, channel: Channel, code: int
) -> None:
    server.add_robot(channel, token(), SECRET)
    hook = Webhook(channel, server.url(channel, token()), SECRET[:-1] + "x")
    result = sent_to(client, hook, clock)
    assert isinstance(result, PermanentFailure), result
    assert result.code == code
    assert server.messages(token()) == []


@pytest.mark.parametrize(("channel", "code"), [("dingtalk", 310000), ("feishu", 19021)])
@pytest.mark.parametrize("off_by", [-3700.0, 3700.0])
def test_a_timestamp_over_an_hour_off_is_refused(
    server: RobotServer,
    client: httpx.Client,
    channel: Channel,
    code: int,
    off_by: float,
) -> None:
    hook = server.add_robot(channel, token(), SECRET)
    result = sent_to(client, hook, Clock(T0 + off_by))
    assert isinstance(result, PermanentFailure)
    assert result.code == code


def test_dingtalk_signs_with_the_time_in_milliseconds() -> None:
    url = dingtalk.signed_url("https://oapi.dingtalk.com/robot/send?access_token=a", "s", Clock())
    assert f"&timestamp={int(T0 * 1000)}&sign=" in url
    assert "+" not in url.split("&sign=")[1]  # the base64 is URL-encoded
    assert dingtalk.signed_url("https://h/robot/send?access_token=a", None, Clock()).endswith("=a")


def test_feishu_signs_in_the_body_with_the_time_in_seconds() -> None:
    body = feishu.signed_body(BODIES["feishu"], "s", Clock())
    assert body["timestamp"] == str(int(T0))
    assert body["sign"] == feishu.sign("s", int(T0))
    assert feishu.signed_body(BODIES["feishu"], None, Clock()) == BODIES["feishu"]


# -- the platforms' error codes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "code", "temporary"),
    [
        ("dingtalk", 130101, True),
        ("dingtalk", 310000, False),
        ("dingtalk", 300001, False),
        ("dingtalk", 43004, False),
        ("wecom", 45009, True),
        ("wecom", 93000, False),
        ("wecom", 40058, False),
        ("feishu", 11232, True),
        ("feishu", 19021, False),
        ("feishu", 19024, False),
        ("feishu", 9499, False),
    ],
)
def test_each_error_code_is_a_failure_of_its_kind(
    server: RobotServer,
    client: httpx.Client,
    clock: Clock,
    channel: Channel,
    code: int,
    temporary: bool,
) -> None:
    hook = server.add_robot(channel, token(), SECRET if channel in SIGNED else None)
    server.fail_next(token(), 1, code)
    result = sent_to(client, hook, clock)
    assert result.code == code
    if temporary:
        assert isinstance(result, TemporaryFailure), result
        assert result.retry_after == pytest.approx(60, abs=5)
    else:
        assert isinstance(result, PermanentFailure), result
        assert result.retry_after is None
    assert isinstance(sent_to(client, hook, clock), Sent)  # the next one goes through


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_unknown_robot_is_a_permanent_failure(
    server: RobotServer, client: httpx.Client, clock: Clock, channel: Channel
) -> None:
    result = sent_to(client, Webhook(channel, server.url(channel, token(9))), clock)
    assert isinstance(result, PermanentFailure)
    assert result.code in (300001, 93000, 19001)


def test_dingtalk_and_feishu_keywords(
    server: RobotServer, client: httpx.Client, clock: Clock
) -> None:
    ding = server.add_robot("dingtalk", token(1), keyword="活动")
    fei = server.add_robot("feishu", token(2), keyword="提醒")
    assert isinstance(sent_to(client, ding, clock), Sent)
    refused = sent_to(client, fei, clock)
    assert isinstance(refused, PermanentFailure)
    assert refused.code == 19024
    assert "keyword" in refused.detail


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(
    ("reply", "kind", "code"),
    [
        (Reply(500, b"internal error"), TemporaryFailure, 500),
        (Reply(502, b"<html>bad gateway</html>", "text/html"), TemporaryFailure, 502),
        (Reply(429, b"slow down"), TemporaryFailure, 429),
        (Reply(200, b"<html>captive portal</html>", "text/html"), TemporaryFailure, None),
        (Reply(200, b"[0]", "application/json"), TemporaryFailure, None),
        (Reply(200, b"{}", "application/json"), TemporaryFailure, None),
        (Reply(404, b"not found"), PermanentFailure, 404),
        (Reply(403, b'{"error":"forbidden"}', "application/json"), PermanentFailure, 403),
    ],
)
def test_http_trouble(
    server: RobotServer,
    client: httpx.Client,
    clock: Clock,
    channel: Channel,
    reply: Reply,
    kind: type[SendResult],
    code: int | None,
) -> None:
    hook = server.add_robot(channel, token(), SECRET if channel in SIGNED else None)
    server.fail_next(token(), 1, reply)
    result = sent_to(client, hook, clock)
    assert type(result) is kind, result
    assert result.code == code
    if code == 429:
        assert result.retry_after == 60


@pytest.mark.parametrize(
    ("reply", "kind", "code"),
    [
        (b'{"StatusCode":0,"StatusMessage":"success"}', Sent, 0),
        (b'{"StatusCode":19021,"StatusMessage":"sign match fail"}', PermanentFailure, 19021),
        (b'{"code":11232,"msg":"frequency limited"}', TemporaryFailure, 11232),
    ],
)
def test_feishu_reads_code_or_status_code(
    server: RobotServer,
    client: httpx.Client,
    clock: Clock,
    reply: bytes,
    kind: type[SendResult],
    code: int,
) -> None:
    hook = server.add_robot("feishu", token())
    server.fail_next(token(), 1, Reply(200, reply, "application/json"))
    result = sent_to(client, hook, clock)
    assert type(result) is kind
    assert result.code == code


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_refused_connection_is_a_temporary_failure(
    client: httpx.Client, clock: Clock, channel: Channel
) -> None:
    with socket.socket() as s:  # a port nobody listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with RobotServer(clock=clock) as server:
        path = server.url(channel, token()).split("/", 3)[3]
    hook = Webhook(channel, f"http://127.0.0.1:{port}/{path}", SECRET)
    result = sent_to(client, hook, clock)
    assert isinstance(result, TemporaryFailure), result
    assert result.code is None
    assert f"127.0.0.1…{token()[-4:]}" in result.detail


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_robot_that_does_not_answer_is_a_temporary_failure(
    server: RobotServer, clock: Clock, channel: Channel
) -> None:
    hook = server.add_robot(channel, token(), SECRET if channel in SIGNED else None)
    server.fail_next(token(), 1, HANG)
    with httpx.Client(timeout=0.3) as impatient:
        result = sent_to(impatient, hook, clock)
    assert isinstance(result, TemporaryFailure), result
    assert "timed out" in result.detail
    assert server.messages(token()) == []


# -- rate limits -------------------------------------------------------------------------------


@pytest.mark.parametrize(("channel", "code"), [("dingtalk", 130101), ("wecom", 45009)])
def test_the_21st_message_in_a_minute_waits(
    server: RobotServer, client: httpx.Client, clock: Clock, channel: Channel, code: int
) -> None:
    hook = server.add_robot(channel, token(), SECRET if channel in SIGNED else None)
    for _ in range(20):
        assert isinstance(sent_to(client, hook, clock), Sent)
    clock.now += 30
    over = sent_to(client, hook, clock)
    assert isinstance(over, TemporaryFailure)
    assert over.code == code
    assert over.retry_after == 60
    assert len(server.messages(token())) == 20
    clock.now += 31  # the first twenty are over a minute old
    assert isinstance(sent_to(client, hook, clock), Sent)


def test_feishu_takes_100_messages_a_minute(
    server: RobotServer, client: httpx.Client, clock: Clock
) -> None:
    hook = server.add_robot("feishu", token(), SECRET)
    for _ in range(PER_MINUTE["feishu"]):
        assert isinstance(sent_to(client, hook, clock), Sent)
    over = sent_to(client, hook, clock)
    assert isinstance(over, TemporaryFailure)
    assert over.code == 11232
    assert over.retry_after == 60


# -- Feishu's busy hours -----------------------------------------------------------------------

HOUR = 1_800_000_000.0 + 3600 * 7  # a whole hour, UTC (and China's time)


@pytest.mark.parametrize(
    ("offset", "wait"),
    [
        (0, 65),  # hh:00:00: until hh:01:00, and 5 seconds
        (59.5, 5.5),  # hh:00:59.5
        (-10, 75),  # hh:59:50
        (-0.5, 65.5),
        (1800, 65),  # hh:30:00
        (1830, 35),
        (1790, 75),  # hh:29:50
    ],
)
def test_feishu_does_not_post_on_the_hour_or_half_hour(
    server: RobotServer, client: httpx.Client, offset: float, wait: float
) -> None:
    clock = Clock(HOUR + offset)
    server.clock = clock
    hook = server.add_robot("feishu", token(), SECRET)
    result = sent_to(client, hook, clock)
    assert isinstance(result, TemporaryFailure)
    assert result.code is None
    assert result.retry_after == pytest.approx(wait)
    assert server.requests(token()) == 0
    clock.now += wait
    assert isinstance(sent_to(client, hook, clock), Sent)


@pytest.mark.parametrize("offset", [60, 1789.9, -10.1, 1860, 900])
def test_feishu_posts_at_other_times(
    server: RobotServer, client: httpx.Client, offset: float
) -> None:
    clock = Clock(HOUR + offset)
    server.clock = clock
    hook = server.add_robot("feishu", token(), SECRET)
    assert isinstance(sent_to(client, hook, clock), Sent)


@pytest.mark.parametrize("channel", ["dingtalk", "wecom"])
def test_the_other_platforms_post_on_the_hour(
    server: RobotServer, client: httpx.Client, channel: Channel
) -> None:
    clock = Clock(HOUR)
    server.clock = clock
    hook = server.add_robot(channel, token())
    assert isinstance(sent_to(client, hook, clock), Sent)


# -- size limits -------------------------------------------------------------------------------


def wecom_markdown(size: int) -> dict[str, Any]:
    content = "活" * (size // 3) + "x" * (size % 3)  # 3 bytes a character in UTF-8
    assert len(content.encode()) == size
    return {"msgtype": "markdown", "markdown": {"content": content}}


def test_wecom_takes_4096_bytes_of_markdown(
    server: RobotServer, client: httpx.Client, clock: Clock
) -> None:
    hook = server.add_robot("wecom", token())
    assert isinstance(sent_to(client, hook, clock, wecom_markdown(4096)), Sent)
    too_long = sent_to(client, hook, clock, wecom_markdown(4097))
    assert isinstance(too_long, PermanentFailure)
    assert "too long" in too_long.detail
    assert "4097 bytes" in too_long.detail
    assert server.requests(token()) == 1  # the long one was not posted


def test_the_server_refuses_long_wecom_markdown(server: RobotServer, client: httpx.Client) -> None:
    server.add_robot("wecom", token())
    reply = client.post(server.url("wecom", token()), json=wecom_markdown(4097)).json()
    assert reply["errcode"] == 40058


def feishu_card(size: int, secret: str | None, clock: Clock) -> dict[str, Any]:
    """A card whose JSON, signed, is `size` bytes (an ASCII filler adds a byte a character)."""

    def card(filler: str) -> dict[str, Any]:
        return {"msg_type": "interactive", "card": {"text": filler}}

    bare = len(encode_json(feishu.signed_body(card(""), secret, clock)))
    body = card("x" * (size - bare))
    assert len(encode_json(feishu.signed_body(body, secret, clock))) == size
    return body


def test_feishu_takes_20_kb(server: RobotServer, client: httpx.Client, clock: Clock) -> None:
    hook = server.add_robot("feishu", token(), SECRET)
    assert isinstance(sent_to(client, hook, clock, feishu_card(20 * 1024, SECRET, clock)), Sent)
    too_large = sent_to(client, hook, clock, feishu_card(20 * 1024 + 1, SECRET, clock))
    assert isinstance(too_large, PermanentFailure)
    assert "too large" in too_large.detail
    assert server.requests(token()) == 1


def test_the_server_refuses_a_feishu_body_over_20_kb(
    server: RobotServer, client: httpx.Client
) -> None:
    server.add_robot("feishu", token())
    body = {"msg_type": "text", "content": {"text": "x" * (20 * 1024)}}
    response = client.post(server.url("feishu", token()), json=body)
    assert response.status_code == 400
    assert response.json()["code"] == 9499


# -- webhooks: https only, never shown ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://oapi.dingtalk.com/robot/send?access_token=abc",
        "  https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc\n",
        "HTTPS://open.feishu.cn/open-apis/bot/v2/hook/abc",
        "http://127.0.0.1:8080/dingtalk/robot/send?access_token=abc",
        "http://127.20.30.40/hook",
        "http://[::1]:9000/hook",
        "http://localhost/hook",
        "http://LOCALHOST:1/hook",
    ],
)
def test_https_or_loopback_webhooks_are_taken(url: str) -> None:
    assert check_webhook_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "http://oapi.dingtalk.com/robot/send?access_token=abcdefghijklmnop",
        "http://10.0.0.1/hook",
        "http://128.0.0.1/hook",
        "http://127.0.0.1.example.com/hook",
        "http://localhost.example.com/hook",
        "http://[::2]/hook",
        "ftp://oapi.dingtalk.com/robot/send",
        "oapi.dingtalk.com/robot/send?access_token=abc",
        "https:///robot/send",
        "https://oapi.dingtalk.com:99999/robot/send",
        "https://[zz]/robot/send",
        "https://oapi.ding\x00talk.com/robot/send",
        "",
    ],
)
def test_other_webhooks_are_refused_saying_what_to_write(url: str) -> None:
    with pytest.raises(ValueError, match="https://") as refused:
        check_webhook_url(url)
    assert "abcdefghijklmnop" not in str(refused.value)


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_sender_refuses_plain_http_to_another_host(
    client: httpx.Client, clock: Clock, channel: Channel
) -> None:
    hook = Webhook(channel, f"http://example.com/robot/send?access_token={token()}", SECRET)
    result = sent_to(client, hook, clock)
    assert isinstance(result, PermanentFailure)
    assert "https://" in result.detail


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"https://oapi.dingtalk.com/robot/send?access_token={token()}", "oapi.dingtalk.com…"),
        (f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={token()}", "qyapi.weixin.qq.com…"),
        (f"https://open.feishu.cn/open-apis/bot/v2/hook/{token()}", "open.feishu.cn…"),
    ],
)
def test_a_webhook_is_shown_masked(url: str, shown: str) -> None:
    assert mask_webhook(url) == shown + token()[-4:]
    assert mask_webhook("https://h.example/hook/short") == "h.example…"
    assert mask_webhook("not a url") == "?…"


# -- dispatch ----------------------------------------------------------------------------------


def test_every_channel_has_its_sender() -> None:
    assert dict(SENDERS) == {"dingtalk": dingtalk.send, "wecom": wecom.send, "feishu": feishu.send}
    assert set(SENDERS) == set(CHANNELS)


def test_a_post_for_another_channel_is_refused(
    server: RobotServer, client: httpx.Client, clock: Clock
) -> None:
    hook = server.add_robot("wecom", token())
    result = shown_safely(send(client, hook, post_for("dingtalk"), clock=clock), hook)
    assert isinstance(result, PermanentFailure)
    assert server.requests(token()) == 0
