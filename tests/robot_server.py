"""A real robot server for tests: DingTalk's, WeCom's and Feishu's group-robot webhooks on
127.0.0.1 (an ephemeral port, served from a thread), speaking each protocol as documented.

    with RobotServer() as server:
        hook = server.add_robot("dingtalk", "token-1", secret="SEC…")  # a Webhook to it
        result = send(client, hook, post)
        server.messages("token-1")  # the JSON bodies the group got, in order

API:

- `RobotServer(clock=time.time, hang_seconds=5.0)`: `clock` is the server's time (Unix
  seconds) for signatures and the per-minute count; `start()` / `stop()`, or `with`.
  `base_url` is "http://127.0.0.1:PORT" once started.
- `add_robot(channel, token, secret=None, keyword=None) -> Webhook`: a robot, its webhook URL
  (`url(channel, token)`) and secret. Tokens are unique across channels. URLs:
  `/dingtalk/robot/send?access_token=TOKEN`, `/wecom/cgi-bin/webhook/send?key=KEY`,
  `/feishu/open-apis/bot/v2/hook/TOKEN`.
- `fail_next(token, count, answer)`: the robot's next `count` requests get `answer` instead of
  being read: an int (the platform's error code, in its reply format: `ERRORS` has the known
  messages), a `Reply(status, body)` (e.g. `Reply(500, b"busy")`, or a 200 that is not JSON),
  or `HANG` (no reply until `hang_seconds` pass or the server stops: a client timeout).
- `messages(token) -> list[dict]`: the messages the robot accepted, decoded, Feishu's
  `timestamp` and `sign` removed (so each equals the RobotPost's body). `requests(token)`:
  how many requests reached the robot, refused ones too.

What it checks, as the platforms do: the signature against its own clock (DingTalk: the
`timestamp` (ms) within an hour and `sign`, else 310000; Feishu: `timestamp` (s) within an hour
and `sign`, else 19021), the keyword when the robot has one (DingTalk 310000, Feishu 19024),
the messages accepted in the last 60 seconds (`PER_MINUTE`: DingTalk 130101, WeCom 45009,
Feishu 11232), WeCom's markdown content ≤ 4096 bytes (40058) and Feishu's body ≤ 20 KB (9499).
DingTalk and WeCom answer HTTP 200 with `errcode`/`errmsg`; Feishu answers its errors with
HTTP 400 and `code`/`msg`, its successes with HTTP 200 and both `code` and `StatusCode`.
An unknown token gets the platform's "no such robot" error (300001, 93000, 19001).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final, Literal, Self
from urllib.parse import parse_qs, urlsplit

from calendar_service.robots import PER_MINUTE, Channel, Webhook

HOST = "127.0.0.1"
HANG: Final = "hang"

ERRORS: dict[int, str] = {
    130101: "send too fast, exceed 20 times per minute",
    300001: "token is not exist",
    310000: "sign not match",
    40058: "markdown.content exceed max length 4096",
    45009: "api freq out of limit",
    93000: "invalid webhook url",
    9499: "Bad Request",
    11232: "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]",
    19001: "param invalid: incoming webhook access token invalid",
    19021: "sign match fail or timestamp is not within one hour from current time",
    19024: "Key Words Not Found",
}
RATE_CODE: dict[Channel, int] = {"dingtalk": 130101, "wecom": 45009, "feishu": 11232}
UNKNOWN_CODE: dict[Channel, int] = {"dingtalk": 300001, "wecom": 93000, "feishu": 19001}
SIGNATURE_WINDOW = 3600.0  # seconds either side of the server's clock


@dataclass(frozen=True)
class Reply:
    """An HTTP answer given as is."""

    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"


Answer = int | Reply | Literal["hang"]


@dataclass
class Robot:
    channel: Channel
    token: str
    secret: str | None
    keyword: str | None
    planned: deque[Answer] = field(default_factory=deque)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    accepted_at: deque[float] = field(default_factory=deque)
    requests: int = 0


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature, base64 (before URL encoding)."""
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(secret: str, timestamp: int) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


