"""The `calendar-service` command line: parses arguments, calls the use cases, prints."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from calendar_service.domain.catalog import Cycle
from calendar_service.domain.cycles import occurrences as find_occurrences
from calendar_service.domain.locale import locale_of
from calendar_service.domain.verdict_json import to_json
from calendar_service.entrypoints import cli_text
from calendar_service.entrypoints.cli_common import (
    LANGS,
    date_option,
    get_container,
    instant,
    print_json,
)
from calendar_service.entrypoints.cli_db import db
from calendar_service.entrypoints.cli_feeds import feed, feed_url
from calendar_service.entrypoints.cli_people import apikey, robots, subscribe, unsubscribe
from calendar_service.entrypoints.cli_preferences import preferences
from calendar_service.entrypoints.cli_reminders import preview, remind
from calendar_service.entrypoints.render_verdict import report_text
from calendar_service.errors import UserError
from calendar_service.text.catalog import (
    catalog_json,
    catalog_text,
    occurrence_json,
    occurrences_text,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Promotion calendar and reminder service for 1688 sellers (1688 活动日历与报名提醒)."""


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the catalog as JSON.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
def activities(as_json: bool, lang: str) -> None:
    """List the activity catalog: cycles, windows and criteria."""
    catalog = get_container().catalog
    if as_json:
        print_json(catalog_json(catalog))
    else:
        click.echo(catalog_text(catalog, locale_of(lang)))


