"""The overview's group robots: the form that sends stores to a robot (through the use case), the
robots' list with their health, resuming a paused one, and the robots on the reminders page."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from calendar_service.bootstrap import Container
from calendar_service.domain.locale import locale_of
from calendar_service.domain.recipients import Robot
from calendar_service.entrypoints.web import create_app
from calendar_service.services.robot_subscriptions import robot_webhook, subscribe_robot
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT, run_cli
from tests.server_support import free_port, running_server, server_env
from tests.test_browser import ARTIFACTS, browser
from tests.test_dashboard import form_token, sign_in
from tests.times import CST, WEB_CLOCK

TOKEN = "8f3c2a9be14d7c605a1e93f27b4c8d0e6a5f1b2c3d4e5f60718293a4b5c6d7e8"
DINGTALK = f"https://oapi.dingtalk.com/robot/send?access_token={TOKEN}"
SECRET = "SEC0d1c2b3a4958677665544332211009988776655443322110ffeeddccbbaa99887766"
WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
LISTED = "b2b-22001"  # a search the sample answers with ten stores


class Site:
    """The app on the sample, its own secret key, a signed-in client."""

    def __init__(self, database_url: str, folder: Path) -> None:
        settings = load_settings(database_url=database_url, secret_key_file=folder / "secret.key")
        self.container = Container(settings)
        load_sample(PROJECT / "data" / "sample", self.container.repository, CST, WEB_CLOCK)
        self.client = TestClient(create_app(self.container, lambda: WEB_CLOCK))
        sign_in(self.client, self.container)

    def listed(self, lang: str = "zh") -> tuple[str, list[str]]:
        """The overview searched for LISTED: its form token and the stores its robot form lists."""
        page = self.client.get("/", params={"q": LISTED, "lang": lang}).text
        return form_token(page), re.findall(r'name="stores" value="([^"]+)"', page)

    def post(self, lang: str = "zh", **fields: str | list[str]) -> httpx.Response:
        token, stores = self.listed(lang)
        data: dict[str, str | list[str]] = {"lang": lang, "csrf": token, "q": LISTED}
        data.update(stores=stores, scope="listed")
        data.update(fields)
        response: httpx.Response = self.client.post("/robots", data=data)
        return response

    def robot_subscriptions(self) -> dict[str, set[str]]:
        """The active robot subscriptions: stores by robot key."""
        found: dict[str, set[str]] = {}
        for s in self.container.repository.subscriptions():
            if s.robot_id is not None:
                found.setdefault(s.email, set()).add(s.store_id)
        return found

    def robot(self) -> Robot:
        [robot] = self.container.robots.all()
        return robot


@pytest.fixture
def site(database_url: str, tmp_path: Path) -> Iterator[Site]:
    made = Site(database_url, tmp_path)
    yield made
    made.container.engine.dispose()


def robots_section(page: str) -> str:
    return page.split('<section class="activity" id="robots">', 1)[1].split("</section>", 1)[0]


def test_a_robot_added_for_the_listed_stores_is_shown_by_its_name_only(site: Site) -> None:
    _token, listed = site.listed()
    assert len(listed) == 10 and all(s.startswith(LISTED) for s in listed)
    done = site.post(channel="dingtalk", url=DINGTALK, secret=SECRET, locale="en")
    assert done.status_code == 200, done.text
    robot = site.robot()
    assert site.robot_subscriptions() == {robot.key: set(listed)}
    assert {s.locale for s in site.container.repository.subscriptions()} == {"en"}
    webhook = site.container.robots.webhook(robot.id)
    assert webhook is not None and (webhook.url, webhook.secret) == (DINGTALK, SECRET)
    page = done.text
    name = robot.name("zh-CN")
    assert name.startswith("钉钉群机器人 oapi.dingtalk.com…") and name.endswith(TOKEN[-4:])
    said = re.search(r'<p class="note" role="status" data-outcome="added">([^<]+)</p>', page)
    assert said is not None and said[1] == f"{name} 将收到 10 家店铺的提醒。"
    assert re.search(rf'data-robot="{robot.key}"><strong class="name">{name}</strong>', page)
    assert 'data-stores="10"' in page and 'data-health="working"' in page
    for credential in (TOKEN, TOKEN[:-4], SECRET, SECRET[3:20], "access_token=8f"):
        assert credential not in page
    assert 'name="url" value=""' in page  # the form is blank again
    assert 'type="search" name="q" value="b2b-22001"' in page  # on the page it was posted from
    again = site.client.get("/").text
    assert name in again and TOKEN not in again and SECRET not in again


def test_every_store_and_the_same_robot_again_in_english(site: Site) -> None:
    every = site.container.repository.store_ids()
    first = site.post("en", channel="dingtalk", url=DINGTALK, scope="all")
    assert first.status_code == 200, first.text
    robot = site.robot()
    assert site.robot_subscriptions() == {robot.key: set(every)}
    name = robot.name("en")
    assert f"{name} will get the reminders of {len(every)} stores." in first.text
    again = site.post("en", channel="dingtalk", url=f"  {DINGTALK} ", secret=SECRET)
    assert 'data-outcome="found-again"' in again.text and "added before" in again.text
    assert len(site.container.robots.all()) == 1  # found again by its URL
    assert site.container.robots.webhook(robot.id).secret == SECRET  # type: ignore[union-attr]
    assert SECRET not in again.text and TOKEN not in again.text


def _refusal(channel: str, url: str, secret: str | None) -> str:
    """The use case's own message for a webhook it refuses."""
    with pytest.raises(ValueError, match=r"\w") as refused:
        robot_webhook(channel, url, secret)
    return str(refused.value)


