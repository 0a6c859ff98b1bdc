"""The reminder commands: `remind` (one pass) and `preview` (what passes would send)."""

from __future__ import annotations

import datetime as dt
import os

import click

from calendar_service.entrypoints import cli_text
from calendar_service.entrypoints.cli_common import date_option, get_container, instant, print_json
from calendar_service.errors import UserError


@click.command()
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
@click.option("--dry-run", is_flag=True, help="Show what would go out now; change nothing.")
def remind(now_text: str | None, dry_run: bool) -> None:
    """One pass: plan reminders, notice status changes, send each address its message."""
    container = get_container()
    settings = container.settings
    now = instant(now_text, settings.tz)
    if dry_run:
        today = now.astimezone(settings.tz).date()
        found = container.preview(now, today, today)
        click.echo(cli_text.preview_text([p for p in found if p.send_at == now], settings.tz))
        return
    composer = container.composer()
    try:
        from calendar_service.services.reminder_pass import reminder_pass  # noqa: PLC0415

        done = reminder_pass(
            container.catalog,
            container.repository,
            container.reminder_store,
            container.transport(),
            composer,
            now,
            settings.tz,
            dt.timedelta(days=settings.stale_after_days),
            f"cli-{os.getpid()}",
        )
    finally:
        composer.close()
    if done.unknown_holiday_years:
        years = ", ".join(map(str, done.unknown_holiday_years))
        click.echo(f"warning: no public-holiday data for {years}; Monday-Friday assumed", err=True)
    for line in done.dispatch.lines:
        click.echo(line, err=True)
    click.echo(done.summary())


@click.command()
@click.option(
    "--from", "start", callback=date_option, help="First day (YYYY-MM-DD); default today."
)
@click.option(
    "--to", "end", callback=date_option, help="Day after the last (YYYY-MM-DD); default +7 days."
)
@click.option(
    "--recipient",
    metavar="EMAIL|KEY",
    help="Only this address's (or robot's, as dingtalk:3) messages.",
)
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def preview(
    start: dt.date | None,
    end: dt.date | None,
    recipient: str | None,
    now_text: str | None,
    as_json: bool,
) -> None:
    """List every message reminder passes would send over [--from, --to), from today's data;
    writes nothing."""
    container = get_container()
    tz = container.settings.tz
    now = instant(now_text, tz)
    start = start or now.astimezone(tz).date()
    end = end or start + dt.timedelta(days=7)
    if end <= start:
        raise UserError(f"--to ({end}) must be after --from ({start})")
    if end - start > dt.timedelta(days=366):
        raise UserError(f"--from {start} --to {end} spans more than a year: preview a year at most")
    found = container.preview(now, start, end - dt.timedelta(days=1), recipient)
    if as_json:
        print_json([p.as_json() for p in found])
    else:
        click.echo(cli_text.preview_text(found, tz))
