"""The `apikey` CLI commands: creating, listing and revoking the JSON API's keys."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.cli import cli
from calendar_service.errors import UserError
from calendar_service.settings import load_settings


def test_the_key_cli(tmp_path: Path) -> None:
    container = Container(load_settings(database_url=f"sqlite:///{tmp_path / 'c.db'}"))

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, ["apikey", *args], obj=container)

    made = run("create", "ops")
    assert made.exit_code == 0 and made.stdout.strip().startswith("cs_")
    assert ApiKeys(container.engine).verify(made.stdout.strip()) is not None
    assert isinstance(run("create", "ops").exception, UserError)  # the name is taken
    assert "ops\tcreated" in run("list").stdout
    assert run("revoke", "ops").exit_code == 0
    assert ApiKeys(container.engine).verify(made.stdout.strip()) is None
    assert "revoked" in run("list").stdout
    assert isinstance(run("revoke", "ops").exception, UserError)
