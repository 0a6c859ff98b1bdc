"""What the command line's modules share: the container of a command, times and dates
from options, JSON output."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from calendar_service.bootstrap import Container, SchemaPolicy
from calendar_service.domain.time_range import out_of_range
from calendar_service.settings import load_settings

LANGS = click.Choice(["zh", "en"])


def get_container(schema: SchemaPolicy = "require") -> Container:
    ctx = click.get_current_context()
    container = ctx.find_object(Container)
    if container is None:
        container = Container(load_settings(), schema)
        ctx.obj = container
    return container


def date_option(_ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
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


def instant(value: str | None, tz: dt.tzinfo, name: str = "--now") -> dt.datetime:
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


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
