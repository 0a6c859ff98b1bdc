"""The feed commands: `feed` writes a feed, `feed-url` prints, rotates or revokes private URLs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from calendar_service.entrypoints.cli_common import (
    LANGS,
    get_container,
    instant,
)
from calendar_service.errors import UnknownStoreError


@click.command()
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
    container = get_container()
    settings = container.settings
    now = instant(now_text, settings.tz)
    from calendar_service.feeds import parse_options  # noqa: PLC0415  # only when used
    from calendar_service.services.feeds import catalog_feed, stores_feed  # noqa: PLC0415

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


@click.command("feed-url")
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
    container = get_container()
    repository = container.repository
    for store in stores:
        if not repository.has_store(store):
            raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
    if revoke or rotate:
        revoked = repository.revoke_feed_tokens(stores[0] if stores else None)
        click.echo(f"revoked {revoked} earlier URL{'s' if revoked != 1 else ''}", err=True)
        if revoke:
            return
    from calendar_service.services.feed_links import issue_feed_url  # noqa: PLC0415

    links = issue_feed_url(repository, container.settings.base_url, stores or None, lang)
    click.echo(links.https)
    click.echo(links.webcal)
    click.echo(links.google)
