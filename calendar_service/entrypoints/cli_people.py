"""Who hears and who may ask: `subscribe`, `unsubscribe` and the `apikey` commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from calendar_service.domain.recipients import robot_id_of
from calendar_service.domain.subscriptions import (
    DEFAULT_LOCALE,
    PreferenceChange,
    Preferences,
    recipient_of,
)
from calendar_service.entrypoints.cli_common import get_container, print_json
from calendar_service.entrypoints.cli_preferences import (
    CYCLES_OPTION,
    INELIGIBLE_OPTION,
    SUMMARY_OPTION,
    changes_text,
    lang_option,
)
from calendar_service.errors import UnknownStoreError, UserError

if TYPE_CHECKING:
    from calendar_service.adapters.db.api_keys import ApiKeys

ROBOT_OPTIONS = (("dingtalk", "DingTalk"), ("wecom", "WeCom (企业微信)"), ("feishu", "Feishu"))


def _robot_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for channel, name in reversed(ROBOT_OPTIONS):
        command = click.option(
            f"--{channel}",
            metavar="URL",
            help=f"Send to a {name} group robot's webhook instead of an address (then no EMAIL).",
        )(command)
    return click.option(
        "--secret",
        envvar="CALENDAR_ROBOT_SECRET",
        metavar="S",
        help="The DingTalk or Feishu robot's signing secret (or CALENDAR_ROBOT_SECRET, which "
        "keeps it out of the shell's history).",
    )(command)


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="STORE... [EMAIL]")
@_robot_options
@lang_option(DEFAULT_LOCALE)
@CYCLES_OPTION
@INELIGIBLE_OPTION
@SUMMARY_OPTION
def subscribe(
    targets: tuple[str, ...],
    dingtalk: str | None,
    wecom: str | None,
    feishu: str | None,
    secret: str | None,
    locale: str,
    cycles: str | None,
    include_ineligible: bool | None,
    daily_summary: str | None,
) -> None:
    """Send the stores' sign-up reminders to EMAIL, or to a group robot (--dingtalk, --wecom,
    --feishu URL): one message a day gathering every store it watches.

    Subscribing again is harmless: it re-activates an ended subscription and updates the
    language; the other preferences change only when given (see `preferences`). A robot's URL
    and secret are kept encrypted and never printed back.
    """
    robots = {c: u for c, u in (("dingtalk", dingtalk), ("wecom", wecom), ("feishu", feishu)) if u}
    if len(robots) > 1:
        raise UserError("give one of --dingtalk, --wecom, --feishu: one robot at a time")
    given = click.get_current_context().get_parameter_source("secret")
    typed = given is click.core.ParameterSource.COMMANDLINE
    if robots:
        ((channel, url),) = robots.items()
        if channel == "wecom" and not typed:
            secret = None  # CALENDAR_ROBOT_SECRET is for the robots that sign
        _subscribe_robot(
            targets, channel, url, secret, locale, cycles, include_ineligible, daily_summary
        )
        return
    if typed:
        raise UserError("--secret goes with --dingtalk or --feishu: an address has no secret")
    if len(targets) < 2:
        raise UserError("name the store(s) and then the EMAIL address (or give a robot's URL)")
    *stores, email = targets
    address = _email_address(email)
    repository = get_container().repository
    for store in stores:
        if not repository.has_store(store):
            raise UnknownStoreError(f"no data for store {store!r}; import its store file first")
    for store in stores:
        _subscribe_address(store, address, locale, cycles, include_ineligible, daily_summary)


def _subscribe_address(
    store: str,
    address: str,
    locale: str,
    cycles: str | None,
    include_ineligible: bool | None,
    daily_summary: str | None,
) -> None:
    repository = get_container().repository
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


def _subscribe_robot(
    stores: tuple[str, ...],
    channel: str,
    url: str,
    secret: str | None,
    locale: str,
    cycles: str | None,
    include_ineligible: bool | None,
    daily_summary: str | None,
) -> None:
    container = get_container()
    try:
        preferences = Preferences.checked(cycles, include_ineligible, daily_summary, None)
        from calendar_service.services.robot_subscriptions import subscribe_robot  # noqa: PLC0415

        done = subscribe_robot(
            container.robots,
            container.repository,
            stores,
            channel,
            url,
            secret,
            locale,
            dt.datetime.now(dt.UTC),
            preferences,
        )
    except LookupError as e:
        raise UnknownStoreError(str(e).strip('"')) from None
    except ValueError as e:
        raise UserError(str(e)) from None
    robot = done.robot
    state = "added" if done.added else "found again"
    click.echo(f"{robot.name('en')} ({robot.key}, {state})")
    watched = [sub.store_id for sub in done.subscriptions]
    shown = ", ".join(watched[:5]) + (f" and {len(watched) - 5} more" if len(watched) > 5 else "")
    noun = "store" if len(watched) == 1 else "stores"
    locale = done.subscriptions[0].locale
    click.echo(f"subscribed: {robot.key} → {len(watched)} {noun}: {shown} ({locale})")


@click.command()
@click.argument("email")
@click.argument("store", required=False)
def unsubscribe(email: str, store: str | None) -> None:
    """Stop reminders to EMAIL (or a robot, as dingtalk:3): for STORE only, or every store."""
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
    """The address, normalised (a robot's key, as dingtalk:3, as it is); a UserError naming it and
    saying what is wrong otherwise."""
    try:
        return recipient_of(email)
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


@click.group()
def robots() -> None:
    """The group robots that receive reminders: their health, and resuming a paused one."""


@robots.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def robots_list(as_json: bool) -> None:
    """Every robot: its key (dingtalk:3), channel, masked URL, stores and health."""
    book = get_container().robots
    rows = [(r, book.subscribed_stores(r.id)) for r in book.all()]
    if as_json:
        print_json(
            [
                {
                    "recipient": r.key,
                    "channel": r.channel,
                    "webhook": r.label,
                    "stores": stores,
                    "failures": r.failures,
                    "last_error": r.last_error,
                    "paused_at": r.paused_at.isoformat() if r.paused_at else None,
                }
                for r, stores in rows
            ]
        )
        return
    if not rows:
        click.echo("no robots: add one with subscribe STORE... --dingtalk/--wecom/--feishu URL")
    for r, stores in rows:
        health = f"PAUSED since {r.paused_at:%Y-%m-%d %H:%M} UTC" if r.paused_at else "ok"
        if r.failures:
            health += f", {r.failures} failures in a row: {r.last_error}"
        click.echo(f"{r.key}\t{r.name('en')}\t{len(stores)} stores\t{health}")


@robots.command("resume")
@click.argument("robot")
def robots_resume(robot: str) -> None:
    """Send to a paused robot again (ROBOT is its key, as dingtalk:3, or the number), once
    its group or URL is fixed; adding the robot again with `subscribe` resumes it too."""
    found = robot_id_of(robot) or (int(robot) if robot.isdigit() else None)
    resumed = None if found is None else get_container().robots.resume(found)
    if resumed is None:
        raise UserError(f"no robot {robot!r}: `calendar-service robots list` shows them")
    click.echo(f"resumed {resumed.key} ({resumed.name('en')})")
