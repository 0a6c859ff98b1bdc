"""The dashboard in headless Chromium against a real server: sign in, follow a cell, subscribe."""

from __future__ import annotations

import email
import email.policy
import http.server
import json
import shutil
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pydantic import SecretStr

from calendar_service.adapters.secret_key import load_secret_key
from calendar_service.domain.subscriptions import Locale
from calendar_service.mail import build_day_message, render_day
from calendar_service.services.recipient_links import preferences_url
from calendar_service.services.signed_links import SignedLinks
from tests import day_support, mail_support
from tests.cli import PROJECT, run_cli
from tests.server_support import free_port, running_server, server_env

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = PROJECT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`calendar-service run --sample` on a free port with a fresh SQLite file; its URL and key."""
    folder = tmp_path_factory.mktemp("browser")
    port = free_port()
    env = server_env(folder, port)
    made = run_cli("apikey", "create", "browser", env=env)
    assert made.code == 0, made.err
    with running_server(folder, env, port, "--sample") as served:
        yield served.url, made.out.strip()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not (Path(CHROMIUM).exists() and shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: the dashboard tests need it and must not skip. "
            "Install Debian's package: apt-get install -y chromium",
            pytrace=False,
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ("生成订阅链接", "不符合")), ("en", ("Create a subscription link", "ineligible"))],
)
def test_sign_in_follow_a_cell_and_subscribe(
    server: tuple[str, str], browser: Browser, lang: str, words: tuple[str, str]
) -> None:
    url, key = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page: Page = context.new_page()
    query = "?lang=en" if lang == "en" else ""
    page.goto(f"{url}/{query}")
    assert "/login" in page.url  # nothing without a sign-in
    page.fill("input[name=key]", key)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/{query}")
    assert page.locator("table.matrix").is_visible()
    page.screenshot(path=str(ARTIFACTS / f"overview-{lang}.png"), full_page=True)

    cell = page.locator('td.cell a[data-status="ineligible"]').first
    href = cell.get_attribute("href") or ""
    activity = href.split("#", 1)[1]
    cell.scroll_into_view_if_needed()
    cell.click()
    page.wait_for_url(f"**/stores/**#{activity}")
    section = page.locator(f"section#{activity}")
    assert section.locator("h2 [data-status]").inner_text() == words[1]
    bars = section.locator('[role="meter"]')
    assert bars.count() > 0
    widths = [
        b.locator("span").evaluate("e => e.getBoundingClientRect().width") for b in bars.all()
    ]
    assert any(w > 0 for w in widths)
    page.screenshot(path=str(ARTIFACTS / f"store-{lang}.png"), full_page=True)

    page.click(f"text={words[0]}")
    webcal = page.locator("a.subscribe-webcal")
    webcal.wait_for()
    link = webcal.get_attribute("href") or ""
    assert link.startswith("webcal://127.0.0.1:") and link.endswith(".ics" + query)
    assert page.locator("img.qr").evaluate("e => e.naturalWidth") > 0
    feed = "http://" + link.removeprefix("webcal://")
    with urllib.request.urlopen(feed, timeout=5) as response:  # the feed needs no sign-in
        assert response.read().startswith(b"BEGIN:VCALENDAR")
    page.screenshot(path=str(ARTIFACTS / f"subscribe-{lang}.png"), full_page=True)
    context.close()


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A web server on another port of the same host, serving the pages put in its dict."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    served = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{served.server_address[1]}", pages
    served.shutdown()
    served.server_close()


def _auto_post(action: str, fields: dict[str, str]) -> bytes:
    inputs = "".join(f'<input name="{k}" value="{v}">' for k, v in fields.items())
    return (
        f'<!doctype html><form id="f" method="post" action="{action}">{inputs}</form>'
        "<script>document.getElementById('f').submit()</script>"
    ).encode()


def test_a_page_on_another_port_cannot_post_our_forms(
    server: tuple[str, str], browser: Browser, elsewhere: tuple[str, dict[str, bytes]]
) -> None:
    url, key = server
    other, pages = elsewhere
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/login")
    page.fill("input[name=key]", key)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")
    page.goto(f"{url}/stores/b2b-220011")
    token = page.locator("input[name=csrf]").first.get_attribute("value") or ""
    action = f"{url}/stores/b2b-220011/feed-token"
    # Even with the page's own token (say it leaked), the browser says where the form came from.
    pages["/no-token"] = _auto_post(action, {"lang": "en"})
    pages["/with-token"] = _auto_post(action, {"lang": "en", "csrf": token})
    for attack in ("/no-token", "/with-token"):
        with page.expect_response(lambda r: r.url == action) as posted:
            page.goto(other + attack)
        assert posted.value.status == 403
        page.wait_for_load_state()
        assert "Request refused" in page.content() and "webcal://" not in page.content()
    # The signed-in staff member's own click still works.
    page.goto(f"{url}/stores/b2b-220011?lang=en")
    page.click("text=Create a subscription link")
    page.locator("a.subscribe-webcal").wait_for()
    context.close()


def test_a_page_elsewhere_cannot_sign_the_browser_in(
    server: tuple[str, str], browser: Browser, elsewhere: tuple[str, dict[str, bytes]]
) -> None:
    url, key = server  # say the attacker's own key: login CSRF signs the victim in as them
    other, pages = elsewhere
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/login")  # the victim has the sign-in form's cookie already
    pages["/login"] = _auto_post(f"{url}/login", {"key": key, "next": "/"})
    with page.expect_response(
        lambda r: r.url == f"{url}/login" and r.request.method == "POST"
    ) as posted:
        page.goto(other + "/login")
    assert posted.value.status == 403
    page.goto(f"{url}/")
    assert "/login" in page.url  # not signed in
    context.close()


# What a mail's width is measured by: the page's own scrolling, and any element reaching past
# the right edge (a cell clipped inside a fixed-layout table would not widen the page).
MAIL_WIDTH = """() => {
  const root = document.documentElement;
  const right = Math.max(...[...document.body.querySelectorAll("*")].map(
    e => e.getBoundingClientRect().right));
  return {scroll: root.scrollWidth, client: root.clientWidth, right: Math.ceil(right)};
}"""
LONG_NAME = "义乌小商品城旗舰店" * 12 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 8  # no space to break at


@pytest.mark.parametrize("width", [320, 360, 600])
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("stores", [35, 1])
@pytest.mark.parametrize("tag", ["", "-long-name"])
def test_the_days_message_fits_a_phone_without_scrolling_sideways(
    browser: Browser, tag: str, stores: int, locale: Locale, width: int
) -> None:
    """A day's message for an agency's 35 stores, and for one store's owner (whose store fails
    an activity closing tomorrow, so its criteria show in full); each also with the first
    store's name a long run of characters with no space to break at."""
    sample = day_support.SAMPLE
    ids = sample.store_ids if stores > 1 else [day_support.FAILING_STORE]
    links = day_support.DAY_LINKS if stores > 1 else day_support.ONE_STORE_LINKS
    items = sample.day(ids)
    if tag:
        items = [replace(i, store_name=LONG_NAME) if i.store_id == ids[0] else i for i in items]
    rendered = render_day(locale=locale, items=items, now=day_support.NOW,
                          tz=day_support.TZ, links=links)  # fmt: skip
    msg = build_day_message(
        sender=mail_support.SENDER, recipient="agency@example.com", to_name="",
        key=f"day:{stores}", rendered=rendered, links=links, message_domain=mail_support.DOMAIN,
    )  # fmt: skip
    parsed = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    _text, html = mail_support.parts(parsed)
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.set_content(html)
        measured = page.evaluate(MAIL_WIDTH)
        if width != 320 and (width == 360 or not tag):  # 360 px, and 600 px as typed
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shot = ARTIFACTS / f"day-{stores}-stores-{locale}-{width}{tag}.png"
            page.screenshot(path=str(shot), full_page=True)
        shown = page.content()
        links_shown = page.locator("a").count()
    finally:
        page.close()
    what = f"the day's message for {stores} stores ({locale}{tag}) at {width} px: {measured}"
    assert measured["client"] == width, what
    assert measured["scroll"] <= measured["client"], what
    assert measured["right"] <= measured["client"], what
    assert links_shown >= 3  # the preferences, unsubscribe and dashboard links at least
    assert not tag or LONG_NAME in shown  # the long name is in the page measured


