"""The deck re-read: 满减 and 剩余数量.

store_snapshots.full_reduction (满减) and product_snapshots.sample_stock (剩余数量, >= 0).

Both nullable: rows imported before the upgrade keep NULL, which reads as unknown, never as no.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("product_snapshots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sample_stock", sa.Integer(), nullable=True))
        batch_op.create_check_constraint("ck_product_snapshots_sample_stock", "sample_stock >= 0")

    with op.batch_alter_table("store_snapshots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("full_reduction", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("store_snapshots", schema=None) as batch_op:
        batch_op.drop_column("full_reduction")

    with op.batch_alter_table("product_snapshots", schema=None) as batch_op:
        batch_op.drop_constraint("ck_product_snapshots_sample_stock", type_="check")
        batch_op.drop_column("sample_stock")
