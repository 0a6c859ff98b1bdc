"""What the group robots' end-to-end tests share: the sample loaded for the CLI's processes,
webhook tokens and secrets, the `calendar-service` command with every output kept (to look for
credentials in it), the database read raw, and what each sent message carried."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import METADATA
from calendar_service.domain.planning import DIGEST
from calendar_service.robots import Channel, feishu
from calendar_service.services.sample import load_sample
from tests.cli import PROJECT, Result, run_cli
from tests.reminder_support import Told
from tests.robot_server import RobotServer
from tests.times import CST, SAMPLE_CAPTURED

INSTALLATION_KEY = "the robots' end-to-end tests' installation key, 32+"
# A working Tuesday an hour after December's monthly sign-up opened (MONTHLY_SIGNUP_OPEN).
SIGNUP_MORNING = "2026-12-15T10:00"
# Stores of the sample and their names.
JINYUAN, SHENGYUAN, HUAMEI = "b2b-220011", "b2b-220001", "b2b-220003"
NAMES = {JINYUAN: "深圳市锦源小家电有限公司", SHENGYUAN: "温州市盛源服装有限公司",
         HUAMEI: "佛山华美玩具有限公司"}  # fmt: skip


def token(channel: Channel, n: int = 1) -> str:
    """A webhook token as the platforms hand them out: 64 hex digits (WeCom's key is a UUID,
    which the code treats alike)."""
    return f"{channel[:2]}{n:02d}4f7a2c5e8b0d3f6a9c1e4b7d0f3a6c9e2b5d8f1a4c7e0b3d6f9a1b2c3d4e5f6"[
        :64
    ]


def secret(channel: Channel, n: int = 1) -> str:
    return f"SEC{channel[:2]}{n:02d}9c0b8e2a7f41e3b6c9d0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1"


@dataclass
class Cli:
    """The command on one database, each result kept."""

    database_url: str
    tmp: Path
    results: list[Result] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {
            "CALENDAR_DATABASE_URL": self.database_url,
            "CALENDAR_SECRET_KEY": INSTALLATION_KEY,
            "CALENDAR_OUTBOX_DIR": str(self.tmp / "outbox"),
        }

    def __call__(self, *args: str, **env: str) -> Result:
        result = run_cli(*args, env={**self.env, **env})
        self.results.append(result)
        return result

    def ok(self, *args: str, **env: str) -> Result:
        result = self(*args, **env)
        assert result.code == 0, result.err
        return result

    def printed(self) -> str:
        """Everything every command printed, on stdout and stderr."""
        return "\n".join(f"{r.out}\n{r.err}" for r in self.results)


@pytest.fixture
def cli(repository: Repository, database_url: str, tmp_path: Path) -> Cli:
    """The sample's stores in an empty database (SQLite or PostgreSQL), and the command on it."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    return Cli(database_url, tmp_path)


@pytest.fixture
def robot_server() -> Iterator[RobotServer]:
    """The three platforms' webhooks on 127.0.0.1, on the real clock (the command's)."""
    with RobotServer() as running:
        yield running


def raw_database(engine: Engine) -> str:
    """Every row of every table, as text: what anyone reading the database file sees."""
    lines = []
    with engine.connect() as connection:
        for table in METADATA.sorted_tables:
            lines += [f"{table.name}: {tuple(row)!r}" for row in connection.execute(select(table))]
    return "\n".join(lines)


def previewed_items(preview: dict[str, Any]) -> Told:
    """A `preview --json` message's items (Preview.as_json), as `carried` names them."""
    return frozenset(
        (i["store_id"], "digest" if i["kind"] == DIGEST else i["occurrence"], i["kind"])
        for i in preview["items"]
    )


def clear_of_feishu_busy_times(seconds: float) -> None:
    """Wait, if need be, until the next `seconds` are clear of the minutes around each hour and
    half hour when Feishu's sender holds its messages back (`feishu.busy_wait`, on the real
    clock a `remind` process reads): a few percent of runs wait up to two minutes."""
    while True:
        now = time.time()
        waits = [feishu.busy_wait(now + s) for s in range(0, int(seconds) + 1, 5)]
        if all(w is None for w in waits):
            return
        time.sleep(max(w for w in waits if w is not None))
