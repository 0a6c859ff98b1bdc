"""The day's message for a group robot: the mail's view of the day in DingTalk's, WeCom's and
Feishu's markdown, every store named once per activity with the one thing to fix, shortened by
whole entries to the size each platform takes, store names never read as markup."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from calendar_service.mail import RenderError, StoreItem, render_day
from calendar_service.mail.day import day_context
from calendar_service.mail.day_view import Section
from calendar_service.mail.message import MailLinks, truncate
from calendar_service.mail.render import TEMPLATES_DIR
from calendar_service.robots import CHANNELS, Channel, RobotPost
from calendar_service.robots.render import (
    MAX_BODY,
    NAME_MAX,
    SIGNATURE_ROOM,
    WECOM_MAX_CONTENT,
    body_bytes,
    neutral,
    render_robot,
)
from tests.day_support import (
    DAY_LINKS,
    FAILING_STORE,
    MONTHLY,
    NOW,
    ONE_STORE_LINKS,
    SAMPLE,
    TZ,
)

STORES = SAMPLE.store_ids
LOCALES = ("zh-CN", "en")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
URL = re.compile(r"https?://[^\s)]+")
# The links a robot's message makes: [text](https://cal.example.com/…).
LINK = re.compile(r"\[([^\[\]]*)\]\((https://cal\.example\.com/[^()\s]*)\)")
MORE = {"zh-CN": re.compile(r"…另有 (\d+) 项,见控制台"),
        "en": re.compile(r"…and (\d+) more on the dashboard")}  # fmt: skip
LONG = "杭州华美玩具有限公司运营部旗舰店Hangzhou-Huamei-Toys-Flagship"  # 49 characters, no space


@pytest.fixture(scope="module")
def day35() -> list[StoreItem]:
    return SAMPLE.day(STORES)


@pytest.fixture(scope="module")
def day100() -> list[StoreItem]:
    """A hundred stores with long names without spaces, each with the sample's day."""
    items = []
    for n in range(100):
        store = f"b2b-9{n:05d}"
        page = f"https://cal.example.com/stores/{store}"
        name = f"{LONG}{n:03d}"
        items += [dataclasses.replace(i, store_id=store, store_name=name, store_page=page)
                  for i in SAMPLE.day([STORES[n % len(STORES)]])]  # fmt: skip
    return items


def links_for(items: Sequence[StoreItem]) -> MailLinks:
    return ONE_STORE_LINKS if len({i.store_id for i in items}) == 1 else DAY_LINKS


def render(
    channel: Channel,
    items: Sequence[StoreItem],
    locale: str,
    message_id: str = "",
    templates_dir: Path = TEMPLATES_DIR,
) -> RobotPost:
    return render_robot(channel, locale=locale, items=items, now=NOW, tz=TZ,
                        links=links_for(items), message_id=message_id,
                        templates_dir=templates_dir)  # fmt: skip


def text_of(post: RobotPost) -> str:
    """The markdown of a post."""
    if post.channel == "dingtalk":
        return str(post.body["actionCard"]["text"])
    if post.channel == "wecom":
        return str(post.body["markdown"]["content"])
    return str(post.body["card"]["elements"][0]["text"]["content"])


def context(items: Sequence[StoreItem], locale: str) -> dict[str, object]:
    return day_context(locale=locale, items=items, now=NOW, tz=TZ, links=links_for(items))


def entries(sections: Sequence[Section]) -> int:
    """What a message can leave out, one by one: each store named in a listed line (or the
    line, when it counts the stores), each store to fix."""
    return sum(
        len(g.lines) + sum(len(x.stores) or 1 for x in g.listed) for s in sections for g in s.groups
    )


