"""The web app in process: health, the catalog feed and its HTTP caching."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from fastapi.testclient import TestClient

from calendar_service.adapters.db.repository import Repository
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT

CST = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2027, 1, 15, 9, 0, tzinfo=CST)


@pytest.fixture
def client(database_url: str) -> TestClient:
    container = Container(load_settings(database_url=database_url))
    app = create_app(container, lambda: dt.datetime(2027, 1, 15, 9, 0, tzinfo=CST))
    return TestClient(app)


def test_health(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_catalog_feed_is_calendar_text_with_a_strong_etag(client: TestClient) -> None:
    response = client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "327大促".encode() in response.content
    etag = response.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response.headers["last-modified"].endswith("GMT")
    again = client.get("/calendar.ics", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    changed = client.get("/calendar.ics", headers={"If-None-Match": '"other"'})
    assert changed.status_code == 200 and changed.content == response.content


IDENTITY = {"Accept-Encoding": "identity"}


@pytest.mark.parametrize("path", ["/calendar.ics", "/calendar.ics?lang=en&alarms=P1D"])
def test_gzip_when_asked_with_an_etag_of_its_own(client: TestClient, path: str) -> None:
    plain = client.get(path, headers=IDENTITY)
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    for asked in ("gzip", "br, gzip;q=0.5", "*"):
        packed = client.get(path, headers={"Accept-Encoding": asked})
        assert packed.headers["content-encoding"] == "gzip", asked
        assert packed.headers["vary"] == "Accept-Encoding"
        assert packed.content == plain.content  # httpx unpacked it
        assert packed.headers["etag"] != plain.headers["etag"]
        assert int(packed.headers["content-length"]) < len(plain.content) / 3
    for refusing in ("gzip;q=0, br", "*, gzip;q=0", "br", "gzip;q=bad"):
        refused = client.get(path, headers={"Accept-Encoding": refusing})
        assert "content-encoding" not in refused.headers, refusing
        assert refused.headers["etag"] == plain.headers["etag"]
    # Each ETag revalidates its own encoding only.
    gz_tag = client.get(path, headers={"Accept-Encoding": "gzip"}).headers["etag"]
    assert client.get(path, headers={"If-None-Match": gz_tag, **IDENTITY}).status_code == 200
    assert client.get(path, headers={"If-None-Match": f"W/{gz_tag}"}).status_code == 304


def test_head_gives_the_headers_of_a_get_and_no_body(client: TestClient) -> None:
    for headers in (IDENTITY, {"Accept-Encoding": "gzip"}):
        got = client.get("/calendar.ics", headers=headers)
        head = client.head("/calendar.ics", headers=headers)
        assert head.status_code == 200 and head.content == b""
        for name in ("etag", "last-modified", "content-type", "vary", "cache-control"):
            assert head.headers[name] == got.headers[name]
        assert head.headers["content-length"] == got.headers["content-length"]


def test_if_modified_since_gives_a_304(client: TestClient) -> None:
    got = client.get("/calendar.ics", headers=IDENTITY)
    modified = got.headers["last-modified"]
    same = client.get("/calendar.ics", headers={"If-Modified-Since": modified})
    assert same.status_code == 304 and same.headers["last-modified"] == modified
    earlier = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert client.get("/calendar.ics", headers={"If-Modified-Since": earlier}).status_code == 200
    unreadable = client.get("/calendar.ics", headers={"If-Modified-Since": "yesterday"})
    assert unreadable.status_code == 200
    # If-None-Match wins when both are sent (RFC 9110 §13.2.2).
    both = {"If-Modified-Since": modified, "If-None-Match": '"other"'}
    assert client.get("/calendar.ics", headers=both).status_code == 200


def test_feed_options_change_the_feed(client: TestClient) -> None:
    english = client.get("/calendar.ics?lang=en&cycles=yearly")
    assert english.status_code == 200
    assert b"327 new-season promotion" in english.content
    assert "伙拼".encode() not in english.content
    assert english.headers["etag"] != client.get("/calendar.ics").headers["etag"]


@pytest.mark.parametrize("query", ["cycles=weekly", "alarms=tomorrow", "lang=fr", "alarm=P1D"])
def test_bad_feed_options_are_a_400_with_a_reason(client: TestClient, query: str) -> None:
    response = client.get(f"/calendar.ics?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("alarms", ["PT15S", "PT1H", "PT3599S", "P4D", "P90D", "P1D,P2D,P3D,P1W"])
def test_alarms_come_from_a_closed_set(client: TestClient, alarms: str) -> None:
    """Each new `?alarms=PT<n>S` was another feed built and cached: now a 400 naming the choices."""
    response = client.get(f"/calendar.ics?alarms={alarms}")
    assert response.status_code == 400
    assert "PT15H" in response.json()["detail"] or "at most 3" in response.json()["detail"]


@pytest.mark.parametrize("alarms", ["PT2H", "PT12H", "PT15H", "P1D", "P2D", "P3D", "P1W", "P14D"])
def test_every_offered_alarm_is_taken(client: TestClient, alarms: str) -> None:
    assert client.get(f"/calendar.ics?alarms={alarms}").status_code == 200


@pytest.fixture
def store_client(database_url: str) -> tuple[TestClient, str, Repository]:
    container = Container(load_settings(database_url=database_url))
    repository = container.repository
    load_sample(PROJECT / "data" / "sample", repository, CST, NOW)
    token = repository.create_feed_token("b2b-220011")
    return TestClient(create_app(container, lambda: NOW)), token, repository


def test_store_feed_carries_the_store_verdict_in_each_event(
    store_client: tuple[TestClient, str, Repository],
) -> None:
    client, token, _ = store_client
    response = client.get(f"/feeds/{token}.ics")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = [e for e in calendar.walk("VEVENT") if "伙拼" in str(e["SUMMARY"])]
    assert events
    assert str(events[0]["SUMMARY"]).startswith("日常活动 每日可报名: ✓ 快订")
    assert "✗ 伙拼" in str(events[0]["SUMMARY"])
    text = str(events[0]["DESCRIPTION"])
    assert "✗ 不符合 伙拼: 近30天买家数 12 < 15:还差 3 位买家" in text.split("\n")[:4]
    assert str(events[0]["UID"]).endswith(":store-b2b-220011@calendar-service")
    etag = response.headers["etag"]
    assert client.get(f"/feeds/{token}.ics", headers={"If-None-Match": etag}).status_code == 304
    english = client.get(f"/feeds/{token}.ics?lang=en")
    english_texts = [
        str(e["DESCRIPTION"]) for e in icalendar.Calendar.from_ical(english.content).walk("VEVENT")
    ]
    assert any("✗ Not eligible Group wholesale: " in t for t in english_texts)


def test_store_feed_head_gzip_and_if_modified_since(
    store_client: tuple[TestClient, str, Repository],
) -> None:
    client, token, _ = store_client
    got = client.get(f"/feeds/{token}.ics", headers={"Accept-Encoding": "gzip"})
    assert got.headers["content-encoding"] == "gzip"
    # Judged as of the day: the feed is as new as the day's start, or its data.
    assert got.headers["last-modified"] == "Thu, 14 Jan 2027 16:00:00 GMT"
    head = client.head(f"/feeds/{token}.ics", headers={"Accept-Encoding": "gzip"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    modified = {"If-Modified-Since": got.headers["last-modified"]}
    assert client.get(f"/feeds/{token}.ics", headers=modified).status_code == 304
    assert client.head("/feeds/not-a-token.ics").status_code == 404


def test_unknown_and_revoked_tokens_look_the_same(
    store_client: tuple[TestClient, str, Repository],
) -> None:
    client, token, repository = store_client
    unknown = client.get("/feeds/not-a-token.ics")
    repository.revoke_feed_tokens("b2b-220011")
    revoked = client.get(f"/feeds/{token}.ics")
    assert unknown.status_code == revoked.status_code == 404
    assert unknown.content == revoked.content
