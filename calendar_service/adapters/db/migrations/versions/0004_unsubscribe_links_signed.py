"""Unsubscribe links signed with the installation's key: the database keeps no token in clear.

subscriptions.unsubscribe_token (clear text, unique) becomes unsubscribe_token_hash (the sha256
of the old token, unique, NULL for subscriptions made after the upgrade), so the links in mails
sent before the upgrade keep working. signing_keys records the fingerprint of the key that signs
the new links (services/signed_links.py).

A downgrade gives every subscription a new random token: the links of mails sent while this
revision was in place stop working (the clear tokens of older ones are not kept to restore).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

from calendar_service.adapters.db.types import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000

_subscriptions = sa.table(
    "subscriptions",
    sa.column("id", sa.Integer()),
    sa.column("unsubscribe_token", sa.String()),
    sa.column("unsubscribe_token_hash", sa.String()),
)


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("purpose", name=op.f("signing_keys_pkey")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "unsubscribe_token_hash",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=True,
            )
        )
    _fill("unsubscribe_token", "unsubscribe_token_hash", _sha256)
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_constraint("uq_subscriptions_unsubscribe_token", type_="unique")
        batch_op.create_unique_constraint(
            "uq_subscriptions_unsubscribe_token_hash", ["unsubscribe_token_hash"]
        )
        batch_op.drop_column("unsubscribe_token")


def downgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unsubscribe_token", sa.VARCHAR(), nullable=True))
    _fill("id", "unsubscribe_token", lambda _id: secrets.token_urlsafe(32))
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.alter_column("unsubscribe_token", existing_type=sa.VARCHAR(), nullable=False)
        batch_op.drop_constraint("uq_subscriptions_unsubscribe_token_hash", type_="unique")
        batch_op.create_unique_constraint(
            "uq_subscriptions_unsubscribe_token", ["unsubscribe_token"]
        )
        batch_op.drop_column("unsubscribe_token_hash")
    op.drop_table("signing_keys")


def _sha256(token: object) -> str:
    return hashlib.sha256(str(token).encode()).hexdigest()


def _fill(source: str, target: str, make: Callable[[Any], str]) -> None:
    """Set `target` to make(`source`) on every row, a batch of ids at a time."""
    connection = op.get_bind()
    table = _subscriptions
    last = 0
    while True:
        rows = connection.execute(
            sa.select(table.c.id, table.c[source])
            .where(table.c.id > last)
            .order_by(table.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values({target: sa.bindparam("new_value")}),
            [{"row_id": row[0], "new_value": make(row[1])} for row in rows],
        )
        last = rows[-1][0]
