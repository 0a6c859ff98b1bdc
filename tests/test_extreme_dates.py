"""Times outside what the service handles: a 422 from the API, one line from the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api_support import STORE, Api, sample_api
from tests.cli import run_cli


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Api:
    return sample_api(f"sqlite:///{tmp_path_factory.mktemp('dates') / 'calendar.db'}")


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        (f"/api/stores/{STORE}/eligibility", {"at": "9998-06-01"}, "at=9998-06-01"),
        (f"/api/stores/{STORE}/eligibility", {"at": "9999-12-31T23:00"}, "at=9999-12-31T23:00"),
        (f"/api/stores/{STORE}/eligibility", {"at": "0001-01-01"}, "at=0001-01-01"),
        ("/api/occurrences", {"from": "9999-01-01"}, "from=9999-01-01"),
        ("/api/occurrences", {"from": "0001-01-01"}, "from=0001-01-01"),
        ("/api/occurrences", {"from": "2999-01-01", "to": "3000-01-02"}, "to=3000-01-02"),
    ],
)
def test_the_api_answers_422_naming_the_parameter(
    shared: Api, path: str, params: dict[str, str], name: str
) -> None:
    response = shared.get(path, **params)
    assert response.status_code == 422, response.text
    assert name in response.json()["detail"] and "1970-01-01 to 2999-12-31" in response.text


def test_the_edges_of_the_range_are_served(shared: Api) -> None:
    at = shared.get(f"/api/stores/{STORE}/eligibility", at="2999-06-01")
    assert at.status_code == 200
    assert shared.get("/api/occurrences", **{"from": "1970-01-01"}).status_code == 200


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("eligibility", STORE, "--at", "9999-06-01"), "--at=9999-06-01"),
        (("eligibility", STORE, "--at", "0001-01-01"), "--at=0001-01-01"),
        (("occurrences", "--from", "9999-01-01"), "--from=9999-01-01"),
        (("occurrences", "--from", "2020-01-01", "--to", "9999-01-01"), "--to=9999-01-01"),
        (("remind", "--now", "9999-12-31", "--dry-run"), "--now=9999-12-31"),
        (("feed", "--catalog", "--now", "9998-06-01"), "--now=9998-06-01"),
        (("import", "--now", "9999-01-01", "x.csv"), "--now=9999-01-01"),
    ],
)
def test_the_cli_says_one_line_and_no_traceback(
    tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    result = run_cli(*args, env={"CALENDAR_DATABASE_URL": f"sqlite:///{tmp_path}/c.db"})
    assert result.code == 2
    assert "Traceback" not in result.err
    assert f"{name} is outside the dates the service handles" in result.err
