"""The `calendar-service` command line: parses arguments, calls the use cases, prints."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import click

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.bootstrap import Container, SchemaPolicy
from calendar_service.domain.catalog import Cycle
from calendar_service.domain.cycles import occurrences as find_occurrences
from calendar_service.domain.subscriptions import DEFAULT_LOCALE, LOCALES, subscriber_address
from calendar_service.domain.time_range import out_of_range
from calendar_service.domain.verdict_json import to_json
from calendar_service.entrypoints import cli_text
from calendar_service.entrypoints.cli_db import db
from calendar_service.entrypoints.render_verdict import report_text
from calendar_service.errors import UnknownStoreError, UserError
from calendar_service.feeds import parse_options
from calendar_service.mail.transport import make_transport
from calendar_service.services.compose_pool import make_composer
from calendar_service.services.dispatch import due_reminders, run_dispatch
from calendar_service.services.eligibility import store_report
from calendar_service.services.feeds import catalog_feed, stores_feed, subscribe_links
from calendar_service.services.importing import import_files, read_limits
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.services.status_watch import watch_daily_statuses
from calendar_service.settings import load_settings
from calendar_service.text.catalog import (
    catalog_json,
    catalog_text,
    occurrence_json,
    occurrences_text,
)

LANGS = click.Choice(["zh", "en"])


def _container(schema: SchemaPolicy = "require") -> Container:
    ctx = click.get_current_context()
    container = ctx.find_object(Container)
    if container is None:
        container = Container(load_settings(), schema)
        ctx.obj = container
    return container


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None
    problem = out_of_range(parsed, param.opts[0], value)
    if problem is not None:
        raise click.BadParameter(problem)
    return parsed


def _instant(value: str | None, tz: dt.tzinfo, name: str = "--now") -> dt.datetime:
    """A --now / --at value: a date or ISO datetime, in the service's time zone unless it says."""
    if value is None:
        return dt.datetime.now(tz)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]"
        ) from None
    problem = out_of_range(parsed, name, value)
    if problem is not None:
        raise click.BadParameter(problem)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


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
        _print_json(catalog_json(catalog))
    else:
        click.echo(catalog_text(catalog, lang))


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
        _print_json([occurrence_json(container.catalog, o) for o in found])
    else:
        click.echo(occurrences_text(container.catalog, found, lang))


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--skip-invalid", is_flag=True, help="Import the good rows, report the bad ones.")
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
def import_(files: tuple[Path, ...], skip_invalid: bool, now_text: str | None) -> None:
    """Import store or product files: CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX or JSON.

    A file with any bad row is rejected whole, every bad row reported as FILE:LINE: column:
    message, and the exit status is 1; --skip-invalid imports the good rows instead.
    """
    container = _container()
    now = _instant(now_text, container.settings.tz)
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
    container = _container()
    settings = container.settings
    at = _instant(at_text, settings.tz, "--at")
    report = store_report(
        container.catalog,
        container.repository,
        store,
        at,
        settings.tz,
        dt.timedelta(days=settings.stale_after_days),
        activity,
    )
    locale = "en" if lang == "en" else "zh-CN"
    if as_json:
        data = [to_json(v, locale) for v in report.verdicts]
        _print_json(data[0] if activity else data)
    else:
        click.echo(report_text(report, locale, detail=activity is not None, tz=settings.tz))