@pytest.mark.parametrize(
    ("channel", "url", "secret", "lang"),
    [
        ("dingtalk", "http://example.com", SECRET, "zh"),  # plain http to another host
        ("wecom", WECOM, SECRET, "en"),  # WeCom robots sign nothing
        ("feishu", "not a URL at all", "", "en"),
    ],
)
def test_a_refused_webhook_says_why_keeps_the_form_but_the_secret_and_writes_nothing(
    site: Site, channel: str, url: str, secret: str, lang: str
) -> None:
    expected = _refusal(channel, url, secret)
    response = site.post(lang, channel=channel, url=url, secret=secret, locale="en")
    assert response.status_code == 200
    section = robots_section(response.text)
    problem = re.search(
        r'<p class="problem" role="alert" data-problem="robot">([^<]+)</p>', section
    )
    assert problem is not None and html.unescape(problem[1]).endswith(" " + expected)
    assert problem[1].startswith("没有添加机器人:" if lang == "zh" else "The robot was not added:")
    assert f'name="url" value="{html.escape(url)}"' in section  # kept, to be corrected
    assert f'<option value="{channel}" selected>' in section
    assert '<option value="en" selected>English</option>' in section
    assert 'type="password" name="secret" value=""' in section
    assert SECRET not in response.text and SECRET[3:20] not in response.text
    assert site.container.robots.all() == [] and site.robot_subscriptions() == {}


def test_an_unknown_store_is_named_and_nothing_is_written(site: Site) -> None:
    token, listed = site.listed()
    response = site.client.post(
        "/robots",
        data={"lang": "zh", "csrf": token, "channel": "dingtalk", "url": DINGTALK,
              "stores": [listed[0], "no-such-store"], "scope": "listed"},
    )  # fmt: skip
    assert response.status_code == 200
    assert 'data-problem="robot"' in response.text and "&#39;no-such-store&#39;" in response.text
    assert TOKEN not in response.text.replace(f'value="{DINGTALK}"', "")  # only in its field
    assert site.container.robots.all() == [] and site.robot_subscriptions() == {}
    nothing = site.client.post(
        "/robots", data={"lang": "en", "csrf": token, "channel": "dingtalk", "url": DINGTALK}
    )
    assert "name at least one store" in nothing.text and site.container.robots.all() == []


