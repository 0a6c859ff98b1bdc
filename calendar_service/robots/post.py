"""What the three robot senders share: the webhook URL checked and masked, the JSON posted.

A webhook URL is a credential (whoever has it can post to the group), so it never appears in
full in a result's detail, a log line or an error message: `mask_webhook` shows the host and
the last characters of its token, enough to tell two robots apart.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from calendar_service.mail.transport import PermanentFailure, SendResult, Sent, TemporaryFailure

# Seconds to wait after a rate limit that names no time: the platforms count per minute.
RATE_LIMIT_WAIT = 60.0

_TOKEN_PARAMS = ("access_token", "key")  # DingTalk's and WeCom's; Feishu's is the last segment


def _token(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    query = parse_qs(parts.query)
    for name in _TOKEN_PARAMS:
        if query.get(name):
            return query[name][0]
    return parts.path.rstrip("/").rsplit("/", 1)[-1]


def mask_webhook(url: str) -> str:
    """The webhook as it may be shown: its host, "…" and the last 4 characters of its token
    (none when the token is shorter than 12 characters), e.g. "oapi.dingtalk.com…3f9a"."""
    try:
        host = urlsplit(url).hostname or "?"
    except ValueError:
        host = "?"
    token = _token(url)
    return f"{host}…{token[-4:] if len(token) >= 12 else ''}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback  # 127.0.0.0/8, ::1
    except ValueError:
        return False


def check_webhook_url(url: str) -> str:
    """The webhook URL, stripped of surrounding blanks, when it may be posted to: https, or http
    to a loopback host (127.0.0.0/8, ::1, localhost: a test server). ValueError otherwise,
    saying what to write (and showing the URL masked only)."""
    url = url.strip()
    example = "https://oapi.dingtalk.com/robot/send?access_token=…"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port  # ValueError when out of range
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        parts, host = None, ""
    if parts is None or not host or parts.scheme.lower() not in ("https", "http"):
        raise ValueError(
            f"a robot's webhook is a URL starting with https://, as the group's robot settings "
            f"show it (e.g. {example}); got {mask_webhook(url)!r}"
        )
    if parts.scheme.lower() == "http" and not _is_loopback(host):
        raise ValueError(
            f"a robot's webhook must use https:// (http:// only to 127.0.0.1, ::1 or localhost): "
            f"write https://{host}/… as the group's robot settings show it"
        )
    return url


def encode_json(body: dict[str, Any]) -> bytes:
    """The body as it goes on the wire: compact UTF-8 JSON (the size the platforms limit)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def scrub(text: str, url: str) -> str:
    """`text` with the webhook URL, and its token, replaced by the masked webhook."""
    masked = mask_webhook(url)
    token = _token(url)
    text = text.replace(url, masked)
    return text.replace(token, "…") if len(token) >= 4 else text


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def post_json(
    client: httpx.Client, url: str, body: dict[str, Any]
) -> httpx.Response | TemporaryFailure:
    """POST `body` as JSON to `url`. The response, unless the post failed in a way worth
    retrying: a network error or timeout, HTTP 5xx or 429 (a TemporaryFailure, with the wait
    the server asked for, if any). Other statuses are the caller's to read: the platforms say
    what went wrong in the JSON they answer with."""
    where = mask_webhook(url)
    try:
        response = client.post(
            url,
            content=encode_json(body),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
    except httpx.TimeoutException as e:
        return TemporaryFailure(None, f"{where}: timed out ({type(e).__name__})")
    except httpx.HTTPError as e:  # connection refused or reset, TLS, protocol errors
        reason = scrub(str(e), url) or type(e).__name__
        return TemporaryFailure(None, f"{where}: {reason}")
    status = response.status_code
    if status == 429:
        wait = _seconds(response.headers.get("Retry-After")) or RATE_LIMIT_WAIT
        return TemporaryFailure(429, f"{where}: HTTP 429, too many requests", retry_after=wait)
    if status >= 500:
        return TemporaryFailure(status, f"{where}: HTTP {status} {response.reason_phrase}")
    return response


def read_reply(response: httpx.Response, url: str) -> dict[str, Any] | SendResult:
    """The JSON object a platform answered with, or the result when there is none: a 2xx that
    is not JSON is a TemporaryFailure (a proxy's page, a truncated reply: try again later);
    another status without JSON (a 404 for a deleted robot, …) a PermanentFailure."""
    try:
        reply = response.json()
    except ValueError:
        reply = None
    if isinstance(reply, dict):
        return reply
    where, status = mask_webhook(url), response.status_code
    if 200 <= status < 300:
        return TemporaryFailure(None, f"{where}: the reply is not a JSON object (HTTP {status})")
    return PermanentFailure(status, f"{where}: HTTP {status} {response.reason_phrase}, not JSON")


def without_code(response: httpx.Response, url: str) -> SendResult:
    """The result of a JSON reply that holds no error code: as `read_reply`'s for no JSON."""
    where, status = mask_webhook(url), response.status_code
    if 200 <= status < 300:
        return TemporaryFailure(None, f"{where}: the reply has no error code (HTTP {status})")
    return PermanentFailure(status, f"{where}: HTTP {status} {response.reason_phrase}, no code")


def reason_of(reply: dict[str, Any], url: str, *names: str) -> str:
    """The first of `names` the reply holds (the platform's error message), webhook masked."""
    for name in names:
        value = reply.get(name)
        if value:
            return scrub(str(value), url)
    return "(no reason given)"


def code_of(reply: dict[str, Any], *names: str) -> int | None:
    """The first of `names` that the reply holds as an integer (the platform's error code)."""
    for name in names:
        value = reply.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


@dataclass(frozen=True)
class Answers:
    """How a platform answers: where its reply puts the error code and message, its "too many
    messages" code, and what its refusals mean (code → what to tell the person)."""

    codes: tuple[str, ...]
    reasons: tuple[str, ...]
    too_fast: int
    refusals: dict[int, str] = field(default_factory=dict)


def exchange(
    client: httpx.Client, url: str, target: str, body: dict[str, Any], answers: Answers
) -> SendResult:
    """POST `body` to `target` (the webhook `url`, signed as its platform wants) and read the
    reply as `answers` says: 0 sent; the rate limit's code a TemporaryFailure after a
    minute's wait; any other code a PermanentFailure with the platform's reason."""
    where = mask_webhook(url)
    response = post_json(client, target, body)
    if isinstance(response, TemporaryFailure):
        return response
    reply = read_reply(response, url)
    if not isinstance(reply, dict):
        return reply
    code = code_of(reply, *answers.codes)
    reason = reason_of(reply, url, *answers.reasons)
    if code == 0:
        return Sent(0, f"{where}: accepted")
    if code is None:
        return without_code(response, url)
    if code == answers.too_fast:
        return TemporaryFailure(
            code, f"{where}: too many messages: {reason}", retry_after=RATE_LIMIT_WAIT
        )
    meaning = answers.refusals.get(code, "refused")
    return PermanentFailure(code, f"{where}: {meaning}: {reason}")
