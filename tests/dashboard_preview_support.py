"""The subscriptions the preview tests share: an agency watching every sample store, and a
store's owner watching its own."""

from __future__ import annotations

from calendar_service.adapters.db import Repository
from tests.times import WEB_CLOCK

AGENCY = "agency@example.com"
OWNER = "owner@shop.example.com"
OWNER_STORE = "b2b-220011"  # the sample store 3 buyers short of 伙拼


def subscribe_sample(repository: Repository) -> list[str]:
    """AGENCY to every sample store (Chinese mail), OWNER to OWNER_STORE (English); the stores."""
    stores = repository.store_ids()
    for store in stores:
        repository.subscribe(store, AGENCY, "zh-CN", WEB_CLOCK)
    repository.subscribe(OWNER_STORE, OWNER, "en", WEB_CLOCK)
    return stores
