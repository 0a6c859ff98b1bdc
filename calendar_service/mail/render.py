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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ParamSpec
from zoneinfo import ZoneInfo

import jinja2

from calendar_service.domain.catalog import Activity
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_WINDOW
from calendar_service.domain.formatting import is_zh
from calendar_service.domain.verdicts import Verdict, VerdictStatus
from calendar_service.mail.dates import countdown_text, day_text, moment_text, span_text
from calendar_service.mail.message import SUBJECT_MAX, MailLinks, Rendered, single_line, truncate
from calendar_service.mail.view import (
    CANDIDATES,
    STATUS_COLOR,
    STATUS_MARKS,
    Block,
    StoreSection,
    block_notes,
    criterion_rows,
    product_candidate,
    status_key,
    summary,
    why,
)

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
def catalogue(templates_dir: Path) -> dict[str, Any]:
    """The words of every mail (messages.toml), a table per locale; read once."""
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
    def zh(self) -> bool:
        return self.lang == "zh-CN"

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.tz).date()

    @property
    def zone(self) -> str:
        return str(self.t["china_time"]) if self.tz.key == "Asia/Shanghai" else self.tz.key

    def local(self, at: dt.datetime) -> str:
        return moment_text(at.astimezone(self.tz), self.zh, self.today)

    def day(self, day: dt.date) -> str:
        return day_text(day, self.zh, self.today)

    def span(self, start: dt.date, end: dt.date) -> str:
        return span_text(start, end, self.zh, self.today)


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
    return _Mail(catalogue(templates_dir)[lang], lang, now, tz, links, store, templates_dir)


def render_errors(func: Callable[P, Rendered]) -> Callable[P, Rendered]:
    """Any failure while rendering becomes a RenderError naming the reminder (or the day's
    message, by how many items it holds)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Rendered:
        try:
            return func(*args, **kwargs)
        except RenderError:
            raise
        except Exception as error:
            items = kwargs.get("items")
            what = (
                f"day's message of {len(items)} items"
                if isinstance(items, Sequence)
                else f"{kwargs.get('kind', func.__name__)} mail for store {kwargs.get('store_id')}"
            )
            problem = f"{type(error).__name__}: {error}"
            raise RenderError(f"cannot render the {what}: {problem}") from error

    return wrapper


@render_errors
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
    words = {"activity": block.name, "countdown": block.countdown or "", "verdict": block.verdict}
    if kind == "prepare":
        # Said as it is on the day the mail goes out: a late mail must not say "starts today".
        starts = (occurrence.deadline_at - SALES_WINDOW).astimezone(tz).date()
        phase = "today" if starts == mail.today else "before" if mail.today < starts else "after"
        words["when"] = mail.t["window_when"][phase].format(day=mail.day(starts))
        window = mail.span(starts, occurrence.deadline_on)
        intro.append(mail.t["window_starts"].format(window=window))
    return _render(mail, variant, words, intro, _section(mail, [block], verdicts=[verdict]))


@render_errors
def render_digest(
    *,
    locale: str,
    verdicts: Sequence[tuple[Activity, Occurrence, Verdict]],
    week_start: dt.date,
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    store_name: str | None,
    store_id: str,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """The weekly digest of the daily activities: which pass and which do not, named at the
    top, then one block per activity with its failing criteria first."""
    mail = _mail(locale, now, tz, links, store_name, store_id, templates_dir)
    blocks = [_block(mail, a, o, v, condense=True) for a, o, v in verdicts]
    section = _section(mail, blocks, [v for _, _, v in verdicts], with_summary=True)
    week = mail.span(week_start, week_start + dt.timedelta(days=6))
    return _render(mail, "digest", {"week": week}, [mail.t["intros"]["digest"]], section)


@render_errors
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
    section = _section(mail, [block], [verdict])
    return _render(mail, variant, {"activity": block.name}, intro, section)


def _render(
    mail: _Mail, variant: str, words: dict[str, str], intro: list[str], section: StoreSection
) -> Rendered:
    t, words = mail.t, {**words, "store": mail.store}
    subject = truncate(single_line(t["subjects"][variant].format(**words)), SUBJECT_MAX)
    context = {
        "t": t,
        "lang": mail.lang,
        "subject": subject,
        "headline": t["headlines"][variant].format(**words),
        "intro": intro,
        "sections": [section],
        "links": mail.links,
        "generated": t["generated"].format(now=f"{mail.local(mail.now)} {mail.zone}"),
        "footer": t["footer"].format(store=mail.store),
    }
    env = environment(mail.templates_dir)
    text, html = (render_part(env, name, context) for name in PARTS)
    return Rendered(subject, text, html, locale=mail.lang)


def render_part(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """One part of a mail from its template; a template error becomes a RenderError."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateError as error:
        raise RenderError(f"template {name}: {type(error).__name__}: {error}") from error


