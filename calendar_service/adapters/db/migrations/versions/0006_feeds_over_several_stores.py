"""Feeds over several stores, or every store, for agency staff.

feed_tokens.store_id becomes nullable (NULL for a token over several stores or every store),
feed_tokens.all_stores says which, and feed_token_stores names the stores of the former.
Existing tokens keep their store and get all_stores = false.

A downgrade deletes the tokens over several or every store: the older schema cannot hold them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feed_token_stores",
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.store_id"], name=op.f("feed_token_stores_store_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["token_id"], ["feed_tokens.id"], name=op.f("feed_token_stores_token_id_fkey")
        ),
        sa.PrimaryKeyConstraint("token_id", "store_id", name=op.f("feed_token_stores_pkey")),
    )
    with op.batch_alter_table("feed_token_stores", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_feed_token_stores_store_id"), ["store_id"], unique=False
        )

    with op.batch_alter_table("feed_tokens", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("all_stores", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.alter_column("store_id", existing_type=sa.VARCHAR(), nullable=True)


def downgrade() -> None:
    op.drop_table("feed_token_stores")
    op.execute("DELETE FROM feed_tokens WHERE store_id IS NULL")
    with op.batch_alter_table("feed_tokens", schema=None) as batch_op:
        batch_op.alter_column("store_id", existing_type=sa.VARCHAR(), nullable=False)
        batch_op.drop_column("all_stores")
