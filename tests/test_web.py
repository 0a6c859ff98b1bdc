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
    text = str(events[0]["DESCRIPTION"])
    assert "本店状态: 不符合报名条件" in text and "还差 3 位买家" in text
    assert str(events[0]["UID"]).endswith(":store-b2b-220011@calendar-service")
    etag = response.headers["etag"]
    assert client.get(f"/feeds/{token}.ics", headers={"If-None-Match": etag}).status_code == 304
    english = client.get(f"/feeds/{token}.ics?lang=en")
    assert b"This store: not eligible" in english.content


def test_unknown_and_revoked_tokens_look_the_same(
    store_client: tuple[TestClient, str, Repository],
) -> None:
    client, token, repository = store_client
    unknown = client.get("/feeds/not-a-token.ics")
    repository.revoke_feed_tokens("b2b-220011")
    revoked = client.get(f"/feeds/{token}.ics")
    assert unknown.status_code == revoked.status_code == 404
    assert unknown.content == revoked.content
