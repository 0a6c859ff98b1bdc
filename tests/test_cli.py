"""The CLI driven as a user would: real processes, the shipped catalog, bad settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from calendar_service.entrypoints.cli import cli
from tests.cli import run_cli


def test_occurrences_lists_every_window_of_2027() -> None:
    result = run_cli("occurrences", "--from", "2027-01-01", "--to", "2028-01-01", "--json")
    assert result.code == 0, result.err
    found = json.loads(result.out)
    keys = {o["key"] for o in found}
    assert {"promo-327:2027", "promo-916:2027", "promo-1118:2027"} <= keys
    assert {f"quarterly-clearance:2027-Q{q}" for q in range(1, 5)} <= keys
    assert {f"monthly-origin:2027-{m:02d}" for m in range(1, 13)} <= keys
    assert "monthly-origin:2028-01" in keys  # its sign-up runs in December 2027
    daily = [o for o in found if o["repeats"] == "daily"]
    assert len(daily) == 5 and {o["repeats_until"] for o in daily} == {"2027-12-31"}
    promo = next(o for o in found if o["key"] == "promo-327:2027")
    assert promo["deadline_at"] == "2027-03-08T00:00:00+08:00"
    assert promo["name_zh"] == "327大促"


def test_occurrences_text_is_chinese_by_default_and_english_on_request() -> None:
    zh = run_cli("occurrences", "--from", "2027-03-01", "--to", "2027-04-01", "--cycle", "yearly")
    assert zh.code == 0 and "327大促 [promo-327:2027]" in zh.out and "截止日" in zh.out
    en = run_cli("occurrences", "--from", "2027-03-01", "--to", "2027-04-01", "--lang", "en")
    assert en.code == 0 and "327 new-season promotion" in en.out and "deadline" in en.out


def test_activities_json_has_the_whole_catalog() -> None:
    result = run_cli("activities", "--json")
    assert result.code == 0, result.err
    catalog = json.loads(result.out)
    assert len(catalog["activities"]) == 17 and catalog["version"]
    wholesale = next(a for a in catalog["activities"] if a["key"] == "daily-group-wholesale")
    assert {"key": "shipping", "threshold": ["24h", "48h"]}.items() <= next(
        c for c in wholesale["criteria"] if c["key"] == "shipping"
    ).items()


def test_activities_text_marks_assumed_thresholds() -> None:
    result = run_cli("activities")
    assert result.code == 0
    assert "风险评估分 ≥ 32分  [假设]" in result.out


def test_activities_text_shows_rates_and_discounts_as_the_deck_writes_them() -> None:
    zh, en = run_cli("activities").out, run_cli("activities", "--lang", "en").out
    assert "活动折扣(商品) ≤ 8.5折" in zh and "近90天纠纷率 < 0.01%" in zh
    assert "资料:「给予的价格在8.5折以下」" in zh
    assert "activity discount (product) ≤ 8.5折 (85%)" in en
    assert "30-day clicks (product) ≥ 1  [assumed]" in en  # the unit once, not "1 clicks"
    for text in (zh, en):
        assert "0.0001" not in text and "0.85" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["occurrences", "--from", "2027-13-01"], "'2027-13-01' is not a date; write YYYY-MM-DD"),
        (["occurrences", "--from", "2027-02-01", "--to", "2027-01-01"], "must be after --from"),
        (["occurrences", "--cycle", "weekly"], "'weekly' is not one of"),
        (["no-such-command"], "No such command"),
    ],
)
def test_bad_arguments_are_refused_without_a_traceback(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.code != 0
    assert message in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"CALENDAR_TIMEZONE": "Mars/Olympus"}, "CALENDAR_TIMEZONE='Mars/Olympus'"),
        ({"CALENDAR_DATABASE_URL": "mysql://u:secret@h/db"}, "CALENDAR_DATABASE_URL"),
        ({"CALENDAR_SMTP_URL": "http://mail"}, "CALENDAR_SMTP_URL"),
        ({"CALENDAR_BASE_URL": "calendar.example.com"}, "CALENDAR_BASE_URL"),
        ({"CALENDAR_PORT": "eighty"}, "CALENDAR_PORT"),
        ({"CALENDAR_STALE_AFTER_DAYS": "0"}, "CALENDAR_STALE_AFTER_DAYS"),
        ({"CALENDAR_COMPOSE_WORKERS": "-1"}, "CALENDAR_COMPOSE_WORKERS='-1'"),
        ({"CALENDAR_COMPOSE_WORKERS": "many"}, "CALENDAR_COMPOSE_WORKERS='many'"),
        ({"CALENDAR_COMPOSE_WORKERS": "33"}, "CALENDAR_COMPOSE_WORKERS='33'"),
        ({"CALENDAR_MAIL_FROM": "1688活动提醒"}, "CALENDAR_MAIL_FROM"),
        ({"CALENDAR_MAIL_FROM": "提醒 <reminders@>"}, "CALENDAR_MAIL_FROM"),
        ({"CALENDAR_MAIL_FROM": "提醒 <提醒@example.com>"}, "is not ASCII"),
    ],
)
def test_bad_settings_are_named_at_start(env: dict[str, str], message: str) -> None:
    result = run_cli("activities", env=env)
    assert result.code == 2
    assert message in result.err and "invalid settings" in result.err
    assert "Traceback" not in result.err and "secret" not in result.err


def test_bad_catalog_stops_with_file_and_key(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parent.parent / "data" / "activities.toml"
    bad = tmp_path / "activities.toml"
    bad.write_text(
        shipped.read_text(encoding="utf-8").replace(
            'cycle = "quarterly"', 'cycle = "fortnightly"', 1
        ),
        encoding="utf-8",
    )
    result = run_cli("occurrences", env={"CALENDAR_CATALOG_PATH": str(bad)})
    assert result.code == 2
    assert f"{bad}: the activity catalog is not valid" in result.err
    assert "activities.quarterly-new-arrivals.cycle" in result.err
    assert "Traceback" not in result.err


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand of the CLI, as the words that call it."""
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(cli))


def test_the_command_list_is_the_cli_s() -> None:
    assert len(COMMANDS) >= 16 and ("db", "upgrade") in COMMANDS and ("remind",) in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--help")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Usage: calendar-service {' '.join(command)} ")
    summary = result.out.split("\n\n", 2)[1].strip()
    assert len(summary) >= 20  # a sentence saying what it does, not an empty docstring