def shown_name(item: StoreItem) -> str:
    return neutral(truncate(item.store_name or item.store_id, NAME_MAX))


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_section_activity_and_store_of_the_agency_day_is_said(
    day35: list[StoreItem], channel: Channel, locale: str
) -> None:
    post = render(channel, day35, locale, message_id="<m1@cal.example.com>")
    ctx = context(day35, locale)
    text = text_of(post)
    assert post.channel == channel and post.message_id == "<m1@cal.example.com>"
    assert post.title == ctx["subject"]
    assert str(ctx["headline"]) in text
    sections: tuple[Section, ...] = ctx["sections"]  # type: ignore[assignment]
    more = MORE[locale].search(text)
    shown = [s for s in sections if s.title in text]
    # Deadlines first, as in the mail; a cut drops from the end only.
    assert [s.title for s in shown] == [s.title for s in sections[: len(shown)]]
    assert sections[0].title in text
    positions = [text.index(s.title) for s in shown]
    assert positions == sorted(positions)
    if more is None:  # all of it fits: every activity once in each section, every store
        assert len(shown) == len(sections)
        for section in sections:
            part = text.split(section.title, 1)[1]
            for group in section.groups:
                assert group.name in part
                for line in group.lines:
                    assert f"{line.fix}{line.more}" in text
    else:
        assert int(more.group(1)) > 0
        assert "dashboard" in text or "控制台" in text
    # the first deadline: each store that cannot sign up with its one thing to fix
    first = sections[0].groups[0]
    for line in first.lines[:3]:
        assert neutral(line.store.text) in text
        assert neutral(line.fix) in text
    assert str(DAY_LINKS.preferences) in text.rsplit(str(sections[0].title), 1)[1]
    assert DAY_LINKS.dashboard in text


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("locale", LOCALES)
def test_one_store_links_its_page_and_shows_its_failing_criteria(
    channel: Channel, locale: str
) -> None:
    items = SAMPLE.day([FAILING_STORE])
    post = render(channel, items, locale)
    text = text_of(post)
    ctx = context(items, locale)
    assert str(ctx["headline"]) in text
    assert MORE[locale].search(text) is None  # a store's day fits every platform
    page = f"https://cal.example.com/stores/{FAILING_STORE}"
    assert page in text
    assert ONE_STORE_LINKS.preferences is not None and ONE_STORE_LINKS.preferences in text
    sections: tuple[Section, ...] = ctx["sections"]  # type: ignore[assignment]
    for section in sections:
        assert section.title in text
    failing = sections[0].groups[0].lines[0]
    assert failing.rows
    for row in failing.rows:
        assert neutral(row.text) in text
    if channel == "dingtalk":
        assert post.body["actionCard"]["singleURL"] == page
    if channel == "feishu":
        assert post.body["card"]["elements"][2]["actions"][0]["url"] == page


@pytest.mark.parametrize("locale", LOCALES)
def test_dingtalk_sends_an_action_card_without_tables_or_code(
    day35: list[StoreItem], locale: str
) -> None:
    post = render("dingtalk", day35, locale)
    card = post.body["actionCard"]
    assert post.body["msgtype"] == "actionCard"
    assert card["title"] == post.title
    assert card["singleTitle"] == {"zh-CN": "打开控制台", "en": "Open the dashboard"}[locale]
    assert card["singleURL"] == DAY_LINKS.dashboard
    text = card["text"]
    assert "|---" not in text and "```" not in text and "\t" not in text
    assert text.startswith("### ")
    # a paragraph's lines are joined by a hard break, never by a lone newline
    group = text.split("\n\n**", 2)[1]
    assert "  \n" in group
    assert len(body_bytes(post.body)) + SIGNATURE_ROOM <= MAX_BODY


@pytest.mark.parametrize("locale", LOCALES)
def test_wecom_markdown_colours_what_can_sign_up_and_what_cannot(
    day35: list[StoreItem], locale: str
) -> None:
    post = render("wecom", day35, locale)
    assert post.body["msgtype"] == "markdown"
    content = post.body["markdown"]["content"]
    assert len(content.encode()) <= WECOM_MAX_CONTENT
    fonts = set(re.findall(r"<font[^>]*>", content))
    assert fonts <= {f'<font color="{c}">' for c in ("info", "comment", "warning")}
    assert '<font color="info">✓' in content and '<font color="warning">✗</font>' in content
    assert content.count("<font") == content.count("</font>")