# The preferences page a recipient reaches from its mails -----------------------------------------

LINKS_KEY = "the mail links' key of the preferences page test"
RECIPIENT = "agency-operations-team-with-a-long-name@example.com"


@pytest.fixture(scope="module")
def preferences_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The server with the sample, a store with a very long name, and RECIPIENT watching it and
    a sample store; the URL of RECIPIENT's preferences page."""
    folder = tmp_path_factory.mktemp("preferences")
    port = free_port()
    env = server_env(folder, port, {"CALENDAR_SECRET_KEY": LINKS_KEY})
    stores = folder / "long.csv"
    stores.write_text(f"store_id,name,captured_at\nlong-1,{LONG_NAME},2026-11-20 09:00\n")
    with running_server(folder, env, port, "--sample") as served:
        for args in (
            ("import", str(stores)),
            ("subscribe", "long-1", RECIPIENT, "--cycles", "monthly"),
            ("subscribe", "b2b-220001", RECIPIENT, "--cycles", "monthly"),
        ):
            done = run_cli(*args, env=env)
            assert done.code == 0, done.err
        signer = SignedLinks(load_secret_key(SecretStr(LINKS_KEY), folder / "unused.key"))
        yield preferences_url(served.url, signer, RECIPIENT)


@pytest.mark.parametrize(("lang", "cycle"), [("zh", "daily"), ("en", "yearly")])
def test_the_preferences_page_fits_a_phone_and_saves(
    preferences_page: str, browser: Browser, lang: str, cycle: str
) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(preferences_page + ("?lang=en" if lang == "en" else ""))
        assert page.locator("ul.stores li").count() == 2
        measured = page.evaluate(MAIL_WIDTH)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"preferences-{lang}-360.png"), full_page=True)
        what = f"the preferences page ({lang}) at 360 px: {measured}"
        assert measured["client"] == 360, what
        assert measured["scroll"] <= measured["client"], what
        assert measured["right"] <= measured["client"], what

        box = f'input[name=cycles][value="{cycle}"]'  # each run ticks one not ticked yet
        assert page.locator(box).is_checked() is False
        page.check(box)
        page.check('input[name=daily_summary][value="daily"]')
        page.click("form button[type=submit]:not([name])")
        page.wait_for_load_state()
        assert page.locator('[role="status"]').is_visible()
        assert page.locator(box).is_checked()
        assert page.locator('input[name=daily_summary][value="daily"]').is_checked()
        assert page.evaluate(MAIL_WIDTH)["scroll"] <= 360
    finally:
        page.close()


