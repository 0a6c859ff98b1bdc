"""The schema of release 0.1.0, exactly: the tables `create_all` made before migrations.

A database that 0.1.0 created has no alembic_version; `schema.py` recognises it by its tables
and columns and stamps it with this revision instead of running it.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString

from calendar_service.adapters.db.types import BIG_ID, ExactDecimal, UTCDateTime, in_range

DEC = ExactDecimal()


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", AutoString(), nullable=False),
        sa.Column("key_hash", AutoString(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("api_keys_pkey")),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_keys_name"), ["name"], unique=False)

    op.create_table(
        "stores",
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("name", AutoString(), nullable=True),
        sa.Column("email", AutoString(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("store_id", name=op.f("stores_pkey")),
    )
    op.create_table(
        "daily_statuses",
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("activity", AutoString(), nullable=False),
        sa.Column("status", AutoString(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("daily_statuses_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("store_id", "activity", name=op.f("daily_statuses_pkey")),
    )
    op.create_table(
        "feed_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("token_hash", AutoString(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("feed_tokens_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("feed_tokens_pkey")),
        sa.UniqueConstraint("token_hash", name="uq_feed_tokens_token_hash"),
    )
    with op.batch_alter_table("feed_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feed_tokens_store_id"), ["store_id"], unique=False)

    op.create_table(
        "products",
        sa.Column("product_id", AutoString(), nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("title", AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("products_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("products_pkey")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_store_id"), ["store_id"], unique=False)

    op.create_table(
        "store_snapshots",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("captured_at", UTCDateTime(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("source", AutoString(), nullable=False),
        sa.Column("content_hash", AutoString(length=64), nullable=False),
        sa.Column("name", AutoString(), nullable=True),
        sa.Column("member_since", sa.Date(), nullable=True),
        sa.Column("medal_level", sa.Integer(), nullable=True),
        sa.Column("satisfaction", ExactDecimal(), nullable=True),
        sa.Column("products_online", sa.Integer(), nullable=True),
        sa.Column("products_listed", sa.Integer(), nullable=True),
        sa.Column("gmv_30d", ExactDecimal(), nullable=True),
        sa.Column("buyers_30d", sa.Integer(), nullable=True),
        sa.Column("shipping_promise", AutoString(), nullable=True),
        sa.Column("buyer_protection", sa.Boolean(), nullable=True),
        sa.Column("delivery_guarantee", sa.Boolean(), nullable=True),
        sa.Column("alipay_verified", sa.Boolean(), nullable=True),
        sa.Column("online_trading", sa.Boolean(), nullable=True),
        sa.Column("disputes_90d", sa.Integer(), nullable=True),
        sa.Column("dispute_rate_90d", ExactDecimal(), nullable=True),
        sa.Column("risk_score", ExactDecimal(), nullable=True),
        sa.Column("industrial_belt", AutoString(), nullable=True),
        sa.Column("last_group_wholesale_gmv", ExactDecimal(), nullable=True),
        sa.Column("last_promotion_gmv", ExactDecimal(), nullable=True),
        sa.Column("email", AutoString(), nullable=True),
        sa.CheckConstraint(
            "shipping_promise IN ('24h', '48h', '72h', 'none')",
            name="ck_store_snapshots_shipping_promise",
        ),
        sa.CheckConstraint("buyers_30d >= 0", name="ck_store_snapshots_buyers_30d"),
        in_range("store_snapshots", "dispute_rate_90d", DEC, 0, 1),
        sa.CheckConstraint("disputes_90d >= 0", name="ck_store_snapshots_disputes_90d"),
        in_range("store_snapshots", "gmv_30d", DEC),
        in_range("store_snapshots", "last_group_wholesale_gmv", DEC),
        in_range("store_snapshots", "last_promotion_gmv", DEC),
        sa.CheckConstraint(
            "medal_level >= 0 AND medal_level <= 5", name="ck_store_snapshots_medal_level"
        ),
        sa.CheckConstraint("products_listed >= 0", name="ck_store_snapshots_products_listed"),
        sa.CheckConstraint("products_online >= 0", name="ck_store_snapshots_products_online"),
        in_range("store_snapshots", "risk_score", DEC),
        in_range("store_snapshots", "satisfaction", DEC, 0, 5),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("store_snapshots_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("store_snapshots_pkey")),
        sa.UniqueConstraint("store_id", "captured_at", "content_hash", name="uq_store_snapshots"),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("email", AutoString(), nullable=False),
        sa.Column("locale", AutoString(), nullable=False),
        sa.Column("unsubscribe_token", AutoString(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("unsubscribed_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("locale IN ('zh-CN', 'en')", name="ck_subscriptions_locale"),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("subscriptions_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("subscriptions_pkey")),
        sa.UniqueConstraint("store_id", "email", name="uq_subscriptions_store_email"),
        sa.UniqueConstraint("unsubscribe_token", name="uq_subscriptions_unsubscribe_token"),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index("ix_subscriptions_email", ["email"], unique=False)

    op.create_table(
        "planned",
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("cycle", AutoString(), nullable=False),
        sa.Column("until", UTCDateTime(), nullable=False),
        sa.Column("catalog_version", AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("planned_subscription_id_fkey")
        ),
        sa.PrimaryKeyConstraint("subscription_id", "cycle", name=op.f("planned_pkey")),
    )
    op.create_table(
        "product_snapshots",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("product_id", AutoString(), nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("captured_at", UTCDateTime(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("source", AutoString(), nullable=False),
        sa.Column("content_hash", AutoString(length=64), nullable=False),
        sa.Column("title", AutoString(), nullable=True),
        sa.Column("listed_at", sa.Date(), nullable=True),
        sa.Column("wholesale_price", ExactDecimal(), nullable=True),
        sa.Column("sales_30d", sa.Integer(), nullable=True),
        sa.Column("buyers_30d", sa.Integer(), nullable=True),
        sa.Column("clicks_30d", sa.Integer(), nullable=True),
        sa.Column("competitiveness_score", ExactDecimal(), nullable=True),
        sa.Column("free_sample", sa.Boolean(), nullable=True),
        sa.Column("sample_price", ExactDecimal(), nullable=True),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("online_order", sa.Boolean(), nullable=True),
        sa.Column("image_square", sa.Boolean(), nullable=True),
        sa.Column("image_watermark", sa.Boolean(), nullable=True),
        sa.Column("description_complete", sa.Boolean(), nullable=True),
        sa.Column("activity_discount", ExactDecimal(), nullable=True),
        sa.Column("free_shipping", sa.Boolean(), nullable=True),
        in_range("product_snapshots", "activity_discount", DEC, 0, 1),
        sa.CheckConstraint("buyers_30d >= 0", name="ck_product_snapshots_buyers_30d"),
        sa.CheckConstraint("clicks_30d >= 0", name="ck_product_snapshots_clicks_30d"),
        in_range("product_snapshots", "competitiveness_score", DEC),
        sa.CheckConstraint("sales_30d >= 0", name="ck_product_snapshots_sales_30d"),
        in_range("product_snapshots", "sample_price", DEC),
        sa.CheckConstraint("stock >= 0", name="ck_product_snapshots_stock"),
        in_range("product_snapshots", "wholesale_price", DEC),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.product_id"], name=op.f("product_snapshots_product_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("product_snapshots_store_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("product_snapshots_pkey")),
        sa.UniqueConstraint(
            "product_id", "captured_at", "content_hash", name="uq_product_snapshots"
        ),
    )
    with op.batch_alter_table("product_snapshots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_product_snapshots_store_captured", ["store_id", "captured_at"], unique=False
        )

    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", AutoString(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("store_id", AutoString(), nullable=False),
        sa.Column("activity", AutoString(), nullable=False),
        sa.Column("occurrence_key", AutoString(), nullable=False),
        sa.Column("kind", AutoString(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("deadline_at", UTCDateTime(), nullable=False),
        sa.Column("status", AutoString(), nullable=False),
        sa.Column("lease_owner", AutoString(), nullable=True),
        sa.Column("lease_until", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_id", AutoString(), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'missed', 'failed', 'suppressed')",
            name="ck_reminders_status",
        ),
        sa.CheckConstraint("attempts >= 0", name="ck_reminders_attempts"),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("reminders_store_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("reminders_subscription_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("reminders_pkey")),
        sa.UniqueConstraint("key", name="uq_reminders_key"),
    )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index("ix_reminders_status_due", ["status", "due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_reminders_subscription_id"), ["subscription_id"], unique=False
        )

    op.create_table(
        "delivery_attempts",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("reminder_id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", UTCDateTime(), nullable=False),
        sa.Column("outcome", AutoString(), nullable=False),
        sa.Column("smtp_code", sa.Integer(), nullable=True),
        sa.Column("detail", AutoString(), nullable=True),
        sa.ForeignKeyConstraint(
            ["reminder_id"], ["reminders.id"], name=op.f("delivery_attempts_reminder_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("delivery_attempts_pkey")),
    )
    with op.batch_alter_table("delivery_attempts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delivery_attempts_reminder_id"), ["reminder_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("delivery_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_attempts_reminder_id"))

    op.drop_table("delivery_attempts")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminders_subscription_id"))
        batch_op.drop_index("ix_reminders_status_due")

    op.drop_table("reminders")
    with op.batch_alter_table("product_snapshots", schema=None) as batch_op:
        batch_op.drop_index("ix_product_snapshots_store_captured")

    op.drop_table("product_snapshots")
    op.drop_table("planned")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_index("ix_subscriptions_email")

    op.drop_table("subscriptions")
    op.drop_table("store_snapshots")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_store_id"))

    op.drop_table("products")
    with op.batch_alter_table("feed_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feed_tokens_store_id"))

    op.drop_table("feed_tokens")
    op.drop_table("daily_statuses")
    op.drop_table("stores")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_keys_name"))

    op.drop_table("api_keys")
