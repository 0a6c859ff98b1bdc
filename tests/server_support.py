"""A real `calendar-service run` serving on a free loopback port, for the tests that need HTTP
from outside the process (browsers, slow clients, the access log, concurrent imports)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Served:
    url: str
    port: int
    env: dict[str, str]  # the CALENDAR_ settings it runs with: for CLI calls on its database
    log: Path  # its stdout and stderr


def server_env(folder: Path, port: int, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Settings for a server whose database and outbox live in `folder`."""
    return {
        "CALENDAR_DATABASE_URL": f"sqlite:///{folder / 'calendar.db'}",
        "CALENDAR_BASE_URL": f"http://127.0.0.1:{port}",
        "CALENDAR_OUTBOX_DIR": str(folder / "outbox"),
        **(extra or {}),
    }


@contextmanager
def running_server(folder: Path, env: dict[str, str], port: int, *args: str) -> Iterator[Served]:
    """`calendar-service run --port PORT ARGS` in `folder`, once /healthz answers; stopped after.
    A server that does not start fails the test with the end of its log."""
    log = folder / "server.log"
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "calendar_service", "run", "--port", str(port), *args],
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
                    tail = log.read_text(errors="replace")[-2000:]
                    pytest.fail(f"the server did not start:\n{tail}", pytrace=False)
                time.sleep(0.2)
        yield Served(url, port, env, log)
    finally:
        process.terminate()
        process.wait(timeout=10)
