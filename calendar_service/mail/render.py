"""Reminder emails rendered from Jinja2 templates: a text part and an HTML part, zh-CN or English.

The templates (`templates/mail/mail.{txt,html}.j2`) only lay out a view built here from the
verdict; their words live in `templates/mail/messages.toml`, one table per locale. A render is
all or nothing: any failure (a missing variable under StrictUndefined, a missing message key)
raises RenderError, so the dispatcher records it and never sends half a message.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec
from zoneinfo import ZoneInfo

import jinja2

from calendar_service.domain.catalog import Activity
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_WINDOW
from calendar_service.domain.formatting import is_zh
from calendar_service.domain.verdicts import Verdict, VerdictStatus
from calendar_service.mail.message import SUBJECT_MAX, MailLinks, Rendered, single_line, truncate
from calendar_service.mail.view import (
    CANDIDATES,
    STATUS_COLOR,
    Block,
    countdown_text,
    criterion_row,
    product_candidate,
)
from calendar_service.services.feeds import subscribe_links

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
PARTS = ("mail/mail.txt.j2", "mail/mail.html.j2")
BEFORE_KIND = re.compile(r"before-(\d+)d")

P = ParamSpec("P")


class RenderError(Exception):
    """A reminder could not be rendered (template, message or data problem); nothing to send."""


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
def _catalogue(templates_dir: Path) -> dict[str, Any]:
    with (templates_dir / "mail" / "messages.toml").open("rb") as file:
        return tomllib.load(file)


@dataclass(frozen=True)
class _Mail:
    """What all of one email shares: its words, language, clock, links and store."""

    t: Mapping[str, Any]  # the locale's table of messages.toml
    lang: str
    now: dt.datetime
    tz: ZoneInfo
    links: MailLinks
    store: str  # the store's name on one line, or its id
    templates_dir: Path

    @property
    def zone(self) -> str:
        return str(self.t["china_time"]) if self.tz.key == "Asia/Shanghai" else self.tz.key

    def local(self, at: dt.datetime) -> str:
        return f"{at.astimezone(self.tz):%Y-%m-%d %H:%M}"


def _mail(
    locale: str,
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    store_name: str | None,
    store_id: str,
    templates_dir: Path,
) -> _Mail:
    lang = "zh-CN" if is_zh(locale) else "en"
    store = single_line(store_name or "") or single_line(store_id)
    return _Mail(_catalogue(templates_dir)[lang], lang, now, tz, links, store, templates_dir)


def _render_errors(func: Callable[P, Rendered]) -> Callable[P, Rendered]:
    """Any failure while rendering becomes a RenderError naming the reminder."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Rendered:
        try:
            return func(*args, **kwargs)
        except RenderError:
            raise
        except Exception as error:
            what = f"{kwargs.get('kind', func.__name__)} mail for store {kwargs.get('store_id')}"
            problem = f"{type(error).__name__}: {error}"
            raise RenderError(f"cannot render the {what}: {problem}") from error

    return wrapper


