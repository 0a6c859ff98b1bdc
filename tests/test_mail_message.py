"""The day's message built, serialized and parsed back: headers, encoded words, MIME parts,
escaping, and the same bytes over SMTP and Maildir."""

from __future__ import annotations

import ast
import dataclasses
import email
import email.policy
import email.utils
import html as markup
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage, Message
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.domain.reminders import reminder_key
from calendar_service.domain.subscriptions import Locale
from calendar_service.mail import (
    MailLinks,
    Rendered,
    StoreItem,
    build_day_message,
    render_day,
    single_line,
)
from calendar_service.mail.message import (
    SUBJECT_MAX,
    AddressError,
    message_id,
    truncate,
)
from calendar_service.mail.transport import message_bytes
from tests.day_support import DAY_LINKS, NOW, SAMPLE, TZ
from tests.mail_support import (
    DOMAIN,
    KEY,
    LINKS,
    RECIPIENT,
    ROOT,
    SENDER,
    SENT_AT,
    STORE,
    YEARLY,
    assert_encoded_words_fit,
    parts,
    rfc2047_display_name,
    sent,
    store_item,
)

DAILY = ("daily-quick-order", "daily-group-wholesale", "daily-group-buy", "daily-mobile",
         "daily-samples")  # fmt: skip
# One store's message with every kind of item, sent a day before the yearly deadline.
EVERY_KIND = (("before-1d", YEARLY), ("opens", YEARLY), ("prepare", YEARLY),
              ("invitation-signal", "monthly-sales"), ("status-change", DAILY[1]),
              *(("digest", key) for key in DAILY))  # fmt: skip
# The failing requirement the message must explain, and what it says about time.
EXPECTED = {
    "zh-CN": ("✗ [######----] 已上架产品数 12 < 20:还差 8 件产品",
              "报名 2月10日–3月7日 · 还剩 1 天截止", "统计窗口 2月6日–3月7日 · 已于2月6日开始"),
    "en": ("✗ [######----] products listed 12 < 20: 8 more products needed",
           "Sign-up Feb 10 – Mar 7 · 1 day left", "Sales window Feb 6 – Mar 7 · started on Feb 6"),
}  # fmt: skip


def one_store(store_name: str | None = STORE, kinds: Sequence[tuple[str, str]] = EVERY_KIND
              ) -> list[StoreItem]:  # fmt: skip
    return [store_item(kind, key, SENT_AT, store_name=store_name) for kind, key in kinds]


def render(items: Sequence[StoreItem], locale: str, links: MailLinks = LINKS) -> Rendered:
    return render_day(locale=locale, items=items, now=SENT_AT, tz=TZ, links=links)


def build(
    rendered: Rendered,
    to_name: str = STORE,
    key: str = KEY,
    links: MailLinks = LINKS,
    sender: str = SENDER,
    recipient: str = RECIPIENT,
) -> Message:
    """The message as built, not yet sent: what a test serializes itself."""
    return build_day_message(
        sender=sender, recipient=recipient, to_name=to_name, key=key, rendered=rendered,
        links=links, message_domain=DOMAIN, date=SENT_AT,
    )  # fmt: skip


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_one_stores_message_with_every_kind_round_trips(locale: Locale) -> None:
    rendered = render(one_store(), locale)
    msg = sent(rendered, STORE)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["From"].addresses[0].display_name == "1688活动提醒"
    assert msg["From"].addresses[0].addr_spec == "noreply@example.com"
    assert msg["To"].addresses[0].display_name == STORE
    assert msg["To"].addresses[0].addr_spec == RECIPIENT
    assert msg["Subject"] == rendered.subject
    assert STORE in msg["Subject"]
    assert msg["Message-ID"] == message_id(KEY, DOMAIN)
    assert msg["List-Unsubscribe"] == "<https://cal.example.com/unsubscribe/tok123>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["Content-Language"] == locale
    assert msg["Date"].datetime == SENT_AT
    text, html = parts(msg)
    failing, when, window = EXPECTED[locale]
    lines = [line.strip() for line in text.splitlines()]  # rows and times are indented
    assert {when, window} <= set(lines)
    assert any(line.startswith(failing) for line in lines)  # then the assumed threshold's note
    assert markup.escape(failing.split("] ", 1)[1]) in html
    for body in (text, html):
        assert LINKS.unsubscribe in body
        assert LINKS.dashboard in body
        assert "https://cal.example.com/stores/s1" in body
        assert "https://cal.example.com/calendar.ics" in body
    assert f'<html lang="{locale}">' in html
    assert_well_formed(html)


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_35_stores_message_round_trips(locale: Locale) -> None:
    rendered = render_day(locale=locale, items=SAMPLE.day(SAMPLE.store_ids), now=NOW, tz=TZ,
                          links=DAY_LINKS)  # fmt: skip
    msg = sent(rendered, links=DAY_LINKS, date=NOW)
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["To"].addresses[0].display_name == ""
    assert msg["Subject"] == rendered.subject
    text, html = parts(msg)
    assert DAY_LINKS.preferences is not None
    for body in (text, html):
        for link in (DAY_LINKS.unsubscribe, DAY_LINKS.dashboard, DAY_LINKS.preferences):
            assert link in body
    assert f'<html lang="{locale}">' in html
    assert_well_formed(html)