@cli.command()
@click.argument("stores", nargs=-1, metavar="STORE...")
@click.option("--catalog", "catalog_only", is_flag=True, help="The public catalog feed.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here, not stdout.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
def feed(
    stores: tuple[str, ...],
    catalog_only: bool,
    output: Path | None,
    lang: str,
    now_text: str | None,
) -> None:
    """Write a feed: a store's private feed (STORE), one over several stores (STORE STORE...:
    one event per window listing the stores by status), or the public one (--catalog)."""
    if bool(stores) == catalog_only:
        raise click.UsageError("give a STORE (or several) or --catalog, not both")
    container = _container()
    settings = container.settings
    now = _instant(now_text, settings.tz)
    options = parse_options({"lang": lang})
    if not stores:
        built = catalog_feed(
            container.catalog, settings.tz, now, options, settings.base_url, container.catalog_stamp
        )
    else:
        repository = container.repository
        for store in stores:
            if not repository.has_store(store):
                raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
        built = stores_feed(
            container.catalog,
            repository,
            stores,
            settings.tz,
            now,
            options,
            None,
            container.catalog_stamp,
            dt.timedelta(days=settings.stale_after_days),
        )
    if output is None:
        sys.stdout.buffer.write(built.body)
    else:
        output.write_bytes(built.body)
        click.echo(f"{output}: {len(built.body):,} bytes", err=True)


@cli.command("feed-url")
@click.argument("stores", nargs=-1, metavar="STORE...")
@click.option("--all", "all_stores", is_flag=True, help="One feed over every store, new ones too.")
@click.option("--lang", type=LANGS, default="zh", show_default=True)
@click.option("--rotate", is_flag=True, help="Revoke the earlier URLs first (one STORE or --all).")
@click.option("--revoke", is_flag=True, help="Revoke the earlier URLs; print none.")
def feed_url(
    stores: tuple[str, ...], all_stores: bool, lang: str, rotate: bool, revoke: bool
) -> None:
    """Print a new private subscription URL (webcal:// and Google links too): a store's feed,
    one over several stores (STORE STORE...), or one over every store (--all).

    Only a hash of each URL's token is stored, so a URL is shown once: keep it. Earlier URLs
    keep working until --rotate or --revoke; revoking a store's URLs also ends the URLs over
    several stores that show it.
    """
    if bool(stores) == all_stores:
        raise click.UsageError("give a STORE (or several) or --all, not both")
    if (revoke or rotate) and len(stores) > 1:
        raise click.UsageError(
            "--rotate and --revoke take one STORE or --all; "
            "revoking each store's URLs (feed-url STORE --revoke) ends the feeds that show it"
        )
    container = _container()
    repository = container.repository
    for store in stores:
        if not repository.has_store(store):
            raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
    if revoke or rotate:
        revoked = repository.revoke_feed_tokens(stores[0] if stores else None)
        click.echo(f"revoked {revoked} earlier URL{'s' if revoked != 1 else ''}", err=True)
        if revoke:
            return
    if len(stores) == 1:
        token = repository.create_feed_token(stores[0])
    else:
        token = repository.create_stores_feed_token(stores or None)
    query = "?lang=en" if lang == "en" else ""
    links = subscribe_links(f"{container.settings.base_url}/feeds/{token}.ics{query}")
    click.echo(links.https)
    click.echo(links.webcal)
    click.echo(links.google)


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
    container = _container(schema="upgrade")
    settings = container.settings
    start = None if now_text is None else _instant(now_text, settings.tz)
    now = start or dt.datetime.now(settings.tz)
    repository = container.repository  # creates the schema, or upgrades it, before serving
    if sample:
        added = load_sample(settings.sample_dir, repository, settings.tz, now)
        if added:
            click.echo(f"sample data loaded: {added} stores from {settings.sample_dir}", err=True)
            # A fresh demo: a key to sign in to the dashboard with, shown this once.
            key = ApiKeys(container.engine).create("sample", now)
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
        click.echo(occurrences_text(container.catalog, upcoming, "zh"))
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


@cli.command()
@click.argument("store")
@click.argument("email")
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=DEFAULT_LOCALE,
    show_default=True,
    help="The language of the reminder emails.",
)
def subscribe(store: str, email: str, locale: str) -> None:
    """Send STORE's sign-up reminders to EMAIL (run once per store for an agency's address).

    Subscribing again is harmless: it re-activates an ended subscription and updates the locale.
    """
    address = _email_address(email)
    repository = _container().repository
    if not repository.has_store(store):
        raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
    before = {s.email: s for s in repository.subscriptions(store, active_only=False)}.get(address)
    subscription = repository.subscribe(store, address, locale)
    if before is None:
        done = "subscribed"
    elif not before.active:
        done = "subscribed again"
    elif before.locale != subscription.locale:
        done = f"changed locale from {before.locale}"
    else:
        done = "already subscribed"
    click.echo(f"{done}: {subscription.email} → {store} ({subscription.locale})")