@_render_errors
def render_reminder(
    *,
    kind: str,
    locale: str,
    activity: Activity,
    occurrence: Occurrence,
    verdict: Verdict,
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    store_name: str | None,
    store_id: str,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """A reminder for one occurrence: kind `opens`, `prepare` or `before-Nd` (7d, 1d…)."""
    variant = "before" if BEFORE_KIND.fullmatch(kind) else kind
    if variant not in ("opens", "prepare", "before"):
        raise RenderError(f"unknown reminder kind {kind!r}")
    mail = _mail(locale, now, tz, links, store_name, store_id, templates_dir)
    block = _block(mail, activity, occurrence, verdict)
    intro = [mail.t["intros"][variant]]
    if kind == "prepare":
        starts = (occurrence.deadline_at - SALES_WINDOW).date()
        intro.append(mail.t["window_starts"].format(start=starts, end=occurrence.deadline_on))
    words = {"activity": block.name, "countdown": block.countdown, "verdict": block.verdict}
    return _render(mail, variant, words, intro, [block])


@_render_errors
def render_digest(
    *,
    locale: str,
    verdicts: Sequence[tuple[Activity, Occurrence, Verdict]],
    week_label: str,
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    store_name: str | None,
    store_id: str,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """The weekly digest of the daily activities: one block per verdict."""
    mail = _mail(locale, now, tz, links, store_name, store_id, templates_dir)
    blocks = [_block(mail, a, o, v) for a, o, v in verdicts]
    counts = {s: sum(v.status == s for _, _, v in verdicts) for s in STATUS_COLOR}
    summary = mail.t["digest_summary"].format(total=len(verdicts), **counts)
    intro = [mail.t["intros"]["digest"], summary]
    return _render(mail, "digest", {"week": single_line(week_label)}, intro, blocks)


@_render_errors
def render_status_change(
    *,
    locale: str,
    activity: Activity,
    occurrence: Occurrence,
    verdict: Verdict,
    previous: VerdictStatus,
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    store_name: str | None,
    store_id: str,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """A store became eligible for an activity (verdict eligible) or stopped being eligible."""
    mail = _mail(locale, now, tz, links, store_name, store_id, templates_dir)
    variant = "became-eligible" if verdict.status == "eligible" else "stopped-eligible"
    block = _block(mail, activity, occurrence, verdict)
    change = mail.t["change"].format(before=mail.t["statuses"][previous], after=block.status)
    intro = [mail.t["intros"][variant], change]
    return _render(mail, variant, {"activity": block.name}, intro, [block])


def _render(
    mail: _Mail, variant: str, words: dict[str, str], intro: list[str], blocks: list[Block]
) -> Rendered:
    t, words = mail.t, {**words, "store": mail.store}
    subject = truncate(single_line(t["subjects"][variant].format(**words)), SUBJECT_MAX)
    context = {
        "t": t,
        "lang": mail.lang,
        "subject": subject,
        "headline": t["headlines"][variant].format(**words),
        "intro": intro,
        "blocks": blocks,
        "store": mail.store,
        "links": mail.links,
        "feed": subscribe_links(mail.links.feed) if mail.links.feed else None,
        "generated": t["generated"].format(now=f"{mail.local(mail.now)} {mail.zone}"),
        "footer": t["footer"].format(store=mail.store),
    }
    env = environment(mail.templates_dir)
    text, html = (_part(env, name, context) for name in PARTS)
    return Rendered(subject, text, html, locale=mail.lang)


def _part(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name}: {type(error).__name__}: {error}") from error


def _block(mail: _Mail, activity: Activity, occurrence: Occurrence, verdict: Verdict) -> Block:
    t, zh, o = mail.t, mail.lang == "zh-CN", occurrence
    entry = None
    if activity.entry_uv is not None:
        entry = t["entry_uv"].format(uv=f"{activity.entry_uv:,}")
        entry += f" ({activity.entry_uv_note})" if activity.entry_uv_note else ""
    series = o.is_series
    return Block(
        name=activity.name_zh if zh else activity.name_en,
        status=t["statuses"][verdict.status],
        verdict=t["verdicts"][verdict.status],
        color=STATUS_COLOR[verdict.status],
        signup=t["every_day"] if series else f"{o.opens_on}{t['to']}{o.deadline_on}",
        deadline=None if series else t["deadline_at"].format(day=o.deadline_on, zone=mail.zone),
        countdown=t["series"]
        if series
        else countdown_text(t, o, mail.now.astimezone(mail.tz).date()),
        event=None if series else f"{o.event_starts_on}{t['to']}{o.event_ends_on}",
        entry=entry,
        rows=tuple(criterion_row(j, verdict, mail.lang) for j in verdict.criteria),
        notes=tuple(n.text(mail.lang) for n in verdict.notes),
        candidates=tuple(product_candidate(t, p, mail.lang) for p in verdict.products[:CANDIDATES]),
        tips=activity.tips_zh if zh else activity.tips_en,
        data_as_of=None if verdict.data_as_of is None else mail.local(verdict.data_as_of),
    )