def test_message_id_is_stable_per_key() -> None:
    """A message's key names the reminders it carries (compose joins their keys with "|")."""
    day = "|".join(reminder_key(7, f"{YEARLY}:2027", kind) for kind in ("before-7d", "opens"))
    first = message_id(day, DOMAIN)
    assert first == message_id(day, DOMAIN)  # a retry
    other_kind = "|".join(reminder_key(7, f"{YEARLY}:2027", k) for k in ("before-1d", "opens"))
    other_subscription = "|".join(reminder_key(8, f"{YEARLY}:2027", k)
                                  for k in ("before-7d", "opens"))  # fmt: skip
    assert first != message_id(other_kind, DOMAIN)
    assert first != message_id(other_subscription, DOMAIN)
    assert first.startswith("<") and first.endswith(f"@{DOMAIN}>")
    assert len(first.split("@")[0]) == 33
    rendered = Rendered(subject="s", text="t", html="<p>h</p>")
    assert build(rendered, key=day)["Message-ID"] == first
    assert build(rendered, key=day)["Message-ID"] == first  # built again: the same one


@pytest.mark.parametrize("stores", [1, 2])
def test_script_in_a_store_name_is_escaped_in_html_and_literal_in_text(stores: int) -> None:
    name = "<script>alert('x')</script>店"
    items = one_store(name)
    items += [
        dataclasses.replace(i, store_id="s2", store_name="另一家") for i in items[: stores - 1]
    ]
    msg = sent(render(items, "zh-CN"), name)
    text, html = parts(msg)
    assert "<script" not in html.lower()  # neither the name nor a product's title (a tag too)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;店" in html
    assert name in text
    assert msg["To"].addresses[0].display_name == name


@pytest.mark.parametrize(
    "name",
    [
        "义乌\r\nBcc: victim@example.com",
        "义乌\n\nBody injected",
        "义乌\rX-Evil: 1",
        "义乌\x00\x07\x1b店\u2028\u2029\x85铺",
        "\r\n",
    ],
)
def test_control_characters_in_a_store_name_never_break_a_header(name: str) -> None:
    msg = sent(render(one_store(name, EVERY_KIND[:1]), "zh-CN"), name)
    assert msg["Bcc"] is None
    assert msg["X-Evil"] is None
    for header in ("To", "Subject"):
        value = str(msg[header])
        assert "\r" not in value and "\n" not in value
    assert msg["To"].addresses[0].display_name == single_line(name)
    text, _ = parts(msg)
    assert text.splitlines()[2] == f"{single_line(name) or 's1'}:3月6日的活动提醒"  # the headline


def test_a_long_emoji_store_name_gives_a_truncated_subject() -> None:
    name = "🎉义乌小商品🎉" * 100
    rendered = render(one_store(name), "zh-CN")
    assert len(rendered.subject) <= SUBJECT_MAX
    assert rendered.subject.endswith("…")
    assert rendered.subject.startswith("🎉义乌小商品🎉🎉义乌小商品🎉")
    msg = sent(rendered, name)
    assert msg["Subject"] == rendered.subject
    assert rfc2047_display_name(msg, "To") == name
    text, html = parts(msg)
    assert name in text and name in html  # the body says it in full


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=120), subject=st.text(max_size=200))
def test_any_name_and_subject_survive_the_headers(name: str, subject: str) -> None:
    rendered = Rendered(subject=subject, text="正文", html="<p>正文</p>")
    raw = build(rendered, to_name=name).as_bytes()
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name + subject:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == RECIPIENT
    assert parsed["Bcc"] is None


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_no_store_name_falls_back_to_the_store_id(locale: Locale) -> None:
    rendered = render(one_store(None), locale)
    assert rendered.subject.startswith("s1:" if locale == "zh-CN" else "s1: ")
    msg = sent(rendered, "")  # the composer has no name to give the recipient
    assert msg["To"].addresses[0].display_name == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("义乌\r\n店", "义乌 店"),
        ("  a\t\tb  ", "a b"),
        ("a\u2028b\x00c", "a b c"),
        ("👨\u200d👩\u200d👧 家", "👨\u200d👩\u200d👧 家"),  # a ZWJ sequence stays whole
    ],
)
def test_single_line(raw: str, expected: str) -> None:
    assert single_line(raw) == expected


VOID = frozenset({"br", "meta", "img", "hr", "input", "link", "col", "area", "base", "wbr"})


