"""The dashboard in process: sign-in, both languages, filters, the store page, escaping."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.dashboard.session import COOKIE
from calendar_service.dashboard.signin import safe_next
from calendar_service.domain.snapshots import StoreSnapshot
from calendar_service.entrypoints.web import create_app
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT

CST = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=CST)
STORE = "b2b-220011"
MARKUP = '<script>alert("x")</script><b>店</b>'
PAGES = ["/", "/timeline", "/catalog", f"/stores/{STORE}"]


class Site:
    def __init__(self, database_url: str) -> None:
        self.container = Container(load_settings(database_url=database_url))
        repository = self.container.repository
        load_sample(PROJECT / "data" / "sample", repository, CST, NOW)
        snapshot = StoreSnapshot(store_id="evil-1", name=MARKUP, captured_at=NOW)
        repository.add_snapshots([snapshot], [], "test", NOW)
        self.keys = ApiKeys(self.container.engine)
        self.key = self.keys.create("staff", NOW)
        self.client = TestClient(create_app(self.container, lambda: NOW))

    def sign_in(self, key: str | None = None, next_: str = "/") -> TestClient:
        response = self.client.post(
            "/login",
            data={"key": key or self.key, "next": next_, "csrf": login_token(self.client)},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return self.client


def form_token(html: str) -> str:
    """The token a page's forms carry."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None, "the page's forms carry no token"
    return found[1]


def login_token(client: TestClient) -> str:
    """The sign-in form's token, as a browser gets it: by opening the sign-in page."""
    return form_token(client.get("/login").text)