@pytest.mark.parametrize("locale", LOCALES)
def test_wecom_cuts_a_hundred_stores_on_whole_lines_and_says_how_many_more(
    day100: list[StoreItem], locale: str
) -> None:
    post = render("wecom", day100, locale)
    content = post.body["markdown"]["content"]
    data = content.encode("utf-8")
    assert len(data) <= WECOM_MAX_CONTENT
    assert data.decode("utf-8") == content
    more = MORE[locale].search(content)
    assert more is not None
    assert f"[{more.group()}]({DAY_LINKS.dashboard})" in content
    ctx = context(day100, locale)
    sections: tuple[Section, ...] = ctx["sections"]  # type: ignore[assignment]
    # Every store line shown is whole; the count says what is left out, exactly.
    lines = {f"**{neutral(truncate(x.store.text, NAME_MAX))}**": f"{x.fix}{x.more}"
             for s in sections for g in s.groups for x in g.lines}  # fmt: skip
    colon = str(ctx["t"]["colon"])  # type: ignore[index]
    separator = str(ctx["t"]["list_sep"])  # type: ignore[index]
    shown = 0
    for line in content.splitlines():
        store = re.fullmatch(
            r'<font color="\w+">[✓✗?✉]</font> (\*\*.+?\*\*)' + colon + "(.*)", line
        )
        if store:
            assert neutral(lines[store.group(1)]) == store.group(2)
            shown += 1
        listed = re.fullmatch(r'<font color="\w+">[✓✗?✉] [^<]+</font>(.*)', line)
        if listed:
            names = listed.group(1)
            names = re.sub(r"…(\(另 \d+ 家\)| \(\+\d+ more\))$", "", names).removeprefix(colon)
            shown += len(names.split(separator)) if names else 1
            for name in names.split(separator) if names else ():
                assert re.fullmatch(re.escape(neutral(LONG)) + r"\d{3}", name), name
    assert shown > 0
    assert shown + int(more.group(1)) == entries(sections)
    # the most urgent first: the deadlines are there, the daily summary is what was cut
    assert sections[0].title in content
    assert content.rstrip().endswith("</font>")  # the generated line, after the links


@pytest.mark.parametrize("locale", LOCALES)
def test_feishu_sends_a_card_within_20_kb_for_a_hundred_stores(
    day35: list[StoreItem], day100: list[StoreItem], locale: str
) -> None:
    for items, cut in ((SAMPLE.day(STORES[:10]), False), (day35, None), (day100, True)):
        post = render("feishu", items, locale)
        assert post.body["msg_type"] == "interactive"
        card = post.body["card"]
        assert card["config"] == {"wide_screen_mode": True}
        assert card["header"]["title"] == {"tag": "plain_text", "content": post.title}
        assert card["header"]["template"] == "red"  # a deadline tomorrow leads
        div, rule, action = card["elements"]
        assert div["tag"] == "div" and div["text"]["tag"] == "lark_md"
        assert rule == {"tag": "hr"}
        buttons = action["actions"]
        assert [(b["url"], b["type"]) for b in buttons] == [
            (DAY_LINKS.dashboard, "primary"), (DAY_LINKS.preferences, "default")
        ]  # fmt: skip
        raw = body_bytes(post.body)
        assert len(raw) + SIGNATURE_ROOM <= MAX_BODY <= 20 * 1024
        assert json.loads(raw) == post.body
        if cut is not None:  # the agency's 35 stores come near the limit
            assert (MORE[locale].search(div["text"]["content"]) is not None) == cut


@pytest.mark.parametrize("locale", LOCALES)
def test_a_message_over_the_limit_is_cut_by_few_entries(
    day100: list[StoreItem], locale: str
) -> None:
    # What is left unused is less than a store's line: no more is cut than needs to be.
    for channel in CHANNELS:
        post = render(channel, day100, locale)
        assert MORE[locale].search(text_of(post)) is not None
        if channel == "wecom":
            used = len(post.body["markdown"]["content"].encode())
            assert WECOM_MAX_CONTENT - 400 < used <= WECOM_MAX_CONTENT
        else:
            used = len(body_bytes(post.body)) + SIGNATURE_ROOM
            assert MAX_BODY - 600 < used <= MAX_BODY


HOSTILE = [
    "[x](http://evil.example/)",
    "**加粗**",
    '<font color="info">假</font>',
    "<at id=all></at>",
    "`code`",
    "# 标题",
    "> 引用",
    "a|b|---|c",
    "&lt;b&gt;",
    "~~删~~_斜_",
    "- 列表",
]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("name", HOSTILE)
def test_a_store_name_is_never_markup(channel: Channel, name: str) -> None:
    items = [SAMPLE.item("before-1d", s, MONTHLY) for s in STORES[:4]]
    failing = next(i for i in items if i.verdict.status == "ineligible")
    items = [dataclasses.replace(i, store_name=f"{name}店") if i is failing else i for i in items]
    for one in (items, [dataclasses.replace(failing, store_name=name)]):
        text = text_of(render(channel, one, "zh-CN"))
        assert name not in text
        assert neutral(name) in text
        assert "http://evil" not in text and "<at" not in text and "&lt;" not in text
        # every link and tag is one the message makes
        rest = LINK.sub("", text)
        assert "[" not in rest and "](" not in rest
        fonts = re.findall(r"<[^>]*>", rest)
        assert all(re.fullmatch(r"</?font( color=[\"'][a-z]+[\"'])?>", f) for f in fonts)
        assert "`" not in text and "|" not in text and "~~" not in text
        assert not any(line.startswith(("# ", "> ", "- 列表")) for line in text.splitlines())


