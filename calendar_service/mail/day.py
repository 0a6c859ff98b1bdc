"""One message a day per recipient: everything due that day for all the stores the address
watches, deadlines first, each activity once with its stores by verdict.

Which items are due is decided elsewhere; this module only says them. The words live in
`templates/mail/messages.toml` (its `day` tables), the layout in `templates/mail/day.*.j2`,
the grouping in `mail/day_view.py`. A render is all or nothing (`mail/render.py`): any
failure raises RenderError and nothing is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from calendar_service.domain.catalog import Activity
from calendar_service.domain.cycles import Occurrence
from calendar_service.domain.derived import SALES_WINDOW
from calendar_service.domain.locale import locale_of
from calendar_service.domain.verdicts import Verdict
from calendar_service.mail.dates import countdown_text, day_text, moment_text, span_text
from calendar_service.mail.day_view import Group, Section, mark_of, section_of, sections
from calendar_service.mail.message import SUBJECT_MAX, MailLinks, Rendered, single_line, truncate
from calendar_service.mail.render import (
    TEMPLATES_DIR,
    RenderError,
    catalogue,
    environment,
    render_errors,
    render_part,
)

DAY_PARTS = ("mail/day.txt.j2", "mail/day.html.j2")


@dataclass(frozen=True)
class StoreItem:
    """One thing the day's message says of one store."""

    kind: (
        str  # "opens" | "prepare" | "before-Nd" | "status-change" | "digest" | "invitation-signal"
    )
    store_id: str
    store_name: str | None
    activity: Activity
    occurrence: Occurrence  # for digest/status-change: the daily series' occurrence
    verdict: Verdict  # judged from the latest data at send time
    previous: str | None = None  # status-change only: the status before
    store_page: str | None = None  # the dashboard's page of the store, in the reader's language


@render_errors
def render_day(
    *,
    locale: str,
    items: Sequence[StoreItem],
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """The day's message for one recipient; RenderError when there is nothing to say (no
    items) or it cannot be said (an unknown kind, a template or message missing)."""
    context = day_context(
        locale=locale, items=items, now=now, tz=tz, links=links, templates_dir=templates_dir
    )
    env = environment(templates_dir)
    text, html = (render_part(env, name, context) for name in DAY_PARTS)
    return Rendered(context["subject"], text, html, locale=context["lang"])


@render_errors
def day_context(
    *,
    locale: str,
    items: Sequence[StoreItem],
    now: dt.datetime,
    tz: ZoneInfo,
    links: MailLinks,
    templates_dir: Path = TEMPLATES_DIR,
) -> dict[str, Any]:
    """What a day's message says, for any channel to lay out: the words (`t`), the locale
    (`lang`), `subject`, `brand`, `headline`, `intro`, the `sections` (mail/day_view.py),
    `one_store` and `store` (the one store's name, or None), `links`, `store_page` and
    `calendar` (one store only), `moment` (the send time as read, with its zone), `generated`
    and `footer`. RenderError as render_day."""
    if not items:
        raise RenderError("no items for the day's message: nothing to send")
    for item in items:
        try:
            section_of(item.kind)
        except ValueError as error:
            raise RenderError(f"store {item.store_id}: {error}") from None
    lang = locale_of(locale)
    t = catalogue(templates_dir)[lang]
    today = now.astimezone(tz).date()

    def when(variant: str, o: Occurrence) -> str | None:
        if o.is_series:
            return None
        if variant == "invitation-signal":  # no sign-up: the platform invites
            event = span_text(o.event_starts_on, o.event_ends_on, lang, today)
            return str(t["day"]["event"]).format(event=event)
        if variant == "prepare":  # as on the day sent: a late message must not say "today"
            starts = (o.deadline_at - SALES_WINDOW).astimezone(tz).date()
            phase = "today" if starts == today else "before" if today < starts else "after"
            return str(t["day"]["window"]).format(
                window=span_text(starts, o.deadline_on, lang, today),
                when=t["window_when"][phase].format(day=day_text(starts, lang, today)),
            )
        return str(t["day"]["when"]).format(
            signup=span_text(o.opens_on, o.deadline_on, lang, today),
            countdown=countdown_text(t, o, today),
        )

    found = sections(t, lang, items, when, today)
    names = list(dict.fromkeys(single_line(i.store_name or "") or i.store_id for i in items))
    one = names[0] if len(names) == 1 else None
    groups = sum(len(s.groups) for s in found)
    words = {
        "day": day_text(today, lang, today),
        "stores": len(names),
        "count": groups,
        "items": t["day"]["items"][0 if groups == 1 else 1],
    }
    zone = str(t["china_time"]) if tz.key == "Asia/Shanghai" else tz.key
    moment = f"{moment_text(now.astimezone(tz), lang, today)} {zone}"
    day = t["day"]
    subject = truncate(single_line(_subject(t, found, one, groups)), SUBJECT_MAX)
    return {
        "t": t,
        "lang": lang,
        "subject": subject,
        "brand": f"{t['brand']} · {words['day']}",
        "headline": day["headline_one" if one else "headline"].format(store=one, **words),
        "intro": day["intro_one" if one else "intro"].format(**words),
        "sections": found,
        "one_store": one is not None,
        "store": one,
        "links": links,
        "store_page": _store_page(items, links) if one else None,
        "calendar": links.calendar if one else None,
        "moment": moment,
        "generated": day["generated"].format(now=moment),
        "footer": t["footer"].format(store=one) if one else day["footer"].format(**words),
    }


def _subject(t: Mapping[str, Any], found: Sequence[Section], one: str | None, groups: int) -> str:
    """The most urgent thing first (the first group of the first section), then how many more:
    "明天截止:伙拼 3 家可报名 · 另 4 项"; for one store, the store first."""
    day = t["day"]
    section = found[0]
    group: Group = section.groups[0]
    more = day["subject_more"].format(count=groups - 1) if groups > 1 else ""
    if one is not None:
        inline = day["inline"][section.variant].format(days=section.days)
        mark = mark_of(group.first)[0]
        status = day["label"][group.first]
        return (
            str(day["subject_one"]).format(
                store=one, activity=group.name, inline=inline, mark=mark, status=status
            )
            + more
        )
    count = group.counts[group.first]
    phrase = day["subject_group"].format(
        activity=group.name,
        count=count,
        stores=day["store_word"] if count == 1 else day["stores_word"],
        label=day["subject_label"][group.first],
    )
    return f"{section.title}{t['colon']}{phrase}{more}"


def _store_page(items: Sequence[StoreItem], links: MailLinks) -> str | None:
    return next((i.store_page for i in items if i.store_page), None) or links.store_page
