"""Sessions, forms, headers and bodies: what the web app refuses, in process, on both databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from calendar_service.adapters.db.tables import DASHBOARD_SESSIONS, FEED_TOKENS
from calendar_service.dashboard.session import COOKIE, LOGIN_COOKIE
from calendar_service.entrypoints.web_guard import MAX_FORM_BODY
from tests.test_dashboard import NOW, STORE, Site, form_token, login_token


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    made = Site(database_url)
    yield made
    made.container.engine.dispose()


def _feed_tokens(site: Site) -> int:
    with site.container.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(FEED_TOKENS)) or 0)


def test_a_cookie_copied_before_signing_out_opens_nothing_after(site: Site) -> None:
    client = site.sign_in()
    copied = client.cookies[COOKIE]
    token = form_token(client.get("/").text)
    client.post("/logout", data={"csrf": token}, follow_redirects=False)
    client.cookies.clear()
    client.cookies.set(COOKIE, copied)
    assert client.get("/", follow_redirects=False).status_code == 303
    with site.container.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(DASHBOARD_SESSIONS)) == 0


def test_the_cookie_is_a_random_id_and_the_database_keeps_only_its_hash(site: Site) -> None:
    client = site.sign_in()
    cookie = client.cookies[COOKIE]
    with site.container.engine.connect() as connection:
        kept = connection.execute(select(DASHBOARD_SESSIONS.c.id_hash)).scalars().all()
    assert len(kept) == 1 and cookie not in kept[0] and len(kept[0]) == 64


@pytest.mark.parametrize(
    ("headers", "with_token"),
    [
        ({"Origin": "https://evil.example"}, True),  # the case: a valid cookie and token
        ({"Origin": "http://testserver:8080"}, True),  # another port of the same host
        ({"Origin": "null"}, True),
        ({"Sec-Fetch-Site": "same-site"}, True),
        ({"Sec-Fetch-Site": "cross-site"}, True),
        ({}, False),  # our origin but no token: a form we did not render
    ],
)
def test_a_form_not_from_our_pages_is_refused(
    site: Site, headers: dict[str, str], with_token: bool
) -> None:
    client = site.sign_in()
    token = form_token(client.get(f"/stores/{STORE}").text)
    data = {"lang": "en"} | ({"csrf": token} if with_token else {})
    refused = client.post(f"/stores/{STORE}/feed-token", data=data, headers=headers)
    assert refused.status_code == 403 and "Request refused" in refused.text
    assert _feed_tokens(site) == 0
    accepted = client.post(
        f"/stores/{STORE}/feed-token",
        data=data | {"csrf": token},
        headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},
    )
    assert accepted.status_code == 200 and _feed_tokens(site) == 1


def test_signing_out_needs_the_token_too(site: Site) -> None:
    client = site.sign_in()
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200  # still signed in


@pytest.mark.parametrize(
    ("headers", "with_token"),
    [
        ({}, False),  # a sign-in form posted from elsewhere has no token of ours
        ({"Origin": "https://evil.example"}, True),
        ({"Sec-Fetch-Site": "cross-site"}, True),
    ],
)
def test_login_csrf_is_refused(site: Site, headers: dict[str, str], with_token: bool) -> None:
    token = login_token(site.client)
    data = {"key": site.key} | ({"csrf": token} if with_token else {})
    response = site.client.post("/login", data=data, headers=headers, follow_redirects=False)
    assert response.status_code == 403
    assert COOKIE not in response.cookies
    assert site.client.get("/", follow_redirects=False).status_code == 303


def test_the_login_token_must_match_the_browsers_cookie(site: Site) -> None:
    token = login_token(site.client)
    site.client.cookies.set(LOGIN_COOKIE, "another-browsers-token-0123456789", path="/login")
    response = site.client.post(
        "/login", data={"key": site.key, "csrf": token}, follow_redirects=False
    )
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/login", "/", "/unsubscribe/x", "/calendar.ics", "/healthz"])
def test_security_headers_on_every_response(site: Site, path: str) -> None:
    site.sign_in()
    response = site.client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert "script-src" not in csp  # default-src 'none': no script at all, inline or not
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_no_page_has_an_inline_script(site: Site) -> None:
    client = site.sign_in()
    for path in ["/login", "/", "/timeline", "/catalog", f"/stores/{STORE}", "/unsubscribe/x"]:
        assert "<script" not in client.get(path).text.lower()


def test_no_swagger_ui_from_a_cdn(site: Site) -> None:
    assert site.client.get("/docs").status_code == 404
    assert site.client.get("/redoc").status_code == 404
    assert site.client.get("/openapi.json").status_code == 200


def test_private_feeds_and_the_api_are_not_for_shared_caches(site: Site) -> None:
    token = site.container.repository.create_feed_token(STORE, NOW)
    feed = site.client.get(f"/feeds/{token}.ics")
    assert feed.headers["cache-control"] == "private, no-cache"
    assert "public" in site.client.get("/calendar.ics").headers["cache-control"]
    api = site.client.get("/api/stores", headers={"X-API-Key": site.key})
    assert api.status_code == 200 and api.headers["cache-control"] == "no-store"
    assert site.client.get("/api/stores").headers["cache-control"] == "no-store"  # a 401 too


@pytest.mark.parametrize("path", ["/login", "/logout", "/unsubscribe/x", f"/stores/{STORE}/x"])
def test_a_big_body_outside_the_api_is_refused_unread(site: Site, path: str) -> None:
    body = b"key=" + b"a" * (MAX_FORM_BODY + 1)
    response = site.client.post(
        path, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413 and "64 KB" in response.text


def test_a_big_chunked_body_is_refused_too(site: Site) -> None:
    def chunks() -> Iterator[bytes]:  # a generator: httpx sends it chunked
        for _ in range(100):
            yield b"a" * 4096

    response = site.client.post(
        "/login", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413
