"""The day's message for a group robot: the mail's view of the day (`mail.day.day_context`)
laid out in each platform's markdown and cut to the size its webhook takes.

The layout lives in `templates/robots/{dingtalk,wecom,feishu}.md.j2`; the words are the mail's
(`templates/mail/messages.toml`, read as `t`) and a few of the robots' own
(`templates/robots/messages.toml`, read as `r`).

Every value a template prints is neutralised first (`neutral`): a store called
`[x](http://evil)`, `**` or `<font>` shows as those characters and never becomes a link, bold
text or a tag. Only the links built here (dashboard, store pages, preferences) go out as
markup, their URLs quoted so that no character in them can end a markdown link.

A message too long for its platform (WeCom's 4,096 bytes of markdown, a 20 KB JSON body for
DingTalk and Feishu) is shortened by whole entries: the stores at the end of the least urgent
sections go first, and a last line says how many were left out, with the dashboard's link.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tomllib
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from calendar_service.mail.day import StoreItem, day_context
from calendar_service.mail.day_view import Group, Listed, Name, Section, StoreLine
from calendar_service.mail.message import MailLinks, single_line, truncate
from calendar_service.mail.render import TEMPLATES_DIR, RenderError, render_errors, render_part
from calendar_service.mail.view import Row
from calendar_service.robots import Channel, RobotPost

TEMPLATES: dict[Channel, str] = {
    "dingtalk": "robots/dingtalk.md.j2",
    "wecom": "robots/wecom.md.j2",
    "feishu": "robots/feishu.md.j2",
}
WECOM_MAX_CONTENT = 4096  # bytes of markdown.content in UTF-8, as WeCom documents
MAX_BODY = 20_000  # bytes of a DingTalk or Feishu request body (20 KB), as body_bytes writes it
# Left for what the sender adds to a body (DingTalk's and Feishu's timestamp and signature).
SIGNATURE_ROOM = 256
NAME_MAX = 64  # characters of a store's name in a robot's message: one name, not a screenful

# Characters that are markup somewhere in DingTalk's, WeCom's or Feishu's markdown, each shown
# by its full-width form: none of the three documents a backslash escape that all honour.
_SPECIAL = str.maketrans(
    {"\\": "＼", "*": "＊", "_": "＿", "`": "｀", "[": "［", "]": "］", "|": "｜", "~": "～",
     "$": "＄"}
)  # fmt: skip
# Line and paragraph breaks and other control characters: a value stays on its line (its own
# spaces stay: a separator is ", ").
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# "<" and "&" only where they could open a tag or an entity ("12 < 15" stays as it is).
_TAG = re.compile(r"<(?=[A-Za-z/!?])|&(?=[#A-Za-z])")
# Markup only at the start of a line: a heading, a list item, a rule, a quote.
_LEADING = re.compile(r"^[#+=>-]")
_FULL_WIDTH = str.maketrans({"<": "＜", "&": "＆", "#": "＃", "+": "＋", "=": "＝", ">": "＞",
                             "-": "－"})  # fmt: skip
# Characters quoted in a link's URL: none of them can then end the link or start markup.
_URL_SAFE = ":/?#@!$&+,;=%"
TONES = {"✓": "good", "✗": "bad"}  # any other mark (?, ✉) is a note
# How each platform colours a tone: WeCom's three font colours, Feishu's named ones.
WECOM_COLORS = {"good": "info", "bad": "warning", "note": "comment"}
FEISHU_COLORS = {"good": "green", "bad": "red", "note": "grey"}
# A Feishu card's header: red when a deadline is today or tomorrow, orange when it is later.
HEADER_COLORS = {"closes_today": "red", "closes_tomorrow": "red", "closes_in": "orange"}
BREAK = Markup("  \n")  # a line break inside a paragraph of DingTalk's markdown


def neutral(value: object) -> str:
    """`value` as text that no robot's markdown reads as markup: on one line, its markdown
    and HTML characters in their full-width forms, no "://" to make a link of; Markup (the
    links built here) as it is."""
    if isinstance(value, Markup):
        return str(value)
    text = _BREAKS.sub(" ", str(value)).translate(_SPECIAL).replace("://", "：//")
    text = _TAG.sub(lambda m: m.group().translate(_FULL_WIDTH), text)
    return _LEADING.sub(lambda m: m.group().translate(_FULL_WIDTH), text)


def link_url(url: str) -> Markup:
    """A URL as a markdown link's target: one line, with spaces, parentheses, brackets, angle
    brackets, quotes and the like percent-encoded."""
    return Markup(urllib.parse.quote(single_line(url), safe=_URL_SAFE))


def body_bytes(body: Mapping[str, Any]) -> bytes:
    """A JSON body as it is posted: UTF-8, compact (what httpx 0.28's `json=` sends). The
    size limits are measured on these bytes: a sender must post them, not a looser form."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Entry:
    """One line of a group in a robot's message: stores of one status named together
    (`kind` "listed": "✓ 可报名(3):A、B、C"), or a store with the one thing to fix (`kind`
    "store"). `tone` is "good", "bad" or "note", for the platforms that colour it."""

    kind: str
    mark: str
    tone: str
    label: str  # "可报名(3)" for listed stores; "不符合" for a store
    names: tuple[Name, ...] = ()  # listed: the names shown
    hidden: int = 0  # listed: the names left out to fit
    store: Name | None = None
    fix: str = ""
    more: str = ""
    rows: tuple[Row, ...] = ()  # a one-store message: every failing or missing criterion


@dataclass(frozen=True)
class RobotGroup:
    group: Group
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class RobotSection:
    section: Section
    groups: tuple[RobotGroup, ...]


@functools.cache
def robot_words(templates_dir: Path) -> dict[str, Any]:
    """The robots' own words (templates/robots/messages.toml), a table per locale; read once."""
    with (templates_dir / "robots" / "messages.toml").open("rb") as file:
        return tomllib.load(file)


@functools.cache
def robot_environment(templates_dir: Path) -> jinja2.Environment:
    """The robots' templates: every printed value neutralised (`neutral`), undefined
    variables an error, each template compiled once."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        auto_reload=False,
        autoescape=False,
        finalize=neutral,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@render_errors
def render_robot(
    channel: Channel,
    *,
    locale: str,
    items: Sequence[StoreItem],
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    message_id: str = "",
    templates_dir: Path = TEMPLATES_DIR,
) -> RobotPost:
    """The day's message for one group robot of `channel`, from the same view as the mail:
    the headline, each section (deadlines first) with each activity once and its stores by
    verdict, the dashboard's link (the store's page for one store) and the preferences link.
    Shortened by whole entries when over the platform's limit. RenderError as render_day."""
    if channel not in TEMPLATES:
        raise RenderError(f"unknown robot channel {channel!r}: expected dingtalk, wecom or feishu")
    context = day_context(
        locale=locale, items=items, now=now, tz=tz, links=links, templates_dir=templates_dir
    )
    t = context["t"]
    r = robot_words(templates_dir)[context["lang"]]
    one_store: bool = context["one_store"]
    page = context["store_page"] if one_store else None
    target = page or links.dashboard
    base = {
        "t": t,
        "r": r,
        "headline": context["headline"],
        "intro": context["intro"],
        "one_store": one_store,
        "open": t["store_page"] if page else t["dashboard"],
        "target": link_url(target),
        "dashboard": link_url(links.dashboard),
        "preferences": None if links.preferences is None else link_url(links.preferences),
        "generated": str(r["generated"]).format(now=context["moment"]),
        "br": BREAK,
        "wecom": WECOM_COLORS,
        "feishu": FEISHU_COLORS,
    }
    found: Sequence[Section] = context["sections"]
    units = sum(_weight(e) for s in found for g in s.groups for e in _entries(g, one_store))
    env = robot_environment(templates_dir)
    build = functools.partial(
        _post, channel, env, base, found, units, title=context["subject"], message_id=message_id
    )
    post = build(units)
    if _fits(post):
        return post
    best, low, high = None, 0, units - 1  # the most entries that fit, by halves
    while low <= high:
        middle = (low + high) // 2
        tried = build(middle)
        if _fits(tried):
            best, low = tried, middle + 1
        else:
            high = middle - 1
    if best is None:
        raise RenderError(f"the {channel} message is too long even without its stores")
    return best


