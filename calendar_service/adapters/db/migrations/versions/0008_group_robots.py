"""Group robots as recipients.

- robots: a DingTalk, WeCom or Feishu group robot's webhook URL and signing secret (encrypted
  with the installation's key), a fingerprint to find it again, its failures in a row and when
  it was paused, and the rate budget every daemon shares;
- subscriptions.robot_id: the robot a subscription's reminders go to (NULL for an address;
  its recipient key in `email` is then "CHANNEL:ID", as "dingtalk:3").

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from calendar_service.adapters.db.types import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "robots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("url_encrypted", sa.String(), nullable=False),
        sa.Column("secret_encrypted", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.Column("paused_at", UTCDateTime(), nullable=True),
        sa.Column("budget_start", UTCDateTime(), nullable=True),
        sa.Column("budget_used", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("channel IN ('dingtalk', 'wecom', 'feishu')", name="ck_robots_channel"),
        sa.CheckConstraint("budget_used >= 0", name="ck_robots_budget_used"),
        sa.CheckConstraint("failures >= 0", name="ck_robots_failures"),
        sa.PrimaryKeyConstraint("id", name=op.f("robots_pkey")),
        sa.UniqueConstraint("fingerprint", name="uq_robots_fingerprint"),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("robot_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_subscriptions_robot_id"), ["robot_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("subscriptions_robot_id_fkey"), "robots", ["robot_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("subscriptions_robot_id_fkey"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_subscriptions_robot_id"))
        batch_op.drop_column("robot_id")

    op.drop_table("robots")