def sign_in(client: TestClient, container: Container) -> None:
    """Sign `client` in with a new staff key, through the sign-in form."""
    key = ApiKeys(container.engine).create("staff", NOW)
    signed = client.post(
        "/login",
        data={"key": key, "next": "/", "csrf": login_token(client)},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    made = Site(database_url)
    yield made
    made.container.engine.dispose()


@pytest.fixture(scope="module")
def signed_in(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A signed-in client on one SQLite database, for the pages that only read."""
    made = Site(f"sqlite:///{tmp_path_factory.mktemp('dash') / 'calendar.db'}")
    return made.sign_in()


@pytest.mark.parametrize("path", [*PAGES, "/?lang=en", "/stores/nobody"])
def test_every_page_needs_a_sign_in(site: Site, path: str) -> None:
    response = site.client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")
    login = site.client.get(response.headers["location"])
    assert login.status_code == 200 and 'name="key"' in login.text
    assert "有限公司" not in login.text and "店</b>" not in login.text  # no store data
    after = site.client.post(
        "/login",
        data={
            "key": site.key,
            "next": re.search(r'name="next" value="([^"]*)"', login.text)[1],  # type: ignore[index]
            "csrf": form_token(login.text),
        },
        follow_redirects=False,
    )
    assert after.headers["location"] == path


def test_a_bad_key_a_forged_cookie_and_a_revoked_key_are_refused(site: Site) -> None:
    refused = site.client.post(
        "/login",
        data={"key": "cs_wrong", "csrf": login_token(site.client)},
        follow_redirects=False,
    )
    assert refused.status_code == 401 and "密钥无效" in refused.text
    assert COOKIE not in refused.cookies
    site.client.cookies.set(COOKIE, "eyJrZXkiOiAxfQ==.forged.signature")
    assert site.client.get("/", follow_redirects=False).status_code == 303
    site.client.cookies.clear()
    site.sign_in()
    assert site.client.get("/", follow_redirects=False).status_code == 200
    site.keys.revoke("staff", NOW)  # revoking the key ends its sessions
    assert site.client.get("/", follow_redirects=False).status_code == 303


def test_a_form_posted_without_a_session_comes_back_to_its_page(site: Site) -> None:
    page = "/stores/b2b-220011"
    response = site.client.post(
        f"{page}/feed-token",
        headers={"referer": f"http://testserver{page}?lang=en"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fstores%2Fb2b-220011"
    after = site.client.post(
        "/login",
        data={"key": site.key, "next": page, "csrf": login_token(site.client)},
        follow_redirects=False,
    )
    assert after.headers["location"] == page
    assert site.client.get(page).status_code == 200  # a page, not 405 Method Not Allowed


def test_sign_out(site: Site) -> None:
    client = site.sign_in()
    token = form_token(client.get("/").text)
    out = client.post("/logout", data={"lang": "en", "csrf": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login?lang=en"
    assert client.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "", "stores"]
)
def test_sign_in_never_redirects_off_site(target: str) -> None:
    assert safe_next(target) == "/"


@pytest.mark.parametrize(
    ("path", "lang", "words"),
    [
        ("/", "zh", ["总览", "符合", "截止"]),
        ("/", "en", ["Overview", "eligible", "closes"]),
        ("/timeline", "zh", ["时间线", "截止日", "每天开放报名"]),
        ("/timeline", "en", ["Timeline", "deadline", "every day"]),
        # The deck's words beside each rule; thresholds as the deck writes them (8.5折, 0.01%).
        (
            "/catalog",
            "zh",
            [
                "活动目录",
                "目录版本",
                "假设值",
                "「给予的价格在8.5折以下」",
                "≤ 8.5折",
                "&lt; 0.01%",
            ],
        ),
        ("/catalog", "en", ["Catalog", "Catalog version", "assumed", "≤ 8.5折 (85%)"]),
        (f"/stores/{STORE}", "zh", ["差距", "生成订阅链接", "数据日期"]),
        (f"/stores/{STORE}", "en", ["Criterion", "Create a subscription link", "Data as of"]),
    ],
)
def test_pages_render_in_both_languages(
    signed_in: TestClient, path: str, lang: str, words: list[str]
) -> None:
    response = signed_in.get(path, params={"lang": lang} if lang == "en" else None)
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{"en" if lang == "en" else "zh-CN"}">' in html
    for word in words:
        assert word in html, word
    if lang == "en":  # the choice is kept in the links
        assert 'href="/timeline?lang=en"' in html and 'href="/catalog?lang=en"' in html
    assert 'name="viewport"' in html


def _columns(html: str) -> list[str]:
    return re.findall(r'<th class="col" scope="col" data-activity="([^"]+)"', html)


def test_overview_columns_by_deadline_and_cells_link_to_reasons(signed_in: TestClient) -> None:
    html = signed_in.get("/").text
    columns = _columns(html)
    assert len(columns) == 17
    deadlines = re.findall(r"截止 (\d\d-\d\d)", html)
    assert deadlines == sorted(deadlines)
    assert f'href="/stores/{STORE}#daily-group-wholesale"' in html
    assert re.search(r'class="s-ineligible" data-status="ineligible"', html)


def test_filters(signed_in: TestClient) -> None:
    daily = signed_in.get("/", params={"cycle": "daily"}).text
    assert _columns(daily) and all(c.startswith("daily-") for c in _columns(daily))
    eligible = signed_in.get("/", params={"status": "eligible", "cycle": "daily"}).text
    rows = eligible.split("<tbody>")[1].split("<tr>")[1:]
    assert rows and all('data-status="eligible"' in row for row in rows)
    named = signed_in.get("/", params={"q": "evil"}).text
    assert "evil-1" in named and STORE not in named
    none = signed_in.get("/", params={"q": "no store is called this"}).text
    assert "没有符合条件的店铺" in none
    english = signed_in.get("/", params={"q": "evil", "lang": "en"}).text
    assert 'name="lang" value="en"' in english and 'value="evil"' in english


def test_store_page_shows_bars_and_subscribe_links(site: Site) -> None:
    client = site.sign_in()
    html = client.get(f"/stores/{STORE}").text
    assert 'id="daily-group-wholesale"' in html
    assert html.count('role="meter"') > 10 and "还差 3 位买家" in html
    assert "width:" in html and 'aria-valuenow="' in html
    made = client.post(f"/stores/{STORE}/feed-token", data={"lang": "en", "csrf": form_token(html)})
    assert made.status_code == 200
    webcal = re.search(r'class="subscribe-webcal" href="(webcal://[^"]+)"', made.text)
    assert webcal is not None and webcal[1].endswith(".ics?lang=en")
    assert "calendar.google.com/calendar/render?cid=webcal" in made.text
    assert 'src="data:image/svg+xml;base64,' in made.text
    feed = "/" + webcal[1].split("/", 3)[3]
    assert client.get(feed).status_code == 200
    again = client.get(f"/stores/{STORE}").text
    assert webcal[1] not in again  # shown once
    site.container.repository.subscribe(STORE, "ops@example.com", "en", NOW)
    assert "ops@example.com" in client.get(f"/stores/{STORE}").text


def test_one_calendar_for_the_listed_stores_or_every_store(site: Site) -> None:
    client = site.sign_in()
    html = client.get("/?q=b2b-22001").text
    listed = re.findall(r'name="store" value="([^"]+)"', html)
    assert listed and all(s.startswith("b2b-22001") for s in listed)
    data = {"lang": "zh", "csrf": form_token(html), "store": listed}
    made = client.post("/feed-token", data=data)
    assert made.status_code == 200
    webcal = re.search(r'class="subscribe-webcal" href="(webcal://[^"]+)"', made.text)
    assert webcal is not None
    feed = client.get("/" + webcal[1].split("/", 3)[3])
    assert feed.status_code == 200 and f"{len(listed)} 家店铺".encode() in feed.content
    every = client.post("/feed-token", data={"lang": "en", "csrf": form_token(html)})
    link = re.search(r'class="subscribe-webcal" href="(webcal://[^"]+)"', every.text)
    assert link is not None and link[1].endswith(".ics?lang=en")
    assert client.get("/" + link[1].split("/", 3)[3]).status_code == 200


def test_unknown_store_is_a_404_page(signed_in: TestClient) -> None:
    response = signed_in.get("/stores/nobody")
    assert response.status_code == 404 and "nobody" in response.text


def test_store_names_with_markup_are_escaped(signed_in: TestClient) -> None:
    for path in ["/?q=evil", "/stores/evil-1"]:
        html = signed_in.get(path).text
        assert "<script>alert" not in html and "<b>店</b>" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;店&lt;/b&gt;" in html


def test_feeds_and_unsubscribe_stay_public(site: Site) -> None:
    token = site.container.repository.create_feed_token(STORE, NOW)
    assert site.client.get(f"/feeds/{token}.ics").status_code == 200
    assert site.client.get("/unsubscribe/unknown").status_code == 200
    assert site.client.get("/calendar.ics").status_code == 200
    assert site.client.get("/healthz").status_code == 200
