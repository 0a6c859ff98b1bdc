"""A real `calendar-service run`: /healthz answers while the API imports a large body, and an
import beyond CALENDAR_API_MAX_IMPORTS is a 429.

`POST /api/snapshots` used to parse and write on the event loop: while a 30,000-row body was
imported, nothing else was answered, /healthz included.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from tests.cli import run_cli
from tests.server_support import free_port, running_server, server_env

ROWS = 32_000  # about 4.5 MB of JSON: under the 5 MB body limit, seconds to import


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`calendar-service run --web-only`, one import at a time; its URL and an API key."""
    folder = tmp_path_factory.mktemp("import-server")
    port = free_port()
    env = server_env(folder, port, {"CALENDAR_API_MAX_IMPORTS": "1"})
    made = run_cli("apikey", "create", "importer", env=env)
    assert made.code == 0, made.err
    with running_server(folder, env, port, "--web-only") as served:
        yield served.url, made.out.strip()


def _post(url: str, key: str, body: bytes) -> int:
    request = urllib.request.Request(
        f"{url}/api/snapshots",
        data=body,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_healthz_answers_while_the_api_imports_and_a_second_import_is_a_429(
    server: tuple[str, str],
) -> None:
    url, key = server
    rows = [
        {"store_id": f"big-{n}", "name": f"义乌{n}号店", "captured_at": "2026-11-20 10:00",
         "medal_level": "3A", "buyers_30d": n % 40, "gmv_30d": f"{n % 9000 * 1000 + 345:,}.60"}
        for n in range(ROWS)
    ]  # fmt: skip
    body = json.dumps(rows, ensure_ascii=False).encode()
    statuses: list[int] = []
    importer = threading.Thread(target=lambda: statuses.append(_post(url, key, body)))
    importer.start()
    during: list[float] = []  # seconds each /healthz took, answered while the import ran
    second: int | None = None
    while importer.is_alive():
        started = time.monotonic()
        with urllib.request.urlopen(f"{url}/healthz", timeout=60) as response:
            assert response.status == 200
        took = time.monotonic() - started
        if importer.is_alive():
            during.append(took)
        if len(during) == 3 and second is None:
            second = _post(url, key, b"[]")
            assert importer.is_alive(), "the first import ended before the second was sent"
        time.sleep(0.1)
    importer.join()
    assert statuses == [201]
    # Blocked, the loop would answer once at most before the import and once after it.
    assert len(during) >= 3, f"/healthz answered {len(during)} times during the import"
    assert second == 429
    # The liveness bound the issue asks for (1 s), on the typical answer, not the worst.
    assert sorted(during)[len(during) // 2] < 1.0, during
