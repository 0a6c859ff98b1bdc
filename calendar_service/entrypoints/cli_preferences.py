"""The `preferences` command, and the preference options it shares with `subscribe`.

A bad value is one line saying what to write (exit 2), checked before anything is read or
written: the options' callbacks raise UserError, which `cli.main` prints without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from calendar_service.domain.subscriptions import (
    CYCLES,
    DAILY_SUMMARIES,
    LOCALES,
    PreferenceChange,
    Preferences,
    Subscription,
    cycles_text,
    parse_cycles,
    recipient_of,
)
from calendar_service.entrypoints.cli_common import get_container, print_json
from calendar_service.errors import UserError


def _cycles(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return cycles_text(parse_cycles(value))
    except ValueError as e:
        raise UserError(f"--cycles: {e}") from None


def _summary(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and value not in DAILY_SUMMARIES:
        raise UserError(f"--daily-summary {value!r} is not one of weekly, daily: write one of them")
    return value


def _locale(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    value = "zh-CN" if value == "zh" else value
    if value is not None and value not in LOCALES:
        raise UserError(f"--lang {value!r} is not one of {', '.join(LOCALES)}: write one of them")
    return value


CYCLES_OPTION = click.option(
    "--cycles",
    callback=_cycles,
    metavar="CYCLE,...|all",
    help=f"The cycles whose activities reminders tell about: some of {', '.join(CYCLES)}, "
    "comma-separated, or all (new subscriptions: all).",
)
INELIGIBLE_OPTION = click.option(
    "--include-ineligible/--no-ineligible",
    "include_ineligible",
    default=None,
    help="Whether a store that cannot sign up is told about, with what it lacks (new "
    "subscriptions: included).",
)
SUMMARY_OPTION = click.option(
    "--daily-summary",
    callback=_summary,
    metavar="weekly|daily",
    help="How often the daily activities are summed up (new subscriptions: weekly).",
)


F = TypeVar("F", bound=Callable[..., Any])


def lang_option(default: str | None) -> Callable[[F], F]:
    """`--lang` (also `--locale`): the language of the reminder emails, zh-CN or en."""
    return click.option(
        "--lang",
        "--locale",
        "locale",
        callback=_locale,
        default=default,
        show_default=default is not None,
        metavar="zh-CN|en",
        help="The language of the reminder emails.",
    )


@click.command()
@click.argument("email")
@click.option(
    "--store",
    "stores",
    multiple=True,
    help="Only the address's subscription to this store (repeat for several).",
)
@CYCLES_OPTION
@INELIGIBLE_OPTION
@SUMMARY_OPTION
@lang_option(None)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def preferences(
    email: str,
    stores: tuple[str, ...],
    cycles: str | None,
    include_ineligible: bool | None,
    daily_summary: str | None,
    locale: str | None,
    as_json: bool,
) -> None:
    """Show EMAIL's subscriptions with their preferences; given any preference option, set it
    on all of the address's active subscriptions (or on the --store ones) and say what changed.

    \b
    calendar-service preferences ops@agency.example
    calendar-service preferences ops@agency.example --cycles monthly,daily --daily-summary daily
    calendar-service preferences ops@agency.example --store b2b-220011 --no-ineligible
    """
    try:
        address = recipient_of(email)
    except ValueError as e:
        raise UserError(str(e)) from None
    chosen = Preferences.checked(cycles, include_ineligible, daily_summary, locale)
    repository = get_container().repository
    watched = {s.store_id for s in repository.subscriptions_of(address)}
    missing = sorted(set(stores) - watched)
    if missing:
        raise UserError(
            f"{address} has no active subscription to store {', '.join(missing)}: "
            "subscribe first, or leave that --store out"
        )
    changes: list[PreferenceChange] = []
    if not chosen.empty:
        try:
            changes = repository.set_recipient_preferences(address, chosen, stores or None)
        except ValueError as e:
            raise UserError(str(e)) from None
    found = [s for s in repository.subscriptions_of(address) if not stores or s.store_id in stores]
    names = repository.store_names([s.store_id for s in found])
    if as_json:
        print_json(
            {
                "email": address,
                "changed": [change_json(c) for c in changes],
                "subscriptions": [subscription_json(s, names.get(s.store_id)) for s in found],
            }
        )
        return
    if not chosen.empty:
        click.echo(changes_text(changes))
    if not found:
        click.echo(f"{address} has no active subscription; add one with `subscribe STORE EMAIL`")
        return
    click.echo(table(found, names))


def subscription_json(s: Subscription, name: str | None) -> dict[str, Any]:
    return {
        "store_id": s.store_id,
        "store_name": name,
        "email": s.email,
        "cycles": [c for c in CYCLES if c in s.cycles],
        "include_ineligible": s.include_ineligible,
        "daily_summary": s.daily_summary,
        "locale": s.locale,
    }


def _shown(name: str, value: Any) -> str:
    if name == "cycles":
        return cycles_text(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def change_json(change: PreferenceChange) -> dict[str, Any]:
    def value(name: str, s: Subscription) -> Any:
        found = getattr(s, name)
        return [c for c in CYCLES if c in found] if name == "cycles" else found

    return {
        "store_id": change.before.store_id,
        **{
            n: {"before": value(n, change.before), "after": value(n, change.after)}
            for n in change.changed
        },
    }


def changes_text(changes: list[PreferenceChange]) -> str:
    """One line per subscription that changed, then how many; or that nothing did."""
    if not changes:
        return "nothing changed: the preferences were already so"
    lines = []
    for c in changes:
        what = "; ".join(
            f"{n} {_shown(n, getattr(c.before, n))} → {_shown(n, getattr(c.after, n))}"
            for n in c.changed
        )
        lines.append(f"{c.before.store_id}: {what}")
    noun = "subscription" if len(changes) == 1 else "subscriptions"
    lines.append(f"{len(changes)} {noun} changed")
    return "\n".join(lines)


def table(found: list[Subscription], names: dict[str, str | None]) -> str:
    """The subscriptions as aligned columns; the store's name last (its width varies)."""
    head = ("store", "cycles", "ineligible", "daily summary", "lang", "name")
    rows = [
        (
            s.store_id,
            cycles_text(s.cycles),
            _shown("include_ineligible", s.include_ineligible),
            s.daily_summary,
            s.locale,
            names.get(s.store_id) or "",
        )
        for s in found
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head) - 1)]
    return "\n".join(
        "  ".join([*(v.ljust(w) for v, w in zip(r, widths, strict=False)), r[-1]]).rstrip()
        for r in [head, *rows]
    )
