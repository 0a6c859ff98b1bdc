"""Subscriptions and private feed tokens: who hears about a store, and who may read its feed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from calendar_service.adapters.db.bulk import dialect_insert
from calendar_service.adapters.db.engine import write_transaction
from calendar_service.adapters.db.stores import require_stores
from calendar_service.adapters.db.tables import (
    FEED_TOKEN_STORES,
    FEED_TOKENS,
    PLANNED,
    SIGNING_KEYS,
    STORES,
    SUBSCRIPTIONS,
)
from calendar_service.adapters.db.types import require_aware
from calendar_service.domain.recipients import robot_id_of
from calendar_service.domain.subscriptions import (
    DEFAULT_LOCALE,
    PreferenceChange,
    Preferences,
    Subscription,
    cycles_text,
)

_MAX_ID = 2**31 - 1  # subscriptions.id is an INTEGER: past it, PostgreSQL refuses the query
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def feed_token_hash(token: str) -> str:
    """What the database keeps of a feed token: its sha256, in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_email(email: str) -> str:
    """The recipient as stored: an address trimmed, its domain in lower case (a robot's key,
    "dingtalk:3", as it is); ValueError when it is neither, or not ASCII
    (`domain.subscriptions.subscriber_address` gives a domain its ASCII form)."""
    address = email.strip()
    if robot_id_of(address) is not None:
        return address
    if not _EMAIL.fullmatch(address):
        raise ValueError(f"{email!r} is not an email address")
    if not address.isascii():
        raise ValueError(f"{email!r} is not ASCII: write its domain in its xn-- form")
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


