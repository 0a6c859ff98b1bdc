"""API routes for a store's reminder subscriptions and private feed tokens."""

# No `from __future__ import annotations`: FastAPI resolves the endpoints' annotations,
# some of them name dependencies local to the router factory.

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from calendar_service.api import schemas
from calendar_service.bootstrap import Container
from calendar_service.domain.subscriptions import subscriber_address
from calendar_service.errors import UnknownStoreError
from calendar_service.services.feed_links import issue_feed_url

MAX_ID = 2**63 - 1  # no id is larger: a 422; one past the column's range is a 404
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem}}


def add_subscription_routes(
    router: APIRouter,
    container: Container,
    clock: Callable[[], dt.datetime],
    known_store: Callable[[str], str],
) -> None:
    """Subscriptions (list, create, end) and feed tokens (create once, revoke all)."""
    Store = Annotated[str, Depends(known_store)]  # noqa: N806  # a type alias, named as one

    @router.get(
        "/stores/{store_id:path}/subscriptions",
        response_model=list[schemas.SubscriptionOut],
        responses=NOT_FOUND,
    )
    def subscriptions(store_id: Store, include_ended: bool = False) -> Any:
        """The store's subscriptions, active ones only unless `include_ended`."""
        found = container.repository.subscriptions(store_id, active_only=not include_ended)
        return [schemas.SubscriptionOut.of(s) for s in found]

    @router.post(
        "/stores/{store_id:path}/subscriptions",
        status_code=201,
        response_model=schemas.SubscriptionOut,
        responses=NOT_FOUND,
    )
    def subscribe(store_id: Store, body: schemas.SubscriptionIn) -> Any:
        """Send the store's reminders to an address; again: re-activates, updates the locale
        and the preferences given (those left out stay as they were)."""
        made = container.repository.subscribe(
            store_id,
            body.email,
            body.locale,
            clock(),
            cycles=body.cycles,
            include_ineligible=body.include_ineligible,
            daily_summary=body.daily_summary,
        )
        return schemas.SubscriptionOut.of(made)

    @router.patch(
        "/subscriptions/{subscription_id}",
        response_model=schemas.SubscriptionOut,
        responses=NOT_FOUND,
    )
    def set_preferences(
        subscription_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: schemas.PreferencesIn
    ) -> Any:
        """Set a subscription's preferences: only those given; the subscription as it is now."""
        try:
            preferences = body.preferences()
        except ValueError as e:  # the schema checks first; this is the domain's word on it
            raise HTTPException(422, str(e)) from None
        if preferences.empty:
            found = container.repository.subscription(subscription_id)
        else:
            change = container.repository.set_preferences(subscription_id, preferences)
            found = None if change is None else change.after
        if found is None:
            raise HTTPException(
                404,
                f"no subscription {subscription_id}: see GET /api/stores/{{id}}/subscriptions",
            )
        return schemas.SubscriptionOut.of(found)

    @router.delete(
        "/stores/{store_id:path}/subscriptions/{email}",
        response_model=schemas.Ended,
        responses=NOT_FOUND,
    )
    def unsubscribe(store_id: Store, email: str) -> Any:
        """End the address's subscription to the store."""
        try:
            ended = container.repository.unsubscribe(subscriber_address(email), store_id, clock())
        except ValueError as e:
            raise HTTPException(422, str(e)) from None
        if not ended:
            raise HTTPException(404, f"{email!r} has no active subscription to {store_id!r}")
        return schemas.Ended(ended=ended)

    @router.post(
        "/stores/{store_id:path}/feed-tokens",
        status_code=201,
        response_model=schemas.FeedLinks,
        responses=NOT_FOUND,
    )
    def create_feed_token(
        store_id: Store, lang: Annotated[str, Query(pattern="^(zh|en)$")] = "zh"
    ) -> Any:
        """A new private feed URL: returned this once, since only its hash is stored."""
        links = issue_feed_url(
            container.repository, container.settings.base_url, [store_id], lang, clock()
        )
        return schemas.FeedLinks(url=links.https, webcal=links.webcal, google=links.google)

    @router.delete(
        "/stores/{store_id:path}/feed-tokens", response_model=schemas.Revoked, responses=NOT_FOUND
    )
    def revoke_feed_tokens(store_id: Store) -> Any:
        """Revoke every private feed URL of the store."""
        return schemas.Revoked(revoked=container.repository.revoke_feed_tokens(store_id, clock()))

    @router.post(
        "/feed-tokens", status_code=201, response_model=schemas.FeedLinks, responses=NOT_FOUND
    )
    def create_stores_feed_token(
        body: schemas.StoresFeedIn, lang: Annotated[str, Query(pattern="^(zh|en)$")] = "zh"
    ) -> Any:
        """A new private URL of one feed over several stores, or every store (`all`): one event
        per window listing the stores by status. Returned this once."""
        stores = None if body.all else body.stores
        try:
            links = issue_feed_url(
                container.repository, container.settings.base_url, stores, lang, clock()
            )
        except UnknownStoreError as e:
            raise HTTPException(404, str(e)) from None
        return schemas.FeedLinks(url=links.https, webcal=links.webcal, google=links.google)

    @router.delete("/feed-tokens", response_model=schemas.Revoked)
    def revoke_all_stores_feed_tokens() -> Any:
        """Revoke every URL of a feed over every store (those over chosen stores end with any
        of their stores' `DELETE /stores/{id}/feed-tokens`)."""
        return schemas.Revoked(revoked=container.repository.revoke_feed_tokens(None, clock()))
