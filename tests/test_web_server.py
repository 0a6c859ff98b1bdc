"""The web server as it runs: a deadline for slow headers, and an access log without tokens."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from calendar_service.entrypoints.web_server import mask_tokens
from tests.cli import run_cli


@dataclass(frozen=True)
class Server:
    url: str
    port: int
    env: dict[str, str]
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`run --sample` with a one-second header deadline, its log in a file."""
    folder = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = {
        "CALENDAR_DATABASE_URL": f"sqlite:///{folder / 'calendar.db'}",
        "CALENDAR_BASE_URL": f"http://127.0.0.1:{port}",
        "CALENDAR_OUTBOX_DIR": str(folder / "outbox"),
        "CALENDAR_HEADER_TIMEOUT_SECONDS": "1",
    }
    log = folder / "server.log"
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "calendar_service", "run", "--port", str(port), "--sample"],
            env={**base, **env},
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not start:\n{log.read_text()[-2000:]}")
                time.sleep(0.2)
        yield Server(url, port, env, log)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_client_too_slow_with_its_headers_is_disconnected(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the rest
        assert slow.recv(1024) == b""  # closed by the server; without the deadline: a timeout
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as quick:
        quick.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert quick.recv(1024).startswith(b"HTTP/1.1 200")


def test_tokens_never_reach_the_access_log(server: Server) -> None:
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
        ("/calendar.ics?alarms=P1D", "/calendar.ics?alarms=P1D"),
        ("/stores/feeds/x", "/stores/feeds/x"),
    ],
)
def test_mask_tokens(path: str, masked: str) -> None:
    assert mask_tokens(path) == masked


def test_a_store_id_with_a_percent_and_a_slash_is_reachable(server: Server) -> None:
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
