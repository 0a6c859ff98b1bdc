"""Reminder emails built, serialized and parsed back: headers, encoded words, MIME parts,
escaping, and the same bytes over SMTP and Maildir."""

from __future__ import annotations

import ast
import dataclasses
import email
import email.policy
import email.utils
import html as markup
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_service.domain.subscriptions import Locale
from calendar_service.mail import (
    Rendered,
    build_message,
    single_line,
)
from calendar_service.mail.message import (
    SUBJECT_MAX,
    AddressError,
    message_id,
    truncate,
)
from calendar_service.mail.transport import message_bytes
from tests.mail_support import (
    DOMAIN,
    EXPECTED,
    KINDS,
    LINKS,
    ROOT,
    SENDER,
    SENT_AT,
    STORE,
    assert_encoded_words_fit,
    parts,
    reminder,
    render,
    rfc2047_display_name,
    sent,
    subscription,
)


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_round_trips(kind: str, locale: Locale) -> None:
    rendered = render(kind, locale)
    msg = sent(rendered, kind, locale, STORE)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["From"].addresses[0].display_name == "1688活动提醒"
    assert msg["From"].addresses[0].addr_spec == "noreply@example.com"
    assert msg["To"].addresses[0].display_name == STORE
    assert msg["To"].addresses[0].addr_spec == "owner@example.com"
    assert msg["Subject"] == rendered.subject
    assert STORE in msg["Subject"]
    assert msg["Message-ID"] == message_id(reminder(kind).key, DOMAIN)
    assert msg["List-Unsubscribe"] == "<https://cal.example.com/unsubscribe/tok123>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Content-Language"] == locale
    assert msg["Date"].datetime == SENT_AT[kind]
    text, html = parts(msg)
    failing, when = EXPECTED[kind, locale]
    assert failing in text
    assert when in text
    assert markup.escape(failing) in html
    for body in (text, html):
        assert LINKS.unsubscribe in body
        assert LINKS.dashboard in body
        assert "https://cal.example.com/stores/s1" in body
        assert "https://cal.example.com/calendar.ics" in body
    assert f'<html lang="{locale}">' in html
    assert_well_formed(html)


def test_message_id_is_stable_per_key() -> None:
    first = message_id(reminder("before-7d").key, DOMAIN)
    assert first == message_id(reminder("before-7d").key, DOMAIN)  # a retry
    assert first != message_id(reminder("before-1d").key, DOMAIN)
    assert first != message_id(reminder("before-7d", subscription_id=8).key, DOMAIN)
    assert first.startswith("<") and first.endswith(f"@{DOMAIN}>")
    assert len(first.split("@")[0]) == 33


def test_script_in_a_store_name_is_escaped_in_html_and_literal_in_text() -> None:
    name = "<script>alert('x')</script>店"
    msg = sent(render("status-change", "zh-CN", store_name=name), "status-change", "zh-CN", name)
    text, html = parts(msg)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;店" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 样品 🎁" in html  # a product title
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
    msg = sent(render("opens", "zh-CN", store_name=name), "opens", "zh-CN", name)
    assert msg["Bcc"] is None
    assert msg["X-Evil"] is None
    for header in ("To", "Subject"):
        value = str(msg[header])
        assert "\r" not in value and "\n" not in value
    assert msg["To"].addresses[0].display_name == single_line(name)
    text, _ = parts(msg)
    assert text.splitlines()[0] == f"1688活动提醒 · {single_line(name) or 's1'}"


def test_a_long_emoji_store_name_gives_a_truncated_subject() -> None:
    name = "🎉义乌小商品🎉" * 100
    rendered = render("before-1d", "zh-CN", store_name=name)
    assert len(rendered.subject) <= SUBJECT_MAX
    assert rendered.subject.endswith("…")
    assert rendered.subject.startswith("「327大促」还剩 1 天截止")
    msg = sent(rendered, "before-1d", "zh-CN", name)
    assert msg["Subject"] == rendered.subject
    assert rfc2047_display_name(msg, "To") == name
    text, html = parts(msg)
    assert name in text and name in html


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=120), subject=st.text(max_size=200))
def test_any_name_and_subject_survive_the_headers(name: str, subject: str) -> None:
    rendered = Rendered(subject=subject, text="正文", html="<p>正文</p>")
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"),
        store_name=name, reminder=reminder("opens"), rendered=rendered, links=LINKS,
        message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    raw = msg.as_bytes()
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name + subject:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == "owner@example.com"
    assert parsed["Bcc"] is None


def test_no_store_name_falls_back_to_the_store_id() -> None:
    rendered = render("opens", "en", store_name=None)
    assert rendered.subject.endswith("· s1")
    msg = sent(rendered, "opens", "en", None)
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
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"),
        store_name=name, reminder=reminder("opens"), rendered=rendered, links=LINKS,
        message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    raw = message_bytes(msg, linesep="\r\n")  # as smtplib and the Maildir write it
    assert raw.isascii()
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"))
    if "=?" not in name:
        assert_encoded_words_fit(raw)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == truncate(single_line(subject), SUBJECT_MAX)
    assert rfc2047_display_name(parsed, "To") == single_line(name)
    assert parsed["To"].addresses[0].addr_spec == "owner@example.com"
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
    first = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=text, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    boundary = first.get_boundary()
    assert boundary is not None
    planted = f"--{boundary}\n{text}\n--{boundary}--\n"
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=planted, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert msg.get_boundary() == boundary
    raw = message_bytes(msg, linesep="\r\n")
    again = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("opens"), rendered=Rendered(subject="s", text=planted, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert message_bytes(again, linesep="\r\n") == raw  # a retry: byte for byte
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    plain, markup_part = parts(parsed)
    newlines = re.compile(r"\r\n|\r|\n")  # quoted-printable keeps the wire's CRLF
    assert newlines.sub("\n", plain) == newlines.sub("\n", planted)
    assert newlines.sub("\n", markup_part) == newlines.sub("\n", html)
    other = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=STORE,
        reminder=reminder("before-7d"), rendered=Rendered(subject="s", text=text, html=html),
        links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
    assert other.get_boundary() != boundary


@pytest.mark.parametrize(
    ("sender", "email_address", "problem"),
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
    sender: str, email_address: str, problem: str
) -> None:
    with pytest.raises(AddressError) as raised:
        build_message(
            sender=sender, store_name=STORE, reminder=reminder("opens"),
            subscription=dataclasses.replace(subscription("zh-CN"), email=email_address),
            rendered=Rendered(subject="s", text="t", html="<p>h</p>"),
            links=LINKS, message_domain=DOMAIN, date=SENT_AT["opens"],
        )  # fmt: skip
    assert problem in str(raised.value)


@pytest.mark.parametrize("name", [STORE, "店 " * 30, "a" * 120])
def test_the_maildir_lines_are_the_smtp_lines_with_lf(name: str) -> None:
    """Header values are folded once, with CRLF; written with LF (a Maildir) they keep their
    folds, never an empty first line, and read back the same."""
    long_links = dataclasses.replace(
        LINKS, unsubscribe="https://calendar.example.com/unsubscribe/" + "t" * 43
    )
    msg = build_message(
        sender=SENDER, subscription=subscription("zh-CN"), store_name=name,
        reminder=reminder("opens"), rendered=Rendered(subject="活动 " * 40, text="t", html="h"),
        links=long_links, message_domain=DOMAIN, date=SENT_AT["opens"],
    )  # fmt: skip
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
