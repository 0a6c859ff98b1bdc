"""The JSON API in process for tests: the app on a database with the sample loaded, and a client
holding a key for it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from calendar_service.adapters.db.api_keys import ApiKeys
from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT
from tests.times import CST, WEB_CLOCK

STORE = "b2b-220011"  # the sample store 3 buyers short of 伙拼


class Api:
    """A client of the app with a key, and the container behind it."""

    def __init__(self, container: Container, key: str) -> None:
        self.container = container
        self.app = create_app(container, lambda: WEB_CLOCK)
        self.client = TestClient(self.app)
        self.key = key
        self.auth = {"Authorization": f"Bearer {key}"}
        self.json_auth = {**self.auth, "Content-Type": "application/json"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params=params, headers=self.auth)

    def post(self, path: str, body: Any = None, **kw: Any) -> Any:
        return self.client.post(path, json=body, headers=self.auth, **kw)


def sample_api(database_url: str) -> Api:
    """The app on the database at `database_url` with the sample loaded, and a key for it."""
    # Feeds revalidated on every request, so a revoked token is seen at once.
    container = Container(load_settings(database_url=database_url, feed_revalidate_seconds=0))
    load_sample(PROJECT / "data" / "sample", container.repository, CST, WEB_CLOCK)
    return Api(container, ApiKeys(container.engine).create("test", WEB_CLOCK))