@dataclass
class TagBalance(HTMLParser):
    """Start and end tags matched up, outside the void elements."""

    stack: list[str] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)
    seen: set[str] = dataclasses.field(default_factory=set)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def assert_well_formed(html: str) -> None:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    assert parser.problems == []
    assert parser.stack == []
    assert {"html", "head", "body", "table", "tr", "td"} <= parser.seen
    assert not parser.seen & {"script", "style", "link", "iframe", "form"}
    assert html.count("<table") == html.count("</table>")
    assert 'width="600"' in html and "max-width:600px" in html


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("a" * 120, "b" * 120),  # ASCII words too long for a line: encoded words, folded
        ("=?utf-8?q?x?=", "=?utf-8?q?y?="),  # text that looks like an encoded word stays text
        ('He said "hi" <x>', "tab\there"),  # specials quoted; a tab becomes a space
        ("Shop, Ltd.", "x " * 60),  # a comma in a display name; a long ASCII subject
        ("店 " * 30, "活动 " * 40),  # Chinese over several encoded words, spaces kept
    ],
)
def test_awkward_names_and_subjects_come_back_as_typed(name: str, subject: str) -> None:
    text = "From here on, a plain text body\n好"  # mostly ASCII: quoted-printable
    rendered = Rendered(subject=subject, text=text, html="<p>正文</p>")
    msg = build(rendered, to_name=name)
    raw = message_bytes(msg, linesep="\r\n")  # as smtplib and the Maildir write it
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == RECIPIENT
    plain = parsed.get_body(("plain",))
    assert plain is not None
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    body = parts(parsed)[0].replace("\r\n", "\n")  # quoted-printable keeps the wire's CRLF
    assert body == text  # never ">From" (no mbox mangling)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), html=st.text(max_size=200))
def test_the_boundary_never_occurs_in_the_parts_and_a_retry_sends_the_same_bytes(
    text: str, html: str
) -> None:
    """The boundary is derived from the Message-ID, not drawn and searched for: whatever the
    parts hold, even the boundary line itself, comes back as it went in."""
    first = build(Rendered(subject="s", text=text, html=html))
    boundary = first.get_boundary()
    assert boundary is not None
    planted = f"--{boundary}\n{text}\n--{boundary}--\n"
    msg = build(Rendered(subject="s", text=planted, html=html))
    assert msg.get_boundary() == boundary
    raw = message_bytes(msg, linesep="\r\n")
    again = build(Rendered(subject="s", text=planted, html=html))
    assert message_bytes(again, linesep="\r\n") == raw  # a retry: byte for byte
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    plain, markup_part = parts(parsed)
    newlines = re.compile(r"\r\n|\r|\n")  # quoted-printable keeps the wire's CRLF
    assert newlines.sub("\n", plain) == newlines.sub("\n", planted)
    assert newlines.sub("\n", markup_part) == newlines.sub("\n", html)
    other = build(Rendered(subject="s", text=text, html=html), key=KEY + "|another")
    assert other.get_boundary() != boundary


@pytest.mark.parametrize(
    ("sender", "recipient", "problem"),
    [
        (
            SENDER,
            "店主@example.com",
            "To address '店主@example.com' is not ASCII",
        ),
        (SENDER, "owner@例子.中国", "To address 'owner@例子.中国' is not ASCII"),
        (SENDER, "two words@example.com", "To address 'two words@example.com'"),
        (SENDER, "owner@", "To address 'owner@'"),
        (SENDER, "", "To address ''"),
        ("1688活动提醒", "owner@example.com", "the sender '1688活动提醒' has no email address"),
        ("提醒 <a b@example.com>", "owner@example.com", "From address 'a b@example.com'"),
    ],
)
def test_an_address_that_cannot_be_a_header_is_an_address_error(
    sender: str, recipient: str, problem: str
) -> None:
    with pytest.raises(AddressError) as raised:
        build(Rendered(subject="s", text="t", html="<p>h</p>"), sender=sender, recipient=recipient)
    assert problem in str(raised.value)


@pytest.mark.parametrize("name", [STORE, "店 " * 30, "a" * 120])
def test_the_maildir_lines_are_the_smtp_lines_with_lf(name: str) -> None:
    """Header values are folded once, with CRLF; written with LF (a Maildir) they keep their
    folds, never an empty first line, and read back the same."""
    long_links = dataclasses.replace(
        LINKS, unsubscribe="https://calendar.example.com/unsubscribe/" + "t" * 43
    )
    msg = build(Rendered(subject="活动 " * 40, text="t", html="h"), to_name=name, links=long_links)
    crlf, lf = message_bytes(msg, linesep="\r\n"), message_bytes(msg, linesep="\n")
    assert lf == crlf.replace(b"\r\n", b"\n")
    head = lf.split(b"\n\n", 1)[0].split(b"\n")
    assert not [line for line in head if line.endswith(b":") or line.endswith(b": ")]
    parsed = email.message_from_bytes(lf, policy=email.policy.default)
    assert parsed["List-Unsubscribe"] == f"<{long_links.unsubscribe}>"
    assert parsed["Subject"] == truncate(single_line("活动 " * 40), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)


def test_mail_depends_on_the_domain_only_never_on_services() -> None:
    """The caller builds the links and views' inputs; mail renders and sends what it is given."""
    layers = ("services", "entrypoints", "dashboard", "api", "feeds")
    outside = tuple(f"calendar_service.{layer}" for layer in layers)
    for module in (ROOT / "calendar_service" / "mail").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            assert not [n for n in names if n.startswith(outside)], module.name
