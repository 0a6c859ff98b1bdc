"""`GET /api/preview`: the messages reminder passes would send, as the preview use case lists
them; every bad value a 422 or 404 naming it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.api_support import Api, sample_api
from tests.dashboard_preview_support import AGENCY, OWNER, subscribe_sample
from tests.times import WEB_CLOCK

TODAY = WEB_CLOCK.date()


@pytest.fixture
def api(database_url: str) -> Iterator[Api]:
    made = sample_api(database_url)
    subscribe_sample(made.container.repository)
    yield made
    made.container.engine.dispose()


def use_case(api: Api, start: dt.date, end: dt.date, recipient: str | None) -> list[object]:
    """What the use case lists over [start, end), as JSON."""
    found = api.container.preview(WEB_CLOCK, start, end - dt.timedelta(days=1), recipient)
    return [p.as_json() for p in found]


@pytest.mark.parametrize(
    ("start", "days", "recipient"),
    [(TODAY, 14, AGENCY), (TODAY, 14, OWNER), (TODAY + dt.timedelta(days=3), 8, None)],
)
def test_the_list_is_the_use_cases(
    api: Api, start: dt.date, days: int, recipient: str | None
) -> None:
    end = start + dt.timedelta(days=days)
    params = {"from": start.isoformat(), "to": end.isoformat()}
    response = api.get("/api/preview", **params, **({"recipient": recipient} if recipient else {}))
    assert response.status_code == 200, response.text
    expected = use_case(api, start, end, recipient)
    assert expected, "the sample brings mail in these days"
    assert response.json() == expected
    recipients = {m["recipient"] for m in response.json()}
    assert recipients == ({recipient} if recipient else {AGENCY, OWNER})
    for who in recipients:  # one message a day at most
        days_sent = [m["send_at"][:10] for m in response.json() if m["recipient"] == who]
        assert len(days_sent) == len(set(days_sent))


def test_the_default_is_today_and_the_next_six_days(api: Api) -> None:
    response = api.get("/api/preview", recipient=OWNER)
    assert response.status_code == 200
    assert response.json() == use_case(api, TODAY, TODAY + dt.timedelta(days=7), OWNER)
    days = {m["send_at"][:10] for m in response.json()}
    assert days and all(
        TODAY.isoformat() <= d < (TODAY + dt.timedelta(days=7)).isoformat() for d in days
    )


def test_an_address_is_found_in_any_case_of_its_domain(api: Api) -> None:
    response = api.get("/api/preview", recipient="owner@SHOP.example.COM")
    assert response.status_code == 200
    assert response.json() == use_case(api, TODAY, TODAY + dt.timedelta(days=7), OWNER)


def test_a_key_is_required(api: Api) -> None:
    assert api.client.get("/api/preview").status_code == 401
    bad = {"Authorization": "Bearer cs_wrong"}
    assert api.client.get("/api/preview", headers=bad).status_code == 401


@pytest.mark.parametrize(
    ("params", "status", "names"),
    [
        ({"from": "2027-02-30"}, 422, "from"),
        ({"from": "tomorrow"}, 422, "from"),
        ({"to": "2027-13-01"}, 422, "to"),
        ({"from": "1969-12-31"}, 422, "from"),
        ({"from": "2027-01-20", "to": "2027-01-20"}, 422, "to"),
        ({"from": "2027-01-20", "to": "2027-01-10"}, 422, "to"),
        ({"from": "2027-01-01", "to": "2028-01-03"}, 422, "366"),
        ({"recipient": "not an address"}, 422, "recipient"),
        ({"recipient": "x" * 400 + "@example.com"}, 422, "recipient"),
        ({"recipient": "nobody@example.com"}, 404, "recipient"),
    ],
)
def test_a_bad_value_names_the_parameter(
    api: Api, params: dict[str, str], status: int, names: str
) -> None:
    response = api.get("/api/preview", **params)
    assert response.status_code == status, response.text
    assert names in response.text


def test_a_year_is_the_longest_range(api: Api) -> None:
    start, end = TODAY, TODAY + dt.timedelta(days=366)
    response = api.get("/api/preview", **{"from": start.isoformat(), "to": end.isoformat()},
                       recipient=OWNER)  # fmt: skip
    assert response.status_code == 200
