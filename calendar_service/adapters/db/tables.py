"""The database tables: the persistent shape of the domain values, kept apart from them.

Every snapshot table has one nullable column per field of its domain dataclass: NULL is
"unknown", never zero. The constraints guard the data against any writer, not only ours.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    UniqueConstraint,
    false,
    true,
)
from sqlmodel import Field, SQLModel

from calendar_service.adapters.db.types import (
    BIG_ID,
    ExactDecimal,
    UTCDateTime,
    in_range,
    non_negative,
)
from calendar_service.domain.figures import SHIPPING_PROMISES
from calendar_service.domain.recipients import CHANNELS
from calendar_service.domain.reminders import ReminderStatus
from calendar_service.domain.subscriptions import CYCLES, DAILY_SUMMARIES, LOCALES


def _one_of(table: str, name: str, values: tuple[str, ...]) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{name} IN ({listed})", name=f"ck_{table}_{name}")


_INT = Integer()
_DEC = ExactDecimal()

# Names for the constraints the models leave unnamed, so that a migration can drop or alter them
# (SQLite's batch mode needs a name for everything it rebuilds). They are PostgreSQL's own
# defaults, so a database created by release 0.1.0 (before the convention) already has them; the
# CHECK and UNIQUE constraints are named one by one below.
NAMING: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "pk": "%(table_name)s_pkey",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
}
SQLModel.metadata.naming_convention = NAMING


class StoreTable(SQLModel, table=True):
    __tablename__ = "stores"

    store_id: str = Field(primary_key=True)
    name: str | None = None  # from the newest snapshot that has one
    email: str | None = None
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    # How many times the store's feed URLs were revoked: signs the private feed links in mails,
    # so a revocation ends those too (services/signed_links.py).
    feed_generation: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class StoreSnapshotTable(SQLModel, table=True):
    __tablename__ = "store_snapshots"
    __table_args__ = (
        # Importing the same data twice adds nothing. Its index, led by (store_id, captured_at),
        # also serves "the latest snapshot of a store as of T".
        UniqueConstraint("store_id", "captured_at", "content_hash", name="uq_store_snapshots"),
        in_range("store_snapshots", "medal_level", _INT, 0, 5),
        in_range("store_snapshots", "satisfaction", _DEC, 0, 5),
        in_range("store_snapshots", "dispute_rate_90d", _DEC, 0, 1),
        *non_negative(
            "store_snapshots",
            _INT,
            "products_online",
            "products_listed",
            "buyers_30d",
            "disputes_90d",
        ),
        *non_negative(
            "store_snapshots",
            _DEC,
            "gmv_30d",
            "risk_score",
            "last_group_wholesale_gmv",
            "last_promotion_gmv",
        ),
        _one_of("store_snapshots", "shipping_promise", SHIPPING_PROMISES),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    store_id: str = Field(foreign_key="stores.store_id")
    captured_at: dt.datetime = Field(sa_type=UTCDateTime)
    imported_at: dt.datetime = Field(sa_type=UTCDateTime)
    source: str  # the file name, or "api"
    content_hash: str = Field(max_length=64)
    name: str | None = None
    member_since: dt.date | None = None
    medal_level: int | None = None
    satisfaction: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    products_online: int | None = None
    products_listed: int | None = None
    gmv_30d: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    buyers_30d: int | None = None
    shipping_promise: str | None = None
    buyer_protection: bool | None = None
    delivery_guarantee: bool | None = None
    alipay_verified: bool | None = None
    online_trading: bool | None = None
    disputes_90d: int | None = None
    dispute_rate_90d: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    risk_score: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    industrial_belt: str | None = None
    last_group_wholesale_gmv: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    last_promotion_gmv: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    email: str | None = None
    full_reduction: bool | None = None  # 满减


class ProductTable(SQLModel, table=True):
    __tablename__ = "products"

    product_id: str = Field(primary_key=True)
    store_id: str = Field(foreign_key="stores.store_id", index=True)
    title: str | None = None  # from the newest snapshot that has one


class ProductSnapshotTable(SQLModel, table=True):
    __tablename__ = "product_snapshots"
    __table_args__ = (
        UniqueConstraint("product_id", "captured_at", "content_hash", name="uq_product_snapshots"),
        # A store's products as of T.
        Index("ix_product_snapshots_store_captured", "store_id", "captured_at"),
        in_range("product_snapshots", "activity_discount", _DEC, 0, 1),
        *non_negative(
            "product_snapshots",
            _INT,
            "sales_30d",
            "buyers_30d",
            "clicks_30d",
            "stock",
            "sample_stock",
        ),
        *non_negative(
            "product_snapshots", _DEC, "wholesale_price", "competitiveness_score", "sample_price"
        ),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    product_id: str = Field(foreign_key="products.product_id")
    store_id: str = Field(foreign_key="stores.store_id")
    captured_at: dt.datetime = Field(sa_type=UTCDateTime)
    imported_at: dt.datetime = Field(sa_type=UTCDateTime)
    source: str
    content_hash: str = Field(max_length=64)
    title: str | None = None
    listed_at: dt.date | None = None
    wholesale_price: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    sales_30d: int | None = None
    buyers_30d: int | None = None
    clicks_30d: int | None = None
    competitiveness_score: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    free_sample: bool | None = None
    sample_price: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    stock: int | None = None
    online_order: bool | None = None
    image_square: bool | None = None
    image_watermark: bool | None = None
    description_complete: bool | None = None
    activity_discount: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    free_shipping: bool | None = None
    sample_stock: int | None = None  # 剩余数量: free samples remaining


class RobotTable(SQLModel, table=True):
    """A group robot (DingTalk, WeCom, Feishu) that receives reminders: its webhook URL and
    signing secret encrypted with the installation's key, never stored in the clear."""

    __tablename__ = "robots"
    __table_args__ = (
        UniqueConstraint("fingerprint", name="uq_robots_fingerprint"),
        _one_of("robots", "channel", CHANNELS),
        CheckConstraint("failures >= 0", name="ck_robots_failures"),
        CheckConstraint("budget_used >= 0", name="ck_robots_budget_used"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str
    # HMAC-SHA256 of the channel and URL under the installation's key: the same robot added
    # twice is found again without decrypting every row.
    fingerprint: str = Field(max_length=64)
    url_encrypted: str
    secret_encrypted: str | None = None
    label: str  # the URL masked (host and the token's last characters), for people
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    # Deliveries that failed in a row; at PAUSE_AFTER the robot is paused until resumed.
    failures: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    last_error: str | None = None
    paused_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The rate budget every daemon shares: messages posted since budget_start (a minute).
    budget_start: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    budget_used: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class SubscriptionTable(SQLModel, table=True):
    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("store_id", "email", name="uq_subscriptions_store_email"),
        UniqueConstraint("unsubscribe_token_hash", name="uq_subscriptions_unsubscribe_token_hash"),
        Index("ix_subscriptions_email", "email"),  # unsubscribe EMAIL, across stores
        _one_of("subscriptions", "locale", LOCALES),
        _one_of("subscriptions", "daily_summary", DAILY_SUMMARIES),
    )

    id: int | None = Field(default=None, primary_key=True)
    store_id: str = Field(foreign_key="stores.store_id")
    # The recipient: an email address, or "CHANNEL:ID" for a group robot ("dingtalk:3"; robot_id
    # names it).
    email: str
    locale: str
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    unsubscribed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    # sha256 of the random token in the links of mails sent by release 0.1.0; NULL for newer
    # subscriptions, whose links are signed (services/signed_links.py).
    unsubscribe_token_hash: str | None = Field(default=None, max_length=64)
    # Preferences: the cycles told about (comma-separated), whether a store that cannot sign up
    # is told about, and how often the daily activities are summed up.
    cycles: str = Field(
        default=",".join(CYCLES), sa_column_kwargs={"server_default": ",".join(CYCLES)}
    )
    include_ineligible: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    daily_summary: str = Field(default="weekly", sa_column_kwargs={"server_default": "weekly"})
    robot_id: int | None = Field(default=None, foreign_key="robots.id", index=True)


class FeedTokenTable(SQLModel, table=True):
    __tablename__ = "feed_tokens"
    __table_args__ = (UniqueConstraint("token_hash", name="uq_feed_tokens_token_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    # The store of a one-store feed; None for a feed over several stores (feed_token_stores
    # names them) or over every store (all_stores).
    store_id: str | None = Field(default=None, foreign_key="stores.store_id", index=True)
    token_hash: str = Field(max_length=64)  # sha256 hex; the token itself is never stored
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    all_stores: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class FeedTokenStoreTable(SQLModel, table=True):
    """The stores of a feed token over several stores (agency staff)."""

    __tablename__ = "feed_token_stores"

    token_id: int = Field(foreign_key="feed_tokens.id", primary_key=True)
    store_id: str = Field(foreign_key="stores.store_id", primary_key=True, index=True)


class ReminderTable(SQLModel, table=True):
    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("key", name="uq_reminders_key"),
        Index("ix_reminders_status_due", "status", "due_at"),  # the dispatcher's due work
        _one_of("reminders", "status", tuple(ReminderStatus)),
        in_range("reminders", "attempts", _INT),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str  # subscription id / occurrence key / kind: planning twice adds nothing
    subscription_id: int = Field(foreign_key="subscriptions.id", index=True)
    store_id: str = Field(foreign_key="stores.store_id")
    activity: str
    occurrence_key: str
    kind: str
    due_at: dt.datetime = Field(sa_type=UTCDateTime)
    deadline_at: dt.datetime = Field(sa_type=UTCDateTime)
    status: str = ReminderStatus.PENDING.value
    lease_owner: str | None = None
    lease_until: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = 0
    message_id: str | None = None
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    # What the sent message said of the store ("ineligible:criterion,criterion"): a later
    # reminder of the same window is sent to a store that cannot sign up only if this changed.
    told: str | None = None


class DeliveryAttemptTable(SQLModel, table=True):
    __tablename__ = "delivery_attempts"

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    reminder_id: int = Field(foreign_key="reminders.id", index=True)
    attempted_at: dt.datetime = Field(sa_type=UTCDateTime)
    outcome: str
    smtp_code: int | None = None
    detail: str | None = None


class DailyStatusTable(SQLModel, table=True):
    """The last definite status of a store for each daily activity: what a change is told from."""

    __tablename__ = "daily_statuses"

    store_id: str = Field(foreign_key="stores.store_id", primary_key=True)
    activity: str = Field(primary_key=True)
    status: str
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class PlannedTable(SQLModel, table=True):
    """How far a subscription's reminders of one cycle are planned, and under which catalog: a
    daemon's planner passes over a subscription another daemon (or its own last run) has just
    planned, so daemons sharing a database split the planning instead of repeating it."""

    __tablename__ = "planned"

    subscription_id: int = Field(foreign_key="subscriptions.id", primary_key=True)
    cycle: str = Field(primary_key=True)
    until: dt.datetime = Field(sa_type=UTCDateTime)
    catalog_version: str


class ApiKeyTable(SQLModel, table=True):
    """An API key of the agency's staff: only its sha256 is kept; revoked keys stay as a record."""

    __tablename__ = "api_keys"
    __table_args__ = (UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    key_hash: str = Field(max_length=64)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class DashboardSessionTable(SQLModel, table=True):
    """A signed-in dashboard session: only the sha256 of its cookie's id is kept, so a copied
    database opens no session; signing out deletes the row, revoking the key ends it too."""

    __tablename__ = "dashboard_sessions"

    id_hash: str = Field(primary_key=True, max_length=64)
    api_key_id: int = Field(foreign_key="api_keys.id", index=True)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime)


class SigningKeyTable(SQLModel, table=True):
    """The fingerprint of the key that signs links (one row per purpose): a daemon started with
    another key refuses to run instead of sending links that lead nowhere."""

    __tablename__ = "signing_keys"

    purpose: str = Field(primary_key=True, max_length=32)
    fingerprint: str = Field(max_length=64)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


METADATA: MetaData = SQLModel.metadata

# Core views of the tables above, for statements (inserts in bulk, upserts, window queries).
STORES: Table = METADATA.tables["stores"]
STORE_SNAPSHOTS: Table = METADATA.tables["store_snapshots"]
PRODUCTS: Table = METADATA.tables["products"]
PRODUCT_SNAPSHOTS: Table = METADATA.tables["product_snapshots"]
ROBOTS: Table = METADATA.tables["robots"]
SUBSCRIPTIONS: Table = METADATA.tables["subscriptions"]
FEED_TOKENS: Table = METADATA.tables["feed_tokens"]
FEED_TOKEN_STORES: Table = METADATA.tables["feed_token_stores"]
REMINDERS: Table = METADATA.tables["reminders"]
DELIVERY_ATTEMPTS: Table = METADATA.tables["delivery_attempts"]
DAILY_STATUSES: Table = METADATA.tables["daily_statuses"]
API_KEYS: Table = METADATA.tables["api_keys"]
PLANNED: Table = METADATA.tables["planned"]
DASHBOARD_SESSIONS: Table = METADATA.tables["dashboard_sessions"]
SIGNING_KEYS: Table = METADATA.tables["signing_keys"]
TABLES: tuple[Table, ...] = (
    STORES,
    STORE_SNAPSHOTS,
    PRODUCTS,
    PRODUCT_SNAPSHOTS,
    ROBOTS,
    SUBSCRIPTIONS,
    FEED_TOKENS,
    FEED_TOKEN_STORES,
    REMINDERS,
    DELIVERY_ATTEMPTS,
    DAILY_STATUSES,
    API_KEYS,
    PLANNED,
    DASHBOARD_SESSIONS,
    SIGNING_KEYS,
)
