"""The overview in pages of PAGE_SIZE stores: every store on exactly one page, filters kept."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from calendar_service.dashboard.overview import PAGE_SIZE
from calendar_service.domain.snapshots import StoreSnapshot
from tests.test_dashboard import NOW, Site

EXTRA = 2 * PAGE_SIZE + 30  # with the sample's stores: three pages


@pytest.fixture
def client(database_url: str) -> Iterator[tuple[TestClient, int]]:
    site = Site(database_url)
    many = [
        StoreSnapshot(store_id=f"bulk-{n:04d}", name=f"批量店{n}", captured_at=NOW)
        for n in range(EXTRA)
    ]
    site.container.repository.add_snapshots(many, [], "test", NOW)
    yield site.sign_in(), len(site.container.repository.stores())
    site.container.engine.dispose()


def _stores(html: str) -> list[str]:
    return re.findall(r'<td class="store">.*?<span class="muted">([^<]+)</span></td>', html)


def test_every_store_is_on_exactly_one_page(client: tuple[TestClient, int]) -> None:
    signed_in, total = client
    pages = -(-total // PAGE_SIZE)
    seen: list[str] = []
    for number in range(1, pages + 1):
        html = signed_in.get("/", params={"page": str(number)}).text
        found = _stores(html)
        assert len(found) == (PAGE_SIZE if number < pages else total - PAGE_SIZE * (pages - 1))
        assert f"{number} / {pages}" in html
        seen += found
    assert len(seen) == len(set(seen)) == total


def test_the_pager_links_keep_the_filters(client: tuple[TestClient, int]) -> None:
    signed_in, _total = client
    html = signed_in.get("/", params={"q": "批量", "lang": "en"}).text
    assert len(_stores(html)) == PAGE_SIZE
    following = re.search(r'<a rel="next" href="([^"]+)"', html)
    assert following is not None
    link = following[1].replace("&amp;", "&")
    assert "page=2" in link and "lang=en" in link and "q=" in link
    second = signed_in.get(link).text
    assert len(_stores(second)) == PAGE_SIZE and 'rel="prev"' in second


@pytest.mark.parametrize(("asked", "shown"), [("999", 3), ("abc", 1), ("0", 1), ("-2", 1)])
def test_a_page_out_of_range_shows_the_nearest(
    client: tuple[TestClient, int], asked: str, shown: int
) -> None:
    signed_in, _total = client
    html = signed_in.get("/", params={"page": asked, "q": "批量"}).text
    assert f"{shown} / 3" in html and _stores(html)


def test_a_status_filter_pages_its_matches(client: tuple[TestClient, int]) -> None:
    signed_in, _total = client
    first = signed_in.get("/", params={"status": "unknown", "q": "批量"}).text
    assert len(_stores(first)) == PAGE_SIZE and "1 / 3" in first
    last = signed_in.get("/", params={"status": "unknown", "q": "批量", "page": "3"}).text
    assert len(_stores(last)) == EXTRA - 2 * PAGE_SIZE
    assert not set(_stores(first)) & set(_stores(last))
