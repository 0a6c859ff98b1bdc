"""The web server as it runs: a deadline for slow headers, and an access log without tokens."""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from calendar_service.entrypoints.web_server import mask_tokens
from tests.cli import run_cli
from tests.server_support import Served, free_port, running_server, server_env


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`run --sample` with a one-second header deadline, its log in a file."""
    folder = tmp_path_factory.mktemp("server")
    port = free_port()
    env = server_env(folder, port, {"CALENDAR_HEADER_TIMEOUT_SECONDS": "1"})
    with running_server(folder, env, port, "--sample") as served:
        yield served


def test_a_client_too_slow_with_its_headers_is_disconnected(server: Served) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the rest
        assert slow.recv(1024) == b""  # closed by the server; without the deadline: a timeout
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as quick:
        quick.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert quick.recv(1024).startswith(b"HTTP/1.1 200")


def test_the_deadline_starts_again_after_each_response(server: Served) -> None:
    """A kept-alive connection that answered one request gets no longer for the next head."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as client:
        client.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        received = b""
        while b"\r\n\r\n" not in received:
            received += client.recv(65536)
        head, _, body = received.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        length = re.search(rb"content-length: (\d+)", head, re.IGNORECASE)
        assert length is not None
        while len(body) < int(length[1]):
            body += client.recv(65536)
        client.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the rest
        assert client.recv(1024) == b""  # closed by the server, within the deadline


def _answer(port: int, *pieces: bytes) -> bytes:
    """What the server sends back to `pieces` sent one after the other, until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as client:
        for piece in pieces:
            client.sendall(piece)
        received = b""
        while chunk := client.recv(65536):
            received += chunk
        return received


def test_a_request_head_over_16_kb_is_refused(server: Served) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    assert _answer(server.port, head + b"X-Pad: " + b"a" * 12_000 + b"\r\n\r\n").startswith(
        b"HTTP/1.1 200"
    )
    refused = _answer(server.port, head + b"X-Pad: " + b"a" * 20_000 + b"\r\n\r\n")
    assert refused.startswith(b"HTTP/1.1 431") and b"at most 16 KB" in refused
    # One header growing in pieces, never finished: refused (and closed) all the same.
    growing = [head + b"X-Pad: "] + [b"a" * 4096] * 8
    assert _answer(server.port, *growing).startswith(b"HTTP/1.1 431")


def test_a_body_over_16_kb_is_not_taken_for_a_head(server: Served) -> None:
    body = b"x" * 40_000
    head = b"POST /unsubscribe/nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    request = head + b"Content-Length: %d\r\n\r\n" % len(body)
    together = _answer(server.port, request + body)
    apart = _answer(server.port, request, body[:20_000], body[20_000:])
    for answer in (together, apart):
        assert answer.startswith(b"HTTP/1.1 ") and not answer.startswith(b"HTTP/1.1 431")


def test_tokens_never_reach_the_access_log(server: Served) -> None:
    made = run_cli("feed-url", "b2b-220011", env=server.env)
    assert made.code == 0, made.err
    feed_url = next(w for w in made.out.split() if w.startswith("http://") and "/feeds/" in w)
    token = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    with urllib.request.urlopen(feed_url + "?lang=en", timeout=10) as response:
        assert response.status == 200
    unsubscribe = "unsubscribe-token-that-must-not-be-logged"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(
            urllib.request.Request(f"{server.url}/unsubscribe/{unsubscribe}", method="POST"),
            timeout=10,
        )
    time.sleep(0.5)  # the access line is written after the response
    log = server.log.read_text()
    assert "/feeds/***.ics?lang=en" in log and "/unsubscribe/***" in log
    assert token not in log and unsubscribe not in log


@pytest.mark.parametrize(
    ("path", "masked"),
    [
        ("/feeds/abc_DEF-1.ics?lang=en", "/feeds/***.ics?lang=en"),
        ("/feeds/abc", "/feeds/***"),
        ("/unsubscribe/xyz?a=1", "/unsubscribe/***?a=1"),
        ("/preferences/r.YUBiLmNu.mac?lang=en", "/preferences/***?lang=en"),
        ("/calendar.ics?alarms=P1D", "/calendar.ics?alarms=P1D"),
        ("/stores/feeds/x", "/stores/feeds/x"),
    ],
)
def test_mask_tokens(path: str, masked: str) -> None:
    assert mask_tokens(path) == masked


def test_a_store_id_with_a_percent_and_a_slash_is_reachable(server: Served) -> None:
    """uvicorn decodes the path once: the ID comes back as it was imported."""
    key = re.search(
        r"sign-in key \(made for the sample data, shown once\): (\S+)", server.log.read_text()
    )
    assert key is not None
    store_id = "百分%2F/店?#"
    body = json.dumps({"stores": [{"store_id": store_id, "captured_at": "2026-01-14 10:00"}]})
    auth = {"X-API-Key": key[1], "Content-Type": "application/json"}
    made = urllib.request.Request(f"{server.url}/api/snapshots", body.encode(), auth, method="POST")
    try:
        urllib.request.urlopen(made, timeout=10).close()
    except urllib.error.HTTPError as e:
        pytest.fail(e.read().decode())
    url = f"{server.url}/api/stores/{quote(store_id, safe='')}/eligibility"
    with urllib.request.urlopen(urllib.request.Request(url, headers=auth), timeout=10) as response:
        assert json.loads(response.read())[0]["store_id"] == store_id