def test_a_form_from_elsewhere_is_refused(site: Site) -> None:
    _token, listed = site.listed()
    response = site.client.post(
        "/robots", data={"lang": "zh", "channel": "dingtalk", "url": DINGTALK, "stores": listed}
    )
    assert response.status_code == 403 and site.container.robots.all() == []


def test_a_paused_robot_is_shown_with_its_error_and_resumed_by_the_button(site: Site) -> None:
    done = subscribe_robot(site.container.robots, site.container.repository, ["b2b-220011"],
                           "feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/" + TOKEN,
                           SECRET, "zh-CN", WEB_CLOCK)  # fmt: skip
    robot = done.robot
    quiet = site.client.get("/").text
    assert "data-paused=" not in quiet and 'data-health="working"' in quiet
    error = "feishu refused the message: 19021 sign match fail or timestamp is not within one hour"
    for _ in range(3):  # refused, as the robots' transport reports it (in UTC)
        site.container.robots.failed(robot.id, error, WEB_CLOCK.astimezone(dt.UTC))
    page = site.client.get("/").text
    notice = re.search(r'<p class="problem" role="alert" data-paused="1"><a href="#robots">', page)
    assert notice is not None and "1 个群机器人已暂停发送" in page
    section = robots_section(page)
    item = section.split(f'<li class="robot paused" data-robot="{robot.key}">', 1)[1]
    item = item.split("</li>", 1)[0]
    assert robot.name("zh-CN") in item and 'data-health="paused"' in item
    assert "自 2027-01-15 09:00 起暂停发送" in item  # local time
    assert html.escape(error) in item and TOKEN not in page
    action = f"/robots/{robot.key}/resume#robots"
    assert f'action="{action}"' in item
    resumed = site.client.post(
        f"/robots/{robot.key}/resume", data={"lang": "zh", "csrf": form_token(page)}
    )
    assert resumed.status_code == 200
    assert f"{robot.name('zh-CN')} 已恢复发送。" in resumed.text
    assert "data-paused=" not in resumed.text and 'class="robot paused"' not in resumed.text
    after = site.container.robots.get(robot.id)
    assert after is not None and after.paused_at is None and after.failures == 0
    english = site.client.get("/?lang=en").text
    assert 'data-health="working"' in english


def test_resuming_an_unknown_robot_says_so(site: Site) -> None:
    token = form_token(site.client.get("/").text)
    for key in ("dingtalk:99", "wecom:x", "nobody"):
        response = site.client.post(f"/robots/{key}/resume", data={"lang": "en", "csrf": token})
        assert response.status_code == 200
        assert 'data-outcome="unknown_robot"' in response.text
        assert f"There is no robot “{key}”" in response.text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "zh",
            ["群机器人", "钉钉", "企业微信", "飞书", "Webhook 地址", "加签密钥", "还没有群机器人"],
        ),
        ("en", ["Group robots", "DingTalk", "WeCom", "Feishu", "Webhook URL", "No group robot"]),
    ],
)
def test_the_section_in_both_languages(site: Site, lang: str, words: list[str]) -> None:
    page = site.client.get("/", params={"lang": lang} if lang == "en" else None).text
    section = robots_section(page)
    for word in words:
        assert word in section, word
    assert 'type="password" name="secret" value="" autocomplete="off"' in section
    assert f'<input type="hidden" name="lang" value="{lang}">' in section
    action = "/robots?lang=en#robots" if lang == "en" else "/robots#robots"
    assert f'<form class="robot" method="post" action="{action}">' in section
    locale = "en" if lang == "en" else "zh-CN"  # the messages' language follows the page's
    assert re.search(rf'<option value="{locale}" selected>', section)
    redirect = site.client.get("/robots", params={"lang": lang}, follow_redirects=False)
    assert redirect.status_code == 303
    assert redirect.headers["location"] == ("/?lang=en#robots" if lang == "en" else "/#robots")