@cli.command()
@click.argument("email")
@click.argument("store", required=False)
def unsubscribe(email: str, store: str | None) -> None:
    """Stop reminder emails to EMAIL: for STORE only, or for every store when none is given."""
    address = _email_address(email)
    repository = _container().repository
    if store is not None and not repository.has_store(store):
        raise UnknownStoreError(f"no data for store {store!r}; check the ID")
    ended = repository.unsubscribe(address, store)
    scope = f"store {store}" if store is not None else "all stores"
    if ended:
        noun = "subscription" if ended == 1 else "subscriptions"
        click.echo(f"unsubscribed {address} from {scope}: {ended} {noun} ended")
    else:
        click.echo(f"{address} had no active subscription ({scope}); nothing to do")


def _email_address(email: str) -> str:
    """The address, normalised; a UserError naming it and saying what is wrong otherwise."""
    try:
        return subscriber_address(email)
    except ValueError as e:
        raise UserError(str(e)) from None


@cli.command()
@click.option("--now", "now_text", metavar="T", help="Treat this as the current time.")
@click.option("--dry-run", is_flag=True, help="Show what would go out; change and send nothing.")
def remind(now_text: str | None, dry_run: bool) -> None:
    """One planning and dispatch pass: plan reminders, then send every one that is due."""
    container = _container()
    settings = container.settings
    now = _instant(now_text, settings.tz)
    repository = container.repository
    store = ReminderStore(container.engine)
    if dry_run:
        click.echo(
            cli_text.due_text(
                due_reminders(container.catalog, repository, store, now, settings.tz), settings.tz
            )
        )
        return
    planned = plan(container.catalog, repository, now, settings.tz)
    if planned.unknown_holiday_years:
        years = ", ".join(map(str, planned.unknown_holiday_years))
        click.echo(f"warning: no public-holiday data for {years}; Monday-Friday assumed", err=True)
    noticed = watch_daily_statuses(
        container.catalog,
        repository,
        store,
        now,
        settings.tz,
        ChineseWorkdays(),
        dt.timedelta(days=settings.stale_after_days),
    ).status_changes
    transport = make_transport(settings.smtp_url, settings.outbox_dir)
    composer = make_composer(settings, container.catalog, repository, container.signed_links)
    try:
        report = run_dispatch(
            repository,
            store,
            transport,
            composer,
            lambda: now,
            f"cli-{os.getpid()}",
            random.Random(),
        )
    finally:
        composer.close()
    for line in report.lines:
        click.echo(line, err=True)
    click.echo(
        f"planned {planned.added} new reminders, {noticed} status changes; " + report.summary()
    )


@cli.group()
def apikey() -> None:
    """API keys for the JSON API and the dashboard sign-in (shown once, stored hashed)."""


def _api_keys() -> ApiKeys:
    return ApiKeys(_container().engine)


@apikey.command("create")
@click.argument("name")
def apikey_create(name: str) -> None:
    """Create a key called NAME and print it once: only its hash is kept."""
    key = _api_keys().create(name, dt.datetime.now(dt.UTC))
    click.echo(key)
    click.echo(f"created key {name!r}; store it now, it cannot be shown again", err=True)


@apikey.command("list")
def apikey_list() -> None:
    """List the keys: name, created, revoked."""
    for key in _api_keys().listed():
        revoked = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        click.echo(f"{key.name}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t{revoked}")


@apikey.command("revoke")
@click.argument("name")
def apikey_revoke(name: str) -> None:
    """Revoke the active key called NAME; requests with it get 401 from now on."""
    revoked = _api_keys().revoke(name, dt.datetime.now(dt.UTC))
    if not revoked:
        raise UserError(f"no active key named {name!r}; see `calendar-service apikey list`")
    click.echo(f"revoked key {name!r}")


cli.add_command(db)


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


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