class RobotServer:
    """The three platforms' robot webhooks on one local port (see the module's docstring)."""

    def __init__(self, clock: Callable[[], float] = time.time, hang_seconds: float = 5.0) -> None:
        self.clock = clock
        self.hang_seconds = hang_seconds
        self._robots: dict[str, Robot] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- running -----------------------------------------------------------------------------

    def start(self) -> Self:
        handler = type("Handler", (_Handler,), {"robots": self})
        self._httpd = ThreadingHTTPServer((HOST, 0), handler)
        self._httpd.daemon_threads = True
        self._stopping.clear()
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # hanging requests end now
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("start the RobotServer first")
        return f"http://{HOST}:{self._httpd.server_address[1]}"

    # -- robots ------------------------------------------------------------------------------

    def url(self, channel: Channel, token: str) -> str:
        paths = {
            "dingtalk": f"/dingtalk/robot/send?access_token={token}",
            "wecom": f"/wecom/cgi-bin/webhook/send?key={token}",
            "feishu": f"/feishu/open-apis/bot/v2/hook/{token}",
        }
        return self.base_url + paths[channel]

    def add_robot(
        self,
        channel: Channel,
        token: str,
        secret: str | None = None,
        keyword: str | None = None,
    ) -> Webhook:
        with self._lock:
            if token in self._robots:
                raise ValueError(f"a robot already has the token {token!r}")
            self._robots[token] = Robot(channel, token, secret, keyword)
        return Webhook(channel, self.url(channel, token), secret)

    def fail_next(self, token: str, count: int, answer: Answer) -> None:
        with self._lock:
            self._robots[token].planned.extend([answer] * count)

    def messages(self, token: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._robots[token].accepted)

    def requests(self, token: str) -> int:
        with self._lock:
            return self._robots[token].requests

    # -- the protocols -----------------------------------------------------------------------

    def _error(self, channel: Channel, code: int, message: str | None = None) -> Reply:
        text = message or ERRORS.get(code, f"error {code}")
        if channel == "feishu":
            return _json(400, {"code": code, "data": {}, "msg": text})
        return _json(200, {"errcode": code, "errmsg": text})

    def hang(self) -> None:
        """Hold a request without answering, until `hang_seconds` pass or the server stops."""
        self._stopping.wait(self.hang_seconds)

    def answer(self, channel: Channel, token: str, query: dict[str, str], raw: bytes) -> Answer:
        """What the robot `token` of `channel` answers to a POST of `raw`."""
        with self._lock:
            robot = self._robots.get(token)
            if robot is None or robot.channel != channel:
                return self._error(channel, UNKNOWN_CODE[channel])
            robot.requests += 1
            if robot.planned:
                planned = robot.planned.popleft()
                return self._error(channel, planned) if isinstance(planned, int) else planned
            return self._read(robot, query, raw)

    def _read(self, robot: Robot, query: dict[str, str], raw: bytes) -> Reply:
        channel, now = robot.channel, self.clock()
        if channel == "feishu" and len(raw) > 20 * 1024:
            return self._error(channel, 9499, "request body too large, 20 KB at most")
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return self._error(channel, 9499 if channel == "feishu" else 40035, "invalid json")
        problem = self._refusal(robot, query, body, now)
        if problem is not None:
            return problem
        while robot.accepted_at and robot.accepted_at[0] <= now - 60:
            robot.accepted_at.popleft()
        if len(robot.accepted_at) >= PER_MINUTE[channel]:
            return self._error(channel, RATE_CODE[channel])
        robot.accepted_at.append(now)
        if channel == "feishu":
            body = {k: v for k, v in body.items() if k not in ("timestamp", "sign")}
            return self._accept(robot, body, {"StatusCode": 0, "StatusMessage": "success"})
        return self._accept(robot, body, {})

    def _accept(self, robot: Robot, body: dict[str, Any], extra: dict[str, Any]) -> Reply:
        robot.accepted.append(body)
        if robot.channel == "feishu":
            return _json(200, {**extra, "code": 0, "data": {}, "msg": "success"})
        return _json(200, {"errcode": 0, "errmsg": "ok"})

    def _refusal(
        self, robot: Robot, query: dict[str, str], body: dict[str, Any], now: float
    ) -> Reply | None:
        channel, secret = robot.channel, robot.secret
        if channel == "dingtalk" and secret is not None:
            stamp = query.get("timestamp", "")
            if not stamp.isdigit() or abs(int(stamp) / 1000 - now) > SIGNATURE_WINDOW:
                return self._error(channel, 310000, "invalid timestamp")
            expected = dingtalk_sign(secret, int(stamp))
            if not hmac.compare_digest(query.get("sign", "").encode(), expected.encode()):
                return self._error(channel, 310000, "sign not match")
        if channel == "feishu" and secret is not None:
            seconds, sign = body.get("timestamp"), body.get("sign")
            if (
                not isinstance(seconds, str)
                or not seconds.isdigit()
                or abs(int(seconds) - now) > SIGNATURE_WINDOW
                or not isinstance(sign, str)
                or not hmac.compare_digest(
                    sign.encode(), feishu_sign(secret, int(seconds)).encode()
                )
            ):
                return self._error(channel, 19021)
        if robot.keyword is not None:
            text = json.dumps(body, ensure_ascii=False)
            if robot.keyword not in text:
                code = 19024 if channel == "feishu" else 310000
                return self._error(
                    channel, code, None if code == 19024 else "keywords not in content"
                )
        if channel == "wecom":
            return self._wecom_size(body)
        return None

    def _wecom_size(self, body: dict[str, Any]) -> Reply | None:
        kind = body.get("msgtype")
        limit = {"markdown": 4096, "markdown_v2": 4096, "text": 2048}.get(str(kind))
        part = body.get(str(kind))
        if limit is None or not isinstance(part, dict):
            return None
        size = len(str(part.get("content", "")).encode())
        if size > limit:
            return self._error("wecom", 40058, f"{kind}.content exceed max length {limit}")
        return None


def _json(status: int, body: dict[str, Any]) -> Reply:
    return Reply(status, json.dumps(body).encode(), "application/json; charset=utf-8")


_ROUTES: dict[str, Channel] = {
    "/dingtalk/robot/send": "dingtalk",
    "/wecom/cgi-bin/webhook/send": "wecom",
}
_FEISHU = "/feishu/open-apis/bot/v2/hook/"
_TOKEN_PARAM: dict[Channel, str] = {"dingtalk": "access_token", "wecom": "key"}


class _Handler(BaseHTTPRequestHandler):
    robots: RobotServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # the headers and the body go out in two writes

    def log_message(self, format: str, *args: Any) -> None:  # the base class names the parameter
        pass

    def do_POST(self) -> None:  # http.server calls it
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if parts.path in _ROUTES:
            channel = _ROUTES[parts.path]
            token = query.get(_TOKEN_PARAM[channel], "")
        elif parts.path.startswith(_FEISHU):
            channel, token = "feishu", parts.path.removeprefix(_FEISHU)
        else:
            self._send(Reply(404, b"not found"))
            return
        answer = self.robots.answer(channel, token, query, raw)
        if answer == HANG:
            self.robots.hang()
            self.close_connection = True
            return
        assert isinstance(answer, Reply)
        self._send(answer)

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)