# The reminders page: an agency watching every sample store, on a phone -------------------------

AGENCY = "agency-operations-team-with-a-long-name@example.com"


def _api(url: str, key: str, method: str, path: str, body: bytes | None = None) -> bytes:
    request = urllib.request.Request(
        url + path, data=body, method=method,
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as response:
        return bytes(response.read())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reminders_page_of_an_agency_fits_a_phone(
    server: tuple[str, str], browser: Browser, lang: str
) -> None:
    url, key = server
    stores = [s["store_id"] for s in json.loads(_api(url, key, "GET", "/api/stores"))]
    assert len(stores) == 35
    for store in stores:  # again for the second language: a subscription is kept as it is
        body = json.dumps({"email": AGENCY}).encode()
        _api(url, key, "POST", f"/api/stores/{store}/subscriptions", body)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    query = "&lang=en" if lang == "en" else ""
    try:
        page.goto(f"{url}/login")
        page.fill("input[name=key]", key)
        page.click("button[type=submit]")
        page.wait_for_url(f"{url}/")
        page.click("header nav a[href^='/reminders']")
        page.wait_for_url("**/reminders**")
        assert page.locator(f'[data-recipient="{AGENCY}"]').is_visible()
        page.goto(f"{url}/reminders?recipient={urllib.parse.quote(AGENCY)}{query}")
        messages = page.locator("section.message")
        assert messages.count() > 0
        closed = page.evaluate(MAIL_WIDTH)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"reminders-{lang}-360.png"), full_page=True)
        # Every message's items opened: the longest the page gets.
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        opened = page.evaluate(MAIL_WIDTH)
        page.screenshot(path=str(ARTIFACTS / f"reminders-{lang}-360-open.png"), full_page=True)
    finally:
        page.close()
    for state, measured in (("closed", closed), ("open", opened)):
        what = f"the reminders page ({lang}, items {state}) at 360 px: {measured}"
        assert measured["client"] == 360, what
        assert measured["scroll"] <= measured["client"], what
        assert measured["right"] <= measured["client"], what
