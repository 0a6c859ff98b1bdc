"""Store IDs with `/`, `?`, `#` or spaces: every URL built percent-encodes them, every route
takes them back, in the dashboard and in the API, on both databases."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from calendar_service.domain.snapshots import StoreSnapshot
from tests.test_dashboard import NOW, Site, form_token

# A literal `%` is tested against the real server (tests/test_web_server.py): Starlette's
# TestClient decodes a path twice.
IDS = ["shop/a/b", "shop?x=1&y=2", "shop#7", "空 格/店", "../etc"]


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    made = Site(database_url)
    snapshots = [
        StoreSnapshot(store_id=i, name=f"店 {n}", captured_at=NOW) for n, i in enumerate(IDS)
    ]
    made.container.repository.add_snapshots(snapshots, [], "test", NOW)
    yield made
    made.container.engine.dispose()


def test_the_overview_links_reach_every_store_page(site: Site) -> None:
    client = site.sign_in()
    overview = client.get("/").text
    for n, store_id in enumerate(IDS):
        link = f"/stores/{quote(store_id, safe='')}"
        assert f'href="{html.escape(link)}"' in overview
        page = client.get(link)
        assert page.status_code == 200, (store_id, page.status_code)
        assert f"店 {n}" in page.text


@pytest.mark.parametrize("store_id", IDS)
def test_the_feed_link_form_posts_to_the_right_store(site: Site, store_id: str) -> None:
    client = site.sign_in()
    page = client.get(f"/stores/{quote(store_id, safe='')}").text
    action = re.search(r'<form method="post" action="([^"]+/feed-token)"', page)
    assert action is not None
    made = client.post(html.unescape(action[1]), data={"csrf": form_token(page)})
    assert made.status_code == 200 and "webcal://" in made.text
    assert site.container.repository.stores_for_feed_token(
        re.search(r"/feeds/([^.]+)\.ics", made.text)[1]  # type: ignore[index]
    ) == (store_id,)


def test_a_sign_in_comes_back_to_the_encoded_page(site: Site) -> None:
    path = f"/stores/{quote('shop/a/b', safe='')}"
    response = site.client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert "next=%2Fstores%2Fshop%252Fa%252Fb" in response.headers["location"]


@pytest.mark.parametrize("store_id", IDS)
def test_the_api_reaches_every_store(site: Site, store_id: str) -> None:
    auth = {"X-API-Key": site.key}
    base = f"/api/stores/{quote(store_id, safe='')}"
    verdicts = site.client.get(f"{base}/eligibility", headers=auth)
    assert verdicts.status_code == 200 and verdicts.json()[0]["store_id"] == store_id
    made = site.client.post(f"{base}/subscriptions", json={"email": "a@example.com"}, headers=auth)
    assert made.status_code == 201, made.text
    listed = site.client.get(f"{base}/subscriptions", headers=auth).json()
    assert [s["email"] for s in listed] == ["a@example.com"]
    gone = site.client.delete(f"{base}/subscriptions/a@example.com", headers=auth)
    assert gone.status_code == 200, gone.text