def test_neutral_keeps_the_words_and_their_spaces() -> None:
    assert neutral("12 < 15, 0.03% > 0.01%: A & B") == "12 < 15, 0.03% > 0.01%: A & B"
    assert neutral(", ") == ", "
    assert neutral("a\r\nb\u2028c") == "a b c"
    assert neutral("[x](http://e)") == "［x］(http：//e)"
    assert neutral("<b>&amp;") == "＜b>＆amp;"
    assert neutral("# h") == "＃ h" and neutral("> q") == "＞ q"


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_word_is_in_the_readers_language(
    day35: list[StoreItem], channel: Channel, locale: str
) -> None:
    """Apart from the data (store names, product titles), a Chinese message has no English
    words and an English one no Chinese."""
    for items in (day35, SAMPLE.day([FAILING_STORE])):
        post = render(channel, items, locale)
        body = re.sub(r"</?font[^>]*>", " ", URL.sub(" ", text_of(post)))
        data = {shown_name(i) for i in items} | {neutral(i.store_name or "") for i in items}
        data |= {neutral(p.title or "") for i in items for p in i.verdict.products}
        for words in sorted(data, key=len, reverse=True):
            body = body.replace(words, " ")
        if locale == "en":
            assert CJK.findall(body) == []
            assert "…" in body or MORE["en"].search(body) is None
        else:
            assert set(ENGLISH_WORD.findall(body)) == set()
        buttons = json.dumps(post.body, ensure_ascii=False)
        if locale == "en":
            assert "打开" not in buttons and "提醒设置" not in buttons


def test_a_very_long_store_name_is_cut_and_a_long_one_is_not(day100: list[StoreItem]) -> None:
    text = text_of(render("dingtalk", day100, "en"))
    assert f"{LONG}000" in text  # 52 characters, as they are
    items = SAMPLE.day(STORES[:2])
    endless = LONG * 3
    items = [dataclasses.replace(i, store_name=endless) if i.store_id == STORES[0] else i
             for i in items]  # fmt: skip
    text = text_of(render("dingtalk", items, "en"))
    assert endless not in text
    assert truncate(endless, NAME_MAX) in text


def test_the_mail_is_rendered_from_the_same_context(day35: list[StoreItem]) -> None:
    for locale in LOCALES:
        mail = render_day(locale=locale, items=day35, now=NOW, tz=TZ, links=DAY_LINKS)
        ctx = context(day35, locale)
        assert mail.subject == ctx["subject"] and mail.locale == ctx["lang"] == locale
        assert str(ctx["headline"]) in mail.text
        assert str(ctx["generated"]) in mail.text
        assert str(ctx["moment"]) in str(ctx["generated"])


def test_nothing_to_say_an_unknown_kind_or_channel_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="nothing to send"):
        render("wecom", [], "zh-CN")
    with pytest.raises(RenderError, match="closes"):
        render("feishu", [SAMPLE.item("closes", STORES[0], MONTHLY)], "en")
    with pytest.raises(RenderError, match="channel"):
        render("slack", SAMPLE.day(STORES[:1]), "en")  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="nothing to send"):
        day_context(locale="en", items=[], now=NOW, tz=TZ, links=DAY_LINKS)


def test_a_missing_robot_word_or_template_is_a_render_error(tmp_path: Path) -> None:
    words_dir, template_dir = tmp_path / "words", tmp_path / "template"
    for where in (words_dir, template_dir):
        shutil.copytree(TEMPLATES_DIR / "mail", where / "mail")
        shutil.copytree(TEMPLATES_DIR / "robots", where / "robots")
    words = words_dir / "robots" / "messages.toml"
    lines = words.read_text(encoding="utf-8").splitlines()
    words.write_text("\n".join(x for x in lines if not x.startswith("generated =")), "utf-8")
    with pytest.raises(RenderError, match="generated"):
        render("dingtalk", SAMPLE.day(STORES[:2]), "zh-CN", templates_dir=words_dir)
    (template_dir / "robots" / "wecom.md.j2").unlink()
    render("feishu", SAMPLE.day(STORES[:2]), "en", templates_dir=template_dir)
    with pytest.raises(RenderError, match="wecom"):
        render("wecom", SAMPLE.day(STORES[:2]), "en", templates_dir=template_dir)