def _post(
    channel: Channel,
    env: jinja2.Environment,
    base: Mapping[str, Any],
    found: Sequence[Section],
    units: int,
    keep: int,
    *,
    title: str,
    message_id: str,
) -> RobotPost:
    """The message showing the first `keep` entries in reading order."""
    shown = _shown(found, keep, bool(base["one_store"]))
    text = render_part(env, TEMPLATES[channel], {**base, "sections": shown, "more": units - keep})
    text = text.strip() + "\n"
    button = str(base["open"])
    if channel == "dingtalk":
        body: dict[str, Any] = {
            "msgtype": "actionCard",
            "actionCard": {
                "title": title,
                "text": text,
                "btnOrientation": "0",
                "singleTitle": button,
                "singleURL": str(base["target"]),
            },
        }
    elif channel == "wecom":
        body = {"msgtype": "markdown", "markdown": {"content": text}}
    else:
        lead = found[0].variant if found else ""
        actions = [_button(button, str(base["target"]), "primary")]
        if base["preferences"] is not None:
            preferences = str(base["t"]["day"]["preferences"])
            actions.append(_button(preferences, str(base["preferences"]), "default"))
        body = {
            "msg_type": "interactive",
            "card": {
                "config": {"wide_screen_mode": True},
                "header": {
                    "title": {"tag": "plain_text", "content": title},
                    "template": HEADER_COLORS.get(lead, "blue"),
                },
                "elements": [
                    {"tag": "div", "text": {"tag": "lark_md", "content": text}},
                    {"tag": "hr"},
                    {"tag": "action", "actions": actions},
                ],
            },
        }
    return RobotPost(channel, body, title, message_id)


