"""Who hears and who may ask: `subscribe`, `unsubscribe` and the `apikey` commands."""

from __future__ import annotations

import datetime as dt

import click

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.domain.subscriptions import (
    DEFAULT_LOCALE,
    PreferenceChange,
    subscriber_address,
)
from calendar_service.entrypoints.cli_common import (
    get_container,
)
from calendar_service.entrypoints.cli_preferences import (
    CYCLES_OPTION,
    INELIGIBLE_OPTION,
    SUMMARY_OPTION,
    changes_text,
    lang_option,
)
from calendar_service.errors import UnknownStoreError, UserError


@click.command()
@click.argument("store")
@click.argument("email")
@lang_option(DEFAULT_LOCALE)
@CYCLES_OPTION
@INELIGIBLE_OPTION
@SUMMARY_OPTION
def subscribe(
    store: str,
    email: str,
    locale: str,
    cycles: str | None,
    include_ineligible: bool | None,
    daily_summary: str | None,
) -> None:
    """Send STORE's sign-up reminders to EMAIL (run once per store for an agency's address).

    Subscribing again is harmless: it re-activates an ended subscription and updates the
    language; the other preferences change only when given (see `preferences`).
    """
    address = _email_address(email)
    repository = get_container().repository
    if not repository.has_store(store):
        raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
    before = {s.email: s for s in repository.subscriptions(store, active_only=False)}.get(address)
    subscription = repository.subscribe(
        store,
        address,
        locale,
        cycles=cycles,
        include_ineligible=include_ineligible,
        daily_summary=daily_summary,
    )
    changed = () if before is None else PreferenceChange(before, subscription).changed
    if before is None:
        done = "subscribed"
    elif not before.active:
        done = "subscribed again"
    elif changed == ("locale",):
        done = f"changed locale from {before.locale}"
    elif changed:
        done = "changed preferences"
    else:
        done = "already subscribed"
    click.echo(f"{done}: {subscription.email} → {store} ({subscription.locale})")
    if before is not None and changed and changed != ("locale",):
        click.echo(changes_text([PreferenceChange(before, subscription)]).splitlines()[0])


@click.command()
@click.argument("email")
@click.argument("store", required=False)
def unsubscribe(email: str, store: str | None) -> None:
    """Stop reminder emails to EMAIL: for STORE only, or for every store when none is given."""
    address = _email_address(email)
    repository = get_container().repository
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


@click.group()
def apikey() -> None:
    """API keys for the JSON API and the dashboard sign-in (shown once, stored hashed)."""


def _api_keys() -> ApiKeys:
    return get_container().api_keys


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