@cli.command()
@click.option(
    "--from", "start", callback=date_option, help="First day (YYYY-MM-DD); default today."
)
@click.option(
    "--to", "end", callback=date_option, help="Day after the last (YYYY-MM-DD); default +90 days."
)
@click.option("--cycle", type=click.Choice([c.value for c in Cycle]), help="Only this cycle.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
def occurrences(
    start: dt.date | None, end: dt.date | None, cycle: str | None, as_json: bool, lang: str
) -> None:
    """List sign-up windows and event periods in a range of days [--from, --to)."""
    container = get_container()
    tz = container.settings.tz
    start = start or dt.datetime.now(tz).date()
    end = end or start + dt.timedelta(days=90)
    if end <= start:
        raise UserError(f"--to ({end}) must be after --from ({start})")
    found = find_occurrences(container.catalog, start, end, tz, Cycle(cycle) if cycle else None)
    if as_json:
        print_json([occurrence_json(container.catalog, o) for o in found])
    else:
        click.echo(occurrences_text(container.catalog, found, locale_of(lang)))


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--skip-invalid", is_flag=True, help="Import the good rows, report the bad ones.")
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
def import_(files: tuple[Path, ...], skip_invalid: bool, now_text: str | None) -> None:
    """Import store or product files: CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX or JSON.

    A file with any bad row is rejected whole, every bad row reported as FILE:LINE: column:
    message, and the exit status is 1; --skip-invalid imports the good rows instead.
    """
    container = get_container()
    now = instant(now_text, container.settings.tz)
    from calendar_service.services.importing import import_files, read_limits  # noqa: PLC0415

    outcomes = import_files(
        list(files),
        container.repository,
        container.settings.tz,
        now,
        skip_invalid,
        progress=sys.stderr.isatty(),
        limits=read_limits(container.settings),
    )
    for outcome in outcomes:
        for warning in outcome.warnings:
            click.echo(f"warning: {outcome.path}: {warning}", err=True)
        for error in outcome.errors:
            click.echo(str(error), err=True)
        click.echo(cli_text.import_summary(outcome))
    if any(o.rejected for o in outcomes):
        sys.exit(1)


@cli.command()
@click.argument("store")
@click.option("--activity", help="Only this activity (a catalog key, e.g. daily-group-wholesale).")
@click.option("--at", "at_text", metavar="T", help="Judge as of this time; default now.")
@click.option("--json", "as_json", is_flag=True, help="Print the design's JSON shape.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
def eligibility(
    store: str, activity: str | None, at_text: str | None, as_json: bool, lang: str
) -> None:
    """A store's status for the windows open now or next, criterion by criterion."""
    container = get_container()
    settings = container.settings
    at = instant(at_text, settings.tz, "--at")
    from calendar_service.services.eligibility import store_report  # noqa: PLC0415

    report = store_report(
        container.catalog,
        container.repository,
        store,
        at,
        settings.tz,
        dt.timedelta(days=settings.stale_after_days),
        activity,
    )
    locale = locale_of(lang)
    if as_json:
        data = [to_json(v, locale) for v in report.verdicts]
        print_json(data[0] if activity else data)
    else:
        click.echo(report_text(report, locale, detail=activity is not None, tz=settings.tz))


@cli.command()
@click.option("--host", help="Listen on this address (default CALENDAR_HOST, 127.0.0.1).")
@click.option("--port", type=int, help="Listen on this port (default CALENDAR_PORT, 8000).")
@click.option("--sample", is_flag=True, help="Load the sample data into an empty database.")
@click.option(
    "--scheduler-only", is_flag=True, help="Run the planners and the dispatcher, no web app."
)
@click.option(
    "--web-only", is_flag=True, help="Serve the web app only (several web workers, one scheduler)."
)
@click.option(
    "--now", "now_text", metavar="T", help="Start the daemon's clock at T; it runs on from there."
)
@click.option(
    "--tick",
    type=click.FloatRange(min=0.2),
    default=60.0,
    show_default=True,
    help="Seconds between dispatcher runs (and import checks).",
)
@click.option(
    "--lease",
    type=click.FloatRange(min=1),
    default=600.0,
    show_default=True,
    help="Seconds a claimed reminder stays with this daemon before another may take it over.",
)
def run(
    host: str | None,
    port: int | None,
    sample: bool,
    scheduler_only: bool,
    web_only: bool,
    now_text: str | None,
    tick: float,
    lease: float,
) -> None:
    """The daemon: the scheduler (planners, dispatcher) and the web app, until SIGTERM/SIGINT.

    One scheduler per SQLite database (a second one refuses to start); on PostgreSQL several
    daemons may share the database. At scale, run web workers with --web-only.
    """
    from calendar_service.entrypoints.daemon import DaemonOptions, run_daemon  # noqa: PLC0415

    if scheduler_only and web_only:
        raise click.UsageError("--scheduler-only and --web-only exclude each other")
    container = get_container(schema="upgrade")
    settings = container.settings
    start = None if now_text is None else instant(now_text, settings.tz)
    now = start or dt.datetime.now(settings.tz)
    repository = container.repository  # creates the schema, or upgrades it, before serving
    if sample:
        from calendar_service.services.sample import load_sample  # noqa: PLC0415

        added = load_sample(settings.sample_dir, repository, settings.tz, now)
        if added:
            click.echo(f"sample data loaded: {added} stores from {settings.sample_dir}", err=True)
            # A fresh demo: a key to sign in to the dashboard with, shown this once.
            key = container.api_keys.create("sample", now)
            click.echo(
                f"dashboard sign-in key (made for the sample data, shown once): {key}\n"
                "  more keys: calendar-service apikey create NAME",
                err=True,
            )
    if not scheduler_only:
        upcoming = [
            o
            for o in find_occurrences(
                container.catalog, now.date(), now.date() + dt.timedelta(days=45), settings.tz
            )
            if not o.is_series and o.deadline_at > now
        ]
        click.echo(occurrences_text(container.catalog, upcoming, "zh-CN"))
        shown_host, shown_port = host or settings.host, port or settings.port
        click.echo(
            f"\nserving http://{shown_host}:{shown_port}/  "
            f"(catalog feed: {settings.base_url}/calendar.ics)"
        )
    options = DaemonOptions(
        mode="scheduler" if scheduler_only else "web" if web_only else "both",
        host=host,
        port=port,
        start=start,
        tick=dt.timedelta(seconds=tick),
        lease=dt.timedelta(seconds=lease),
    )
    sys.exit(run_daemon(container, options))


for command in (
    feed,
    feed_url,
    subscribe,
    unsubscribe,
    preferences,
    robots,
    apikey,
    db,
    remind,
    preview,
):
    cli.add_command(command)


def main() -> None:
    """Console entry point: user errors become a message and an exit status, never a traceback."""
    try:
        status = cli.main(prog_name="calendar-service", standalone_mode=False)
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
    except Exception as e:
        from calendar_service.adapters.db.health import database_problem  # noqa: PLC0415

        problem = database_problem(e)  # a read-only or full database: one line, no traceback
        if problem is None:
            raise
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
