"""The JSON API in process: every route behind a key, the importer's checks, both databases."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.api.routes import MAX_BODY
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.settings import load_settings
from tests.api_support import STORE, Api, sample_api
from tests.times import WEB_CLOCK

ERROR_LINE = re.compile(r"^request\.json:\d+: [\w ]+: .+")
NEW_STORE = {"store_id": "api-1", "name": "接口店", "captured_at": "2027-01-14 10:00",
             "medal_level": "3A", "buyers_30d": 20, "gmv_30d": "12,000",
             "email": "a@example.com"}  # fmt: skip
NEW_PRODUCT = {"product_id": "api-p1", "store_id": "api-1", "title": "T恤",
               "captured_at": "2027-01-14 10:00", "wholesale_price": 9.5,
               "stock": 10}  # fmt: skip


@pytest.fixture
def api(database_url: str) -> Iterator[Api]:
    """The app on an empty SQLite or PostgreSQL database, the sample loaded."""
    made = sample_api(database_url)
    yield made
    made.container.engine.dispose()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Api:
    """One SQLite app for the checks that never write (bad input, auth)."""
    return sample_api(f"sqlite:///{tmp_path_factory.mktemp('api') / 'calendar.db'}")


def api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route under /api/, found by walking app.routes."""
    found: list[tuple[str, str]] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if hasattr(route, "effective_candidates"):  # an included router (FastAPI ≥ 0.160)
                walk(route.effective_candidates())
                continue
            path, methods = getattr(route, "path", ""), getattr(route, "methods", None) or ()
            if isinstance(route, APIRoute) or path.startswith("/api/"):
                found.extend((m, path) for m in methods if path.startswith("/api/"))

    walk(list(app.routes))
    return sorted(set(found))


def _app_for_listing() -> FastAPI:
    # In memory: collecting the tests must not touch the project's own var/calendar.db.
    return create_app(Container(load_settings(database_url="sqlite://")), lambda: WEB_CLOCK)


ROUTES = api_routes(_app_for_listing())


def _concrete(path: str) -> str:
    return (
        path.replace("{store_id:path}", STORE)
        .replace("{store_id}", STORE)
        .replace("{email}", "x@example.com")
        .replace("{subscription_id}", "1")
    )


def test_the_api_routes_are_found_and_all_in_the_openapi_description() -> None:
    app = _app_for_listing()
    assert len(ROUTES) >= 10
    spec = app.openapi()
    published = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    assert {(m, p.replace(":path}", "}")) for m, p in ROUTES} <= published
    assert {"HTTPBearer", "APIKeyHeader"} <= set(spec["components"]["securitySchemes"])
    assert not any(p == "/" or p.startswith("/stores") for p in spec["paths"])  # no dashboard


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nope"}, {"X-API-Key": "nope"}, {"Authorization": "Basic eDp5"}],
    ids=["none", "bad-bearer", "bad-header", "basic"],
)
def test_every_api_route_needs_a_valid_key(
    shared: Api, method: str, path: str, headers: dict[str, str]
) -> None:
    before = shared.container.repository.store_ids()
    response = shared.client.request(
        method, _concrete(path), headers=headers, json={"email": "x@example.com"}
    )
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert "apikey create" in response.json()["detail"]
    assert shared.container.repository.store_ids() == before


def test_a_revoked_key_is_refused_and_the_header_form_works(shared: Api) -> None:
    keys = ApiKeys(shared.container.engine)
    key = keys.create("short-lived", WEB_CLOCK)
    assert shared.client.get("/api/stores", headers={"X-API-Key": key}).status_code == 200
    assert keys.revoke("short-lived", WEB_CLOCK) == 1
    assert shared.client.get("/api/stores", headers={"X-API-Key": key}).status_code == 401
    assert [k.active for k in keys.listed() if k.name == "short-lived"] == [False]


def test_unauthenticated_bad_json_is_a_401_not_a_422(shared: Api) -> None:
    response = shared.client.post("/api/snapshots", content=b"{not json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/healthz", 200),
        ("/calendar.ics", 200),
        ("/feeds/unknown.ics", 404),  # a token nobody was given, not a missing key
        ("/unsubscribe/unknown", 200),  # the confirm page; only its POST unsubscribes
    ],
)
def test_public_routes_need_no_key(shared: Api, path: str, status: int) -> None:
    assert shared.client.get(path).status_code == status