def _button(text: str, url: str, kind: str) -> dict[str, Any]:
    return {"tag": "button", "text": {"tag": "plain_text", "content": text}, "url": url,
            "type": kind}  # fmt: skip


def _fits(post: RobotPost) -> bool:
    if post.channel == "wecom":
        return len(post.body["markdown"]["content"].encode()) <= WECOM_MAX_CONTENT
    return len(body_bytes(post.body)) + SIGNATURE_ROOM <= MAX_BODY


def _shown(found: Sequence[Section], keep: int, one_store: bool) -> tuple[RobotSection, ...]:
    """The sections as far as the first `keep` entries go; a group or section left without
    an entry is left out whole."""
    left = keep
    shown = []
    for section in found:
        groups = []
        for group in section.groups:
            if left <= 0:
                break
            entries = _entries(group, one_store, left)
            left -= sum(_weight(e) for e in entries)
            groups.append(RobotGroup(group, entries))
        if groups:
            shown.append(RobotSection(section, tuple(groups)))
    return tuple(shown)


def _entries(group: Group, one_store: bool, keep: int | None = None) -> tuple[Entry, ...]:
    """A group's entries in the mail's order, as far as `keep` units go (all when None)."""
    listed = [_listed(x, one_store) for x in group.listed]
    lines = [_store(x) for x in group.lines]
    ordered = listed + lines if group.listed_first else lines + listed
    if keep is None:
        return tuple(ordered)
    found: list[Entry] = []
    for whole in ordered:
        if keep <= 0:
            break
        entry = whole
        if whole.kind == "listed" and len(whole.names) > keep:
            entry = Entry(whole.kind, whole.mark, whole.tone, whole.label,
                          names=whole.names[:keep], hidden=len(whole.names) - keep)  # fmt: skip
        keep -= _weight(entry)
        found.append(entry)
    return tuple(found)


def _weight(entry: Entry) -> int:
    """The units an entry counts for, the most a message can leave out of it: each name of a
    listed line, or the line (a store to fix, stores counted rather than named)."""
    return len(entry.names) if entry.kind == "listed" and entry.names else 1


def _listed(listed: Listed, one_store: bool) -> Entry:
    names = () if one_store else tuple(_short(n) for n in listed.stores)
    label = listed.label if one_store else listed.heading
    return Entry("listed", listed.mark, TONES.get(listed.mark, "note"), label, names=names)


def _store(line: StoreLine) -> Entry:
    return Entry(
        "store",
        line.mark,
        TONES.get(line.mark, "note"),
        line.label,
        store=_short(line.store),
        fix=line.fix,
        more=line.more,
        rows=line.rows,
    )


def _short(name: Name) -> Name:
    """A store's name cut to NAME_MAX characters, and its page as a link's target."""
    page = None if name.page is None else link_url(name.page)
    return Name(truncate(name.text, NAME_MAX), page)