def test_the_reminders_page_shows_a_robot_by_its_name(site: Site) -> None:
    done = subscribe_robot(site.container.robots, site.container.repository,
                           ["b2b-220011", "b2b-220012"], "dingtalk", DINGTALK, SECRET, "zh-CN",
                           WEB_CLOCK)  # fmt: skip
    robot = done.robot
    site.container.repository.subscribe("b2b-220011", "owner@example.com", "en", WEB_CLOCK)
    for lang, locale in (("zh", "zh-CN"), ("en", "en")):
        page = site.client.get("/reminders", params={"lang": lang}).text
        listed = re.findall(r'data-recipient="([^"]+)">([^<]*)<span class="muted">', page)
        assert (robot.key, f"{robot.name(locale_of(locale))} ") in listed
        assert ("owner@example.com", "owner@example.com ") in listed
        assert TOKEN not in page and SECRET not in page
    chosen = site.client.get("/reminders", params={"recipient": robot.key})
    assert chosen.status_code == 200
    assert f"<h2>{robot.name('zh-CN')} 在接下来 14 天" in chosen.text
    assert TOKEN not in chosen.text


# In a browser on a phone ---------------------------------------------------------------------

FIXTURES = (browser,)  # Chromium, one per module, as the dashboard's browser tests use it
LINKS_KEY = "the robots section's key for the phone-width check"
# Every element of the section, measured against the page's width.
SECTION_WIDTH = """() => {
  const root = document.documentElement;
  const section = document.querySelector("section#robots");
  const right = Math.max(...[section, ...section.querySelectorAll("*")].map(
    e => e.getBoundingClientRect().right));
  return {scroll: root.scrollWidth, client: root.clientWidth, right: Math.ceil(right)};
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_robots_section_fits_a_phone(tmp_path: Path, browser: Browser, lang: str) -> None:
    port = free_port()
    env = server_env(tmp_path, port, {"CALENDAR_SECRET_KEY": LINKS_KEY})
    made = run_cli("apikey", "create", "phone", env=env, cwd=tmp_path)
    assert made.code == 0, made.err
    query = "?lang=en" if lang == "en" else ""
    with running_server(tmp_path, env, port, "--sample") as served:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        try:
            page.goto(f"{served.url}/{query}")  # to the sign-in, and back here after it
            page.fill("input[name=key]", made.out.strip())
            page.click("button[type=submit]")
            page.wait_for_url(f"{served.url}/{query}")
            form = page.locator("form.robot")
            form.locator("select[name=channel]").select_option("dingtalk")
            form.locator("input[name=url]").fill(DINGTALK)
            form.locator("input[name=secret]").fill(SECRET)
            form.locator("button[value=listed]").click()
            page.locator('[data-outcome="added"]').wait_for()
            assert TOKEN not in page.content() and SECRET not in page.content()
            # The robot paused after its messages kept being refused, with a long error.
            settings = load_settings(
                database_url=env["CALENDAR_DATABASE_URL"], secret_key=LINKS_KEY
            )
            container = Container(settings)
            [robot] = container.robots.all()
            error = "dingtalk refused the message: errcode 310000 " + "signnotmatch" * 16
            for _ in range(3):
                container.robots.failed(robot.id, error, dt.datetime.now(dt.UTC))
            container.engine.dispose()
            page.goto(f"{served.url}/{query}")
            notice = page.locator("[data-paused] a")
            assert notice.is_visible()
            notice.click()
            paused = page.locator("li.robot.paused")
            assert paused.is_visible() and paused.locator("button").is_visible()
            measured = page.evaluate(SECTION_WIDTH)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            section = page.locator("section#robots")
            section.screenshot(path=str(ARTIFACTS / f"robots-{lang}-360.png"))
            paused.locator("button").click()
            page.locator('[data-outcome="resumed"]').wait_for()
            after = page.evaluate(SECTION_WIDTH)
        finally:
            page.close()
    for state, width in (("paused", measured), ("resumed", after)):
        what = f"the robots section ({lang}, {state}) at 360 px: {width}"
        assert width["client"] == 360, what
        assert width["scroll"] <= width["client"], what
        assert width["right"] <= width["client"], what