def test_snapshots_round_trip(api: Api) -> None:
    response = api.post("/api/snapshots", {"stores": [NEW_STORE], "products": [NEW_PRODUCT]})
    assert response.status_code == 201, response.text
    assert response.json() == {"stores_added": 1, "products_added": 1, "rows": 2, "warnings": []}
    again = api.post("/api/snapshots", {"stores": [NEW_STORE], "products": [NEW_PRODUCT]})
    assert again.json()["stores_added"] == 0  # the same data twice adds nothing
    stores = {s["store_id"]: s for s in api.get("/api/stores").json()}
    assert stores["api-1"] == {
        "store_id": "api-1", "name": "接口店", "data_as_of": "2027-01-14T02:00:00Z"
    }  # fmt: skip
    products = api.post("/api/snapshots", [dict(NEW_PRODUCT, captured_at="2027-01-14 11:00")])
    assert products.status_code == 201 and products.json()["products_added"] == 1


def test_a_bad_row_rejects_the_whole_request(api: Api) -> None:
    before = api.container.repository.store_ids()
    bad = dict(NEW_STORE, store_id="api-2", buyers_30d="many")
    response = api.post("/api/snapshots", {"stores": [NEW_STORE, bad]})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert len(errors) == 1 and ERROR_LINE.match(errors[0]) and ": buyers_30d: " in errors[0]
    assert api.container.repository.store_ids() == before


@pytest.mark.parametrize(
    ("body", "column"),
    [
        ([dict(NEW_STORE, gmv_30d="abc")], "gmv_30d"),  # wrong type
        ([dict(NEW_STORE, medal_level=9)], "medal_level"),
        ([dict(NEW_STORE, captured_at="next tuesday")], "captured_at"),  # bad date
        ([dict(NEW_STORE, captured_at="2027-02-30 10:00")], "captured_at"),
        ([dict(NEW_STORE, captured_at="2030-01-01 10:00")], "captured_at"),  # the future
        ([{k: v for k, v in NEW_STORE.items() if k != "store_id"}], "header"),
        ([dict(NEW_PRODUCT, store_id="no-such-store")], "store_id"),  # unknown store
        ([dict(NEW_STORE, alipay_verified=[1])], "alipay_verified"),
        ("just a string", "file"),
        ([], "file"),
        ({"stores": "x"}, "file"),
    ],
)
def test_bad_snapshots_are_a_422_listing_each_problem(shared: Api, body: Any, column: str) -> None:
    before = shared.container.repository.store_ids()
    response = shared.post("/api/snapshots", body)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert errors and all(ERROR_LINE.match(e) for e in errors), errors
    assert any(f": {column}: " in e for e in errors), errors
    assert shared.container.repository.store_ids() == before


def test_half_a_surrogate_pair_in_a_name_is_a_422_naming_the_row(shared: Api) -> None:
    """JSON may escape half of a UTF-16 pair ("\\ud83d"): no character, it cannot be stored."""
    before = shared.container.repository.store_ids()
    body = (
        b'{"stores": [{"store_id": "api-9", "name": "\\u5e97\\ud83d",'
        b' "captured_at": "2027-01-14 10:00"},\n'
        b' {"store_id": "api-10", "name": "\\ud83d\\ude00 \\u5e97",'
        b' "captured_at": "2027-01-14 10:00"}]}'
    )
    response = shared.client.post("/api/snapshots", content=body, headers=shared.json_auth)
    assert response.status_code == 422, response.text
    (error,) = response.json()["errors"]  # the whole pair (an emoji) on line 2 is fine
    assert ERROR_LINE.match(error) and ":1: name: contains U+D83D at character 2" in error
    assert shared.container.repository.store_ids() == before


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b""])
def test_a_body_that_is_not_json_is_a_422(shared: Api, content: bytes) -> None:
    response = shared.client.post("/api/snapshots", content=content, headers=shared.json_auth)
    assert response.status_code == 422
    assert all(ERROR_LINE.match(e) for e in response.json()["errors"])