class SubscriberRepository:
    """The subscription and feed-token half of the Repository."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # Feed tokens -------------------------------------------------------------------------
    def create_feed_token(self, store_id: str, now: dt.datetime | None = None) -> str:
        """A new private feed token for the store; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        row = {"store_id": store_id, "token_hash": feed_token_hash(token), "created_at": _now(now)}
        with write_transaction(self._engine) as connection:
            require_stores(connection, {store_id}, what="a feed token names a store")
            connection.execute(insert(FEED_TOKENS), row)
        return token

    def create_stores_feed_token(
        self, store_ids: Sequence[str] | None, now: dt.datetime | None = None
    ) -> str:
        """A new token for one feed over several stores, or over every store (None)."""
        token = secrets.token_urlsafe(32)
        row = {
            "store_id": None,
            "all_stores": store_ids is None,
            "token_hash": feed_token_hash(token),
            "created_at": _now(now),
        }
        with write_transaction(self._engine) as connection:
            if store_ids is not None:
                if not store_ids:
                    raise ValueError("a feed over several stores needs at least one store")
                require_stores(connection, set(store_ids), what="a feed token names stores")
            token_id = connection.execute(
                insert(FEED_TOKENS).returning(FEED_TOKENS.c.id), row
            ).scalar_one()
            if store_ids is not None:
                links = [{"token_id": token_id, "store_id": s} for s in sorted(set(store_ids))]
                connection.execute(insert(FEED_TOKEN_STORES), links)
        return token

    def stores_for_feed_token(self, token: str) -> tuple[str, ...] | None:
        """The stores a live token shows, sorted (every known store for an all-stores token);
        None for unknown and revoked tokens alike."""
        statement = select(FEED_TOKENS).where(
            FEED_TOKENS.c.token_hash == feed_token_hash(token), FEED_TOKENS.c.revoked_at.is_(None)
        )
        with self._engine.connect() as connection:
            row = connection.execute(statement).first()
            if row is None:
                return None
            if row.store_id is not None:
                return (row.store_id,)
            if row.all_stores:
                listed = select(STORES.c.store_id).order_by(STORES.c.store_id)
            else:
                listed = (
                    select(FEED_TOKEN_STORES.c.store_id)
                    .where(FEED_TOKEN_STORES.c.token_id == row.id)
                    .order_by(FEED_TOKEN_STORES.c.store_id)
                )
            return tuple(connection.scalars(listed))

    def feed_generation(self, store_id: str) -> int:
        """How many times the store's feed URLs were revoked (0 for an unknown store)."""
        statement = select(STORES.c.feed_generation).where(STORES.c.store_id == store_id)
        with self._engine.connect() as connection:
            return connection.scalars(statement).first() or 0

    def store_for_subscription_feed(self, subscription_id: int, generation: int) -> str | None:
        """The store of a mail's private feed link: None once the subscription has ended or
        the store's feed URLs were revoked after the mail was written."""
        statement = (
            select(SUBSCRIPTIONS.c.store_id)
            .join(STORES, STORES.c.store_id == SUBSCRIPTIONS.c.store_id)
            .where(
                SUBSCRIPTIONS.c.id == subscription_id,
                SUBSCRIPTIONS.c.unsubscribed_at.is_(None),
                STORES.c.feed_generation == generation,
            )
        )
        with self._engine.connect() as connection:
            return connection.scalars(statement).first()

    def revoke_feed_tokens(self, store_id: str | None, now: dt.datetime | None = None) -> int:
        """Revoke every live token that shows the store (its own, and those over several stores
        that name it, and the private feed links in mails about it); None: every all-stores
        token. How many tokens were revoked."""
        which: ColumnElement[bool]
        if store_id is None:
            which = FEED_TOKENS.c.all_stores.is_(True)
        else:
            naming = select(FEED_TOKEN_STORES.c.token_id).where(
                FEED_TOKEN_STORES.c.store_id == store_id
            )
            which = or_(FEED_TOKENS.c.store_id == store_id, FEED_TOKENS.c.id.in_(naming))
        statement = (
            update(FEED_TOKENS)
            .where(which, FEED_TOKENS.c.revoked_at.is_(None))
            .values(revoked_at=_now(now))
        )
        with write_transaction(self._engine) as connection:
            if store_id is not None:  # mails' private feed links are signed with the generation
                connection.execute(
                    update(STORES)
                    .where(STORES.c.store_id == store_id)
                    .values(feed_generation=STORES.c.feed_generation + 1)
                )
            return connection.execute(statement).rowcount

    # Subscriptions -----------------------------------------------------------------------
    def subscribe(
        self,
        store_id: str,
        email: str,
        locale: str = DEFAULT_LOCALE,
        now: dt.datetime | None = None,
        *,
        cycles: str | Iterable[str] | None = None,
        include_ineligible: bool | None = None,
        daily_summary: str | None = None,
        robot_id: int | None = None,
    ) -> Subscription:
        """Subscribe; for a known store and email, update the locale and re-activate it.
        With `robot_id` the recipient is that group robot, `email` its key ("dingtalk:3").

        A preference left None is the schema's default for a new subscription (every cycle,
        stores that cannot sign up included, a weekly summary) and is kept as it was chosen for
        one subscribed before: subscribing again does not undo the preferences page.
        """
        if robot_id is not None and robot_id_of(email) != robot_id:
            raise ValueError(f"{email!r} is not the key of robot {robot_id}")
        chosen = Preferences.checked(cycles, include_ineligible, daily_summary, locale)
        given = _preference_values(chosen)
        row = {
            "store_id": store_id,
            "email": normalize_email(email),
            "robot_id": robot_id,
            "created_at": _now(now),
            **given,
        }
        with write_transaction(self._engine) as connection:
            require_stores(connection, {store_id}, what="a subscription names a store")
            upsert = dialect_insert(connection, SUBSCRIPTIONS)
            again = {name: upsert.excluded[name] for name in given}
            statement = upsert.on_conflict_do_update(
                index_elements=["store_id", "email"], set_={**again, "unsubscribed_at": None}
            ).returning(*SUBSCRIPTIONS.c)
            return _subscription(connection.execute(statement, row).mappings().one())

    def set_preferences(
        self, subscription_id: int, preferences: Preferences
    ) -> PreferenceChange | None:
        """Set preferences on one subscription (ended or not); None when there is no such
        subscription. The change says what it was and what it is now."""
        if not 0 < subscription_id <= _MAX_ID:
            return None
        with write_transaction(self._engine) as connection:
            found = self._set(connection, SUBSCRIPTIONS.c.id == subscription_id, preferences)
            return found[0] if found else None

    def set_recipient_preferences(
        self, email: str, preferences: Preferences, store_ids: Sequence[str] | None = None
    ) -> list[PreferenceChange]:
        """Set preferences on every active subscription of the address, or on those to
        `store_ids`; the ones that changed, by store. All or nothing: a store the address has
        no active subscription to is a ValueError naming it, and nothing is written."""
        which = [
            SUBSCRIPTIONS.c.email == normalize_email(email),
            SUBSCRIPTIONS.c.unsubscribed_at.is_(None),
        ]
        if store_ids is not None:
            which.append(SUBSCRIPTIONS.c.store_id.in_(sorted(set(store_ids))))
        with write_transaction(self._engine) as connection:
            if store_ids is not None:
                subscribed = select(SUBSCRIPTIONS.c.store_id).where(*which)
                missing = sorted(set(store_ids) - set(connection.scalars(subscribed)))
                if missing:
                    raise ValueError(
                        f"{email} has no active subscription to store "
                        f"{', '.join(missing)}: subscribe first, or leave the store out"
                    )
            return [c for c in self._set(connection, and_(*which), preferences) if c.changed]

    def _set(
        self, connection: Connection, which: ColumnElement[bool], preferences: Preferences
    ) -> list[PreferenceChange]:
        """Set the preferences on the rows `which` picks (read under a lock, then one UPDATE):
        each row as it was and as it is, changed or not."""
        query = select(SUBSCRIPTIONS).where(which).order_by(SUBSCRIPTIONS.c.store_id)
        before = read_subscriptions(connection, query.with_for_update())
        values = _preference_values(preferences)
        if not before or not values:
            return [PreferenceChange(s, s) for s in before]
        connection.execute(update(SUBSCRIPTIONS).where(which).values(**values))
        after = {s.id: s for s in read_subscriptions(connection, query)}
        replan = [
            s.id
            for s in before
            if (s.cycles, s.daily_summary) != (after[s.id].cycles, after[s.id].daily_summary)
        ]
        if replan:  # other reminders to plan: the planners take these subscriptions again
            connection.execute(delete(PLANNED).where(PLANNED.c.subscription_id.in_(replan)))
        return [PreferenceChange(s, after[s.id]) for s in before]

    def unsubscribe(
        self, email: str, store_id: str | None = None, now: dt.datetime | None = None
    ) -> int:
        """End the address's active subscriptions (to one store, or all); how many ended."""
        statement = (
            update(SUBSCRIPTIONS)
            .where(
                SUBSCRIPTIONS.c.email == normalize_email(email),
                SUBSCRIPTIONS.c.unsubscribed_at.is_(None),
            )
            .values(unsubscribed_at=_now(now))
        )
        if store_id is not None:
            statement = statement.where(SUBSCRIPTIONS.c.store_id == store_id)
        with write_transaction(self._engine) as connection:
            return connection.execute(statement).rowcount

    def end_subscription(self, subscription_id: int, now: dt.datetime | None = None) -> bool:
        """End one subscription; True if it exists (also when it had already ended)."""
        return self._end(SUBSCRIPTIONS.c.id == subscription_id, now)

    def end_subscription_by_token_hash(
        self, token_hash: str, now: dt.datetime | None = None
    ) -> bool:
        """End the subscription of a link from release 0.1.0, found by its token's sha256."""
        return self._end(SUBSCRIPTIONS.c.unsubscribe_token_hash == token_hash, now)

    def _end(self, which: ColumnElement[bool], now: dt.datetime | None) -> bool:
        statement = (
            update(SUBSCRIPTIONS)
            .where(which, SUBSCRIPTIONS.c.unsubscribed_at.is_(None))
            .values(unsubscribed_at=_now(now))
        )
        with write_transaction(self._engine) as connection:
            if connection.execute(statement).rowcount:
                return True
            return connection.scalars(select(SUBSCRIPTIONS.c.id).where(which)).first() is not None

    def check_signing_key(self, purpose: str, fingerprint: str, now: dt.datetime) -> bool:
        """Whether the key is the one recorded for `purpose`; the first key is recorded then
        (unless the database takes no writes: the next command that can write records it)."""
        recorded = select(SIGNING_KEYS.c.fingerprint).where(SIGNING_KEYS.c.purpose == purpose)
        with self._engine.connect() as connection:
            found = connection.scalars(recorded).first()
        if found is None:
            row = {"purpose": purpose, "fingerprint": fingerprint, "created_at": now}
            try:
                with write_transaction(self._engine) as connection:
                    upsert = dialect_insert(connection, SIGNING_KEYS).on_conflict_do_nothing()
                    connection.execute(upsert, row)
                    found = connection.scalars(recorded).one()  # another's, if it came first
            except DBAPIError:
                return True  # a read-only database: it cannot send mail either
        return bool(found == fingerprint)

    def subscription(self, subscription_id: int) -> Subscription | None:
        """One subscription by its id (ended ones too)."""
        if not 0 < subscription_id <= _MAX_ID:
            return None
        statement = select(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.id == subscription_id)
        with self._engine.connect() as connection:
            found = read_subscriptions(connection, statement)
        return found[0] if found else None

    def subscriptions_of(self, email: str, active_only: bool = True) -> list[Subscription]:
        """The address's subscriptions (any spelling of it), sorted by store."""
        statement = (
            select(SUBSCRIPTIONS)
            .where(SUBSCRIPTIONS.c.email == normalize_email(email))
            .order_by(SUBSCRIPTIONS.c.store_id)
        )
        if active_only:
            statement = statement.where(SUBSCRIPTIONS.c.unsubscribed_at.is_(None))
        with self._engine.connect() as connection:
            return read_subscriptions(connection, statement)

    def store_names(self, store_ids: Iterable[str]) -> dict[str, str | None]:
        """The stores' names by id (None until known); unknown stores are left out."""
        wanted = sorted(set(store_ids))
        if not wanted:
            return {}
        statement = select(STORES.c.store_id, STORES.c.name).where(STORES.c.store_id.in_(wanted))
        with self._engine.connect() as connection:
            return {row.store_id: row.name for row in connection.execute(statement)}

    def subscriptions(
        self, store_id: str | None = None, active_only: bool = True
    ) -> list[Subscription]:
        """Subscriptions (of one store, or all), sorted by store and email."""
        statement = select(SUBSCRIPTIONS).order_by(SUBSCRIPTIONS.c.store_id, SUBSCRIPTIONS.c.email)
        if store_id is not None:
            statement = statement.where(SUBSCRIPTIONS.c.store_id == store_id)
        if active_only:
            statement = statement.where(SUBSCRIPTIONS.c.unsubscribed_at.is_(None))
        with self._engine.connect() as connection:
            return read_subscriptions(connection, statement)


def _now(now: dt.datetime | None) -> dt.datetime:
    # The repository is at the edge: callers that travel in time pass `now`.
    return dt.datetime.now(dt.UTC) if now is None else require_aware(now, "now")


def _preference_values(preferences: Preferences) -> dict[str, Any]:
    """The columns that preferences set, as stored; those left None are left out."""
    values: dict[str, Any] = {
        "include_ineligible": preferences.include_ineligible,
        "daily_summary": preferences.daily_summary,
        "locale": preferences.locale,
    }
    if preferences.cycles is not None:
        values["cycles"] = cycles_text(preferences.cycles)
    return {k: v for k, v in values.items() if v is not None}


def read_subscriptions(connection: Connection, query: Select[Any]) -> list[Subscription]:
    """The subscriptions a query of SUBSCRIPTIONS' columns finds, in its order."""
    return [_subscription(row) for row in connection.execute(query).mappings()]


def _subscription(row: Mapping[Any, Any]) -> Subscription:
    fields = {f.name: row[f.name] for f in dataclasses.fields(Subscription)}
    fields["cycles"] = frozenset(c for c in fields["cycles"].split(",") if c)
    return Subscription(**fields)
