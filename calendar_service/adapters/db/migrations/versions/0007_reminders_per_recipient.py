"""Reminders per recipient: subscription preferences, and what a sent reminder told.

- subscriptions.cycles (comma-separated; every cycle for existing subscriptions),
  subscriptions.include_ineligible (true) and subscriptions.daily_summary ("weekly"), the
  preferences a subscriber sets from a message's preferences page, the CLI or the API;
- reminders.told: what a sent reminder said of its store ("ineligible:criterion,…"), so that a
  store that cannot sign up is told again before the deadline only when that changed.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALL_CYCLES = "yearly,quarterly,monthly,daily"


def upgrade() -> None:
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("told", sa.String(), nullable=True))
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cycles", sa.String(), server_default=ALL_CYCLES, nullable=False)
        )
        batch_op.add_column(
            sa.Column("include_ineligible", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("daily_summary", sa.String(), server_default="weekly", nullable=False)
        )
        batch_op.create_check_constraint(
            "ck_subscriptions_daily_summary", "daily_summary IN ('weekly', 'daily')"
        )


def downgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_constraint("ck_subscriptions_daily_summary", type_="check")
        batch_op.drop_column("daily_summary")
        batch_op.drop_column("include_ineligible")
        batch_op.drop_column("cycles")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_column("told")
