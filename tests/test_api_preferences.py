"""Subscription preferences over the JSON API: in every subscription, taken by POST, set by
PATCH /api/subscriptions/{id}; a bad value is a 422 naming the field, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api_support import STORE, Api, sample_api

PATH = f"/api/stores/{STORE}/subscriptions"


@pytest.fixture
def api(database_url: str) -> Iterator[Api]:
    made = sample_api(database_url)
    yield made
    made.container.engine.dispose()


def _patch(api: Api, subscription_id: int | str, body: Any) -> Any:
    return api.client.patch(f"/api/subscriptions/{subscription_id}", json=body, headers=api.auth)


def test_a_subscription_carries_its_preferences_the_defaults_first(api: Api) -> None:
    made = api.post(PATH, {"email": "ops@example.com"})
    assert made.status_code == 201, made.text
    body = made.json()
    assert isinstance(body["id"], int)
    assert body["cycles"] == ["yearly", "quarterly", "monthly", "daily"]
    assert (body["include_ineligible"], body["daily_summary"], body["locale"]) == (
        True,
        "weekly",
        "zh-CN",
    )
    assert api.get(PATH).json() == [body]


def test_post_takes_the_preferences_and_lists_cycles_in_their_order(api: Api) -> None:
    given = {
        "email": "ops@example.com",
        "locale": "en",
        "cycles": ["daily", "yearly"],
        "include_ineligible": False,
        "daily_summary": "daily",
    }
    body = api.post(PATH, given).json()
    assert body["cycles"] == ["yearly", "daily"]
    assert (body["include_ineligible"], body["daily_summary"], body["locale"]) == (
        False,
        "daily",
        "en",
    )
    again = api.post(PATH, {"email": "ops@example.com", "locale": "en"}).json()
    assert again["cycles"] == ["yearly", "daily"] and again["daily_summary"] == "daily"  # kept


def test_patch_sets_only_what_it_is_given(api: Api) -> None:
    made = api.post(PATH, {"email": "ops@example.com"}).json()
    other = api.post(PATH, {"email": "boss@example.com"}).json()
    done = _patch(api, made["id"], {"cycles": ["monthly"], "daily_summary": "daily"})
    assert done.status_code == 200, done.text
    assert {k: done.json()[k] for k in ("cycles", "daily_summary", "include_ineligible")} == {
        "cycles": ["monthly"],
        "daily_summary": "daily",
        "include_ineligible": True,
    }
    assert _patch(api, made["id"], {"locale": "en", "include_ineligible": None}).json() == {
        **done.json(),
        "locale": "en",
    }
    assert _patch(api, made["id"], {}).json()["locale"] == "en"  # nothing given, nothing set
    listed = {s["email"]: s for s in api.get(PATH).json()}
    assert listed["ops@example.com"]["cycles"] == ["monthly"]
    assert listed["boss@example.com"] == other  # only that subscription


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cycles": ["weekly"]}, "cycles"),
        ({"cycles": []}, "cycles"),
        ({"cycles": "monthly"}, "cycles"),
        ({"daily_summary": "hourly"}, "daily_summary"),
        ({"locale": "fr"}, "locale"),
        ({"include_ineligible": "perhaps"}, "include_ineligible"),
        ({"cycle": ["monthly"]}, "cycle"),  # a misspelt field is not ignored
    ],
)
def test_a_bad_value_is_a_422_naming_its_field_and_sets_nothing(
    api: Api, body: dict[str, Any], field: str
) -> None:
    made = api.post(PATH, {"email": "ops@example.com"}).json()
    response = _patch(api, made["id"], body)
    assert response.status_code == 422, response.text
    assert field in [str(part) for e in response.json()["detail"] for part in e["loc"]]
    if field != "cycle":
        created = api.post(PATH, {"email": "new@example.com", **body})
        assert created.status_code == 422 and field in created.text
    assert api.get(PATH).json() == [made]


@pytest.mark.parametrize("subscription_id", ["999999", str(2**31), str(2**63 - 1)])
def test_an_unknown_subscription_is_a_404(api: Api, subscription_id: str) -> None:
    response = _patch(api, subscription_id, {"locale": "en"})
    assert response.status_code == 404 and "no subscription" in response.json()["detail"]
    assert _patch(api, subscription_id, {}).status_code == 404


@pytest.mark.parametrize("subscription_id", ["0", "-1", str(2**63), "x", "1.5"])
def test_an_id_that_cannot_be_one_is_a_422(api: Api, subscription_id: str) -> None:
    assert _patch(api, subscription_id, {"locale": "en"}).status_code == 422


def test_patch_needs_a_key(api: Api) -> None:
    made = api.post(PATH, {"email": "ops@example.com"}).json()
    for headers in ({}, {"X-API-Key": "nope"}):
        response = api.client.patch(
            f"/api/subscriptions/{made['id']}", json={"locale": "en"}, headers=headers
        )
        assert response.status_code == 401
    assert api.get(PATH).json() == [made]


def test_patch_is_in_the_openapi_description(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    operation = spec["paths"]["/api/subscriptions/{subscription_id}"]["patch"]
    assert {"200", "404", "422"} <= set(operation["responses"])
