"""A database that takes no writes: one line from the CLI, 503 from the API, /healthz says so.

SQLite is opened read-only (`mode=ro`, what a read-only file gives, even for root), PostgreSQL
with read-only transactions (a hot standby, or a server out of disk refusing writes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT, run_cli
from tests.times import CST, WEB_CLOCK

STORE = "b2b-220011"


def read_only(database_url: str) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return f"sqlite:///file:{url.database}?mode=ro&uri=true"
    options = f"{url.query.get('options', '')} -cdefault_transaction_read_only=on".strip()
    return url.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture
def frozen(database_url: str) -> tuple[str, str]:
    """The sample and an API key in the database, then its read-only URL; and the key."""
    container = Container(load_settings(database_url=database_url))
    load_sample(PROJECT / "data" / "sample", container.repository, CST, WEB_CLOCK)
    key = ApiKeys(container.engine).create("staff", WEB_CLOCK)
    container.engine.dispose()
    return read_only(database_url), key


def test_the_api_answers_503_and_reads_still_work(frozen: tuple[str, str]) -> None:
    url, key = frozen
    container = Container(load_settings(database_url=url))
    client = TestClient(create_app(container, lambda: WEB_CLOCK))
    auth = {"X-API-Key": key}
    assert client.get("/api/stores", headers=auth).status_code == 200
    response = client.post(
        f"/api/stores/{STORE}/subscriptions", json={"email": "a@example.com"}, headers=auth
    )
    assert response.status_code == 503
    assert response.json()["detail"].startswith("the database cannot be used (")
    assert "[SQL" not in response.text and "a@example.com" not in response.text  # no SQL
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["status"] == "degraded"
    assert health.json()["database"].startswith("cannot be written: ")
    container.engine.dispose()


def test_healthz_says_ok_when_the_database_takes_writes(database_url: str) -> None:
    container = Container(load_settings(database_url=database_url))
    health = TestClient(create_app(container, lambda: WEB_CLOCK)).get("/healthz")
    assert health.status_code == 200 and health.json()["database"] == "ok"
    container.engine.dispose()


@pytest.mark.parametrize(
    "args",
    [
        ("apikey", "create", "another"),
        ("subscribe", STORE, "ops@example.com"),
        ("feed-url", STORE),
        ("import", str(PROJECT / "data" / "sample" / "stores.csv")),
    ],
)
def test_the_cli_says_one_line(frozen: tuple[str, str], args: tuple[str, ...]) -> None:
    url, _key = frozen
    result = run_cli(*args, env={"CALENDAR_DATABASE_URL": url})
    assert result.code == 1, result.err
    assert "Traceback" not in result.err and "[SQL:" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the database cannot be used (")


def test_a_sqlite_database_locked_by_a_writer_still_reads_as_taking_writes(tmp_path: Path) -> None:
    """An import holds SQLite's write lock for its whole length; /healthz must not wait for it."""
    import sqlite3  # noqa: PLC0415

    from calendar_service.adapters.db import create_schema, make_engine  # noqa: PLC0415
    from calendar_service.adapters.db.health import write_check  # noqa: PLC0415

    path = tmp_path / "locked.db"
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        assert write_check(engine) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        engine.dispose()