def _section(
    mail: _Mail, blocks: list[Block], verdicts: Sequence[Verdict], *, with_summary: bool = False
) -> StoreSection:
    """One store's part of a mail: what holds for all its blocks is said once, here; with a
    single block, in the block (its data date at its foot, as the reader finishes)."""
    notes = tuple(dict.fromkeys(n for v in verdicts for n in block_notes(v, mail.lang)[1]))
    days = {v.data_as_of for v in verdicts if v.data_as_of is not None}
    common = days.pop() if len(days) == 1 and len(blocks) > 1 else None
    if common is not None:  # every block has the same data date: said once for the store
        blocks = [replace(b, data_as_of=None) for b in blocks]
    if len(blocks) == 1:
        blocks, notes = [replace(blocks[0], notes=notes + blocks[0].notes)], ()
    return StoreSection(
        name=mail.store,
        summary=summary(mail.t, blocks) if with_summary else (),
        notes=notes,
        data_as_of=None if common is None else mail.local(common),
        blocks=tuple(blocks),
        store_page=mail.links.store_page,
        calendar=mail.links.calendar,
    )


def _block(
    mail: _Mail,
    activity: Activity,
    occurrence: Occurrence,
    verdict: Verdict,
    condense: bool = False,
) -> Block:
    t, zh, o = mail.t, mail.zh, occurrence
    entry = None
    if activity.entry_uv is not None:
        entry = t["entry_uv"].format(uv=f"{activity.entry_uv:,}")
        note = activity.entry_uv_note_zh if zh else activity.entry_uv_note_en
        entry += t["aside"].format(note=note) if note else ""
    series, key = o.is_series, status_key(verdict)
    rows, met = criterion_rows(verdict, mail.lang, condense)
    deadline = t["deadline_at"].format(day=mail.day(o.deadline_on), zone=mail.zone)
    return Block(
        name=activity.name_zh if zh else activity.name_en,
        status_key=key,
        status=t["statuses"][key],
        verdict=t["verdicts"][key],
        color=STATUS_COLOR.get(key, STATUS_COLOR["unknown"]),
        mark=STATUS_MARKS.get(key, "?"),
        signup=t["series"] if series else mail.span(o.opens_on, o.deadline_on),
        deadline=None if series else deadline,
        countdown=None if series else countdown_text(t, o, mail.today),
        event=None if series else mail.span(o.event_starts_on, o.event_ends_on),
        entry=entry,
        rows=rows,
        met=t["met"].format(count=len(met), labels=t["list_sep"].join(met)) if met else "",
        notes=block_notes(verdict, mail.lang)[0],
        candidates=tuple(product_candidate(t, p, mail.lang) for p in verdict.products[:CANDIDATES]),
        tips=() if condense else (activity.tips_zh if zh else activity.tips_en),
        data_as_of=None if verdict.data_as_of is None else mail.local(verdict.data_as_of),
        why=why(t, verdict, mail.lang),
    )
