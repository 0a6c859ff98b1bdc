"""The `calendar-service` command line: parses arguments, calls the use cases, prints."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from calendar_service.bootstrap import Container
from calendar_service.domain.catalog import Cycle
from calendar_service.domain.cycles import occurrences as find_occurrences
from calendar_service.entrypoints import render
from calendar_service.errors import UserError
from calendar_service.settings import load_settings

LANGS = click.Choice(["zh", "en"])


def _container() -> Container:
    ctx = click.get_current_context()
    container = ctx.find_object(Container)
    if container is None:
        container = Container(load_settings())
        ctx.obj = container
    return container


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Promotion calendar and reminder service for 1688 sellers (1688 活动日历与报名提醒)."""


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the catalog as JSON.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
def activities(as_json: bool, lang: str) -> None:
    """List the activity catalog: cycles, windows and criteria."""
    catalog = _container().catalog
    if as_json:
        _print_json(render.catalog_json(catalog))
    else:
        click.echo(render.catalog_text(catalog, lang))


@cli.command()
@click.option("--from", "start", callback=_date, help="First day (YYYY-MM-DD); default today.")
@click.option(
    "--to", "end", callback=_date, help="Day after the last (YYYY-MM-DD); default +90 days."
)
@click.option("--cycle", type=click.Choice([c.value for c in Cycle]), help="Only this cycle.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
def occurrences(
    start: dt.date | None, end: dt.date | None, cycle: str | None, as_json: bool, lang: str
) -> None:
    """List sign-up windows and event periods in a range of days [--from, --to)."""
    container = _container()
    tz = container.settings.tz
    start = start or dt.datetime.now(tz).date()
    end = end or start + dt.timedelta(days=90)
    if end <= start:
        raise UserError(f"--to ({end}) must be after --from ({start})")
    found = find_occurrences(container.catalog, start, end, tz, Cycle(cycle) if cycle else None)
    if as_json:
        _print_json([render.occurrence_json(container.catalog, o) for o in found])
    else:
        click.echo(render.occurrences_text(container.catalog, found, lang))


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def main() -> None:
    """Console entry point: user errors become a message and an exit status, never a traceback."""
    try:
        status = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except UserError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)