@pytest.mark.parametrize("path", ["/api/snapshots", f"/api/stores/{STORE}/subscriptions"])
def test_an_oversized_body_is_a_413_and_writes_nothing(shared: Api, path: str) -> None:
    before = shared.container.repository.store_ids()
    body = json.dumps([NEW_STORE] * (MAX_BODY // 150)).encode()
    assert len(body) > MAX_BODY
    response = shared.client.post(path, content=body, headers=shared.json_auth)
    assert response.status_code == 413
    assert shared.container.repository.store_ids() == before


def test_eligibility_in_the_design_shape(api: Api) -> None:
    everything = api.get(f"/api/stores/{STORE}/eligibility")
    assert everything.status_code == 200 and len(everything.json()) >= 15
    one = api.get(f"/api/stores/{STORE}/eligibility", activity="daily-group-wholesale").json()
    assert list(one)[:8] == ["store_id", "activity", "occurrence", "status", "data_as_of",
                             "catalog_version", "criteria", "products"]  # fmt: skip
    assert one["status"] == "ineligible"
    buyers = next(c for c in one["criteria"] if c["status"] == "fail")
    assert set(buyers) >= {"key", "label", "kind", "status", "value", "threshold", "gap", "message"}
    english = api.get(
        f"/api/stores/{STORE}/eligibility", activity="daily-group-wholesale", lang="en"
    ).json()
    assert english["locale"] == "en" and english["criteria"][0]["label"].isascii()
    earlier = api.get(f"/api/stores/{STORE}/eligibility", activity="promo-327", at="2026-12-20")
    assert earlier.status_code == 200 and earlier.json()["activity"] == "promo-327"


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"activity": "no-such-activity"}, 422),
        ({"at": "yesterday"}, 422),
        ({"at": "2027-13-01"}, 422),
        ({"lang": "fr"}, 422),
    ],
)
def test_bad_eligibility_queries(shared: Api, params: dict[str, str], status: int) -> None:
    response = shared.get(f"/api/stores/{STORE}/eligibility", **params)
    assert response.status_code == status and response.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/stores/nobody/eligibility"),
        ("GET", "/api/stores/nobody/subscriptions"),
        ("POST", "/api/stores/nobody/subscriptions"),
        ("DELETE", "/api/stores/nobody/subscriptions/x@example.com"),
        ("POST", "/api/stores/nobody/feed-tokens"),
        ("DELETE", "/api/stores/nobody/feed-tokens"),
    ],
)
def test_an_unknown_store_is_a_404(shared: Api, method: str, path: str) -> None:
    body = {"email": "x@example.com"} if method == "POST" else None
    response = shared.client.request(method, path, json=body, headers=shared.auth)
    assert response.status_code == 404
    assert response.json()["detail"].startswith("no data for store 'nobody'; import its ")


def test_occurrences(shared: Api) -> None:
    found = shared.get("/api/occurrences", **{"from": "2027-03-01", "to": "2027-04-01"}).json()
    assert {"promo-327", "monthly-sales"} <= {o["activity"] for o in found}
    yearly = shared.get(
        "/api/occurrences", cycle="yearly", **{"from": "2027-01-01", "to": "2028-01-01"}
    )
    assert {o["cycle"] for o in yearly.json()} == {"yearly"} and len(yearly.json()) == 3
    assert shared.get("/api/occurrences").status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2027-02-30"},
        {"from": "soon"},
        {"from": "2027-03-01", "to": "2027-02-01"},
        {"from": "2027-01-01", "to": "2035-01-01"},
        {"cycle": "weekly"},
    ],
)
def test_bad_occurrence_queries_are_a_422(shared: Api, params: dict[str, str]) -> None:
    assert shared.get("/api/occurrences", **params).status_code == 422


def test_activities_are_the_catalog(shared: Api) -> None:
    catalog = shared.get("/api/activities").json()
    assert catalog["version"] and len(catalog["activities"]) == 17


