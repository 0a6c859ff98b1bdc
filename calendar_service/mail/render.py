"""What renders a message from Jinja2 templates: their environment, their words, and the rule
that a render is all or nothing.

The templates (`templates/mail/day.{txt,html}.j2`) only lay out a view built in Python; their
words live in `templates/mail/messages.toml`, one table per locale. Any failure while
rendering (a missing variable under StrictUndefined, a missing message key) raises
RenderError, so the dispatcher records it and never sends half a message.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping, Sized
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"

P = ParamSpec("P")
R = TypeVar("R")


class RenderError(Exception):
    """A message could not be rendered (template, message or data problem); nothing to send."""


@functools.cache
def environment(templates_dir: Path) -> jinja2.Environment:
    """The templates' environment: HTML autoescaped, undefined variables an error; each
    template read and compiled once (no check for changes on every mail: restart to reload)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        auto_reload=False,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def catalogue(templates_dir: Path) -> dict[str, Any]:
    """The words of every mail (messages.toml), a table per locale; read once."""
    with (templates_dir / "mail" / "messages.toml").open("rb") as file:
        return tomllib.load(file)


def render_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Any failure while rendering (a mail, its context or a robot's message) becomes a
    RenderError naming the day's message by how many items it holds."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except RenderError:
            raise
        except Exception as error:
            items = kwargs.get("items")
            count = len(items) if isinstance(items, Sized) else "?"
            problem = f"{type(error).__name__}: {error}"
            what = f"the day's message of {count} items"
            raise RenderError(f"cannot render {what}: {problem}") from error

    return wrapper


def render_part(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """One part of a mail from its template; a template error becomes a RenderError."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name}: {type(error).__name__}: {error}") from error
