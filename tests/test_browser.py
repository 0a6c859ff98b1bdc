"""The dashboard in headless Chromium against a real server: sign in, follow a cell, subscribe."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.cli import PROJECT, run_cli

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = PROJECT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """`calendar-service run --sample` on a free port with a fresh SQLite file; its URL and key."""
    folder = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {"CALENDAR_DATABASE_URL": f"sqlite:///{folder / 'calendar.db'}",
           "CALENDAR_BASE_URL": f"http://127.0.0.1:{port}",
           "CALENDAR_OUTBOX_DIR": str(folder / "outbox")}  # fmt: skip
    made = run_cli("apikey", "create", "browser", env=env)
    assert made.code == 0, made.err
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "calendar_service", "run", "--port", str(port), "--sample"],
        env={**base, **env},
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    err = process.stderr.read().decode() if process.stderr else ""
                    pytest.fail(f"the server did not start:\n{err[-2000:]}", pytrace=False)
                time.sleep(0.2)
        yield url, made.out.strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


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