def test_subscriptions(api: Api) -> None:
    path = f"/api/stores/{STORE}/subscriptions"
    made = api.post(path, {"email": "Ops@Example.COM", "locale": "en"})
    assert made.status_code == 201 and made.json()["email"] == "Ops@example.com"
    assert "unsubscribe_token" not in made.json()
    assert [s["email"] for s in api.get(path).json()] == ["Ops@example.com"]
    gone = api.client.delete(f"{path}/Ops@example.com", headers=api.auth)
    assert gone.status_code == 200 and gone.json() == {"ended": 1}
    assert api.client.delete(f"{path}/Ops@example.com", headers=api.auth).status_code == 404
    assert api.get(path).json() == []
    assert [s["active"] for s in api.get(path, include_ended="true").json()] == [False]


def test_a_chinese_domain_is_kept_in_ascii_and_found_by_either_spelling(api: Api) -> None:
    path = f"/api/stores/{STORE}/subscriptions"
    made = api.post(path, {"email": "ops@例子.中国"})
    assert made.status_code == 201 and made.json()["email"] == "ops@xn--fsqu00a.xn--fiqs8s"
    gone = api.client.delete(f"{path}/ops@例子.中国", headers=api.auth)
    assert gone.status_code == 200 and gone.json() == {"ended": 1}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"email": "not-an-address"}, "not a valid email address"),
        ({"email": "店主@example.com"}, "before the @-sign"),  # would need SMTPUTF8
        ({"email": 5}, "string"),
        ({"email": "a@example.com", "locale": "fr"}, "zh-CN"),
        ({}, "missing"),
    ],
)
def test_bad_subscriptions_are_a_422(shared: Api, body: dict[str, Any], problem: str) -> None:
    response = shared.post(f"/api/stores/{STORE}/subscriptions", body)
    assert response.status_code == 422
    assert problem in response.text
    assert (
        shared.client.delete(
            f"/api/stores/{STORE}/subscriptions/店主@example.com", headers=shared.auth
        ).status_code
        == 422
    )


def test_feed_tokens_are_shown_once_and_revocable(api: Api) -> None:
    made = api.post(f"/api/stores/{STORE}/feed-tokens?lang=en")
    assert made.status_code == 201
    links = made.json()
    assert links["webcal"].startswith("webcal://") and links["url"].endswith("?lang=en")
    assert links["google"].startswith("https://calendar.google.com/")
    feed_path = "/" + links["url"].split("/", 3)[3]
    assert api.client.get(feed_path).status_code == 200  # the feed keeps its own token
    revoked = api.client.delete(f"/api/stores/{STORE}/feed-tokens", headers=api.auth)
    assert revoked.json() == {"revoked": 1}
    assert api.client.get(feed_path).status_code == 404
    assert api.post(f"/api/stores/{STORE}/feed-tokens?lang=fr").status_code == 422


def test_one_feed_over_several_stores_or_all(api: Api) -> None:
    made = api.post("/api/feed-tokens", {"stores": [STORE, "b2b-220001"]})
    assert made.status_code == 201, made.text
    path = "/" + made.json()["url"].split("/", 3)[3]
    feed = api.client.get(path)
    assert feed.status_code == 200 and "伙拼 每日可报名: ✓ ".encode() in feed.content
    every = api.post("/api/feed-tokens?lang=en", {"all": True})
    all_path = "/" + every.json()["url"].split("/", 3)[3]
    assert api.client.get(all_path).status_code == 200
    bodies: list[dict[str, Any]] = [{}, {"stores": [STORE], "all": True}, {"stores": []}]
    for body in bodies:
        assert api.post("/api/feed-tokens", body).status_code == 422, body
    unknown = api.post("/api/feed-tokens", {"stores": [STORE, "nobody"]})
    assert unknown.status_code == 404 and "nobody" in unknown.json()["detail"]
    revoked = api.client.delete("/api/feed-tokens", headers=api.auth)
    assert revoked.json() == {"revoked": 1} and api.client.get(all_path).status_code == 404
    api.client.delete(f"/api/stores/{STORE}/feed-tokens", headers=api.auth)
    assert api.client.get(path).status_code == 404  # it showed that store
