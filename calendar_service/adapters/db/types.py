"""Column types that behave the same on SQLite and PostgreSQL: aware datetimes, exact decimals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Integer, Numeric, and_, column
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator, TypeEngine

from calendar_service.domain import limits

# Snapshot ids grow with every import; SQLite only auto-increments an INTEGER PRIMARY KEY.
BIG_ID: TypeEngine[int] = BigInteger().with_variant(Integer(), "sqlite")


def require_aware(value: dt.datetime, what: str = "datetime") -> dt.datetime:
    """`value` unchanged, or ValueError when it has no time zone (its instant would be a guess)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"{what} {value.isoformat()} has no time zone; pass a timezone-aware datetime "
            "(e.g. with tzinfo=ZoneInfo('Asia/Shanghai'))"
        )
    return value


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores the instant in UTC; returns aware UTC datetimes; refuses naive ones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        utc = require_aware(value).astimezone(dt.UTC)
        # SQLite keeps the text without an offset; UTC for all rows keeps its ordering right.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def plain_decimal(value: Decimal) -> Decimal:
    """`value` without trailing zeros and without an exponent: 12345.670000 -> 12345.67."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal


class ExactDecimal(TypeDecorator[Decimal]):
    """A decimal that round-trips exactly: NUMERIC(18, 6) on PostgreSQL, micro-units on SQLite.

    SQLite's NUMERIC goes through a float; a scaled 64-bit integer is exact and still compares
    and sorts numerically, so CHECK constraints and ORDER BY work on both backends.
    """

    impl = Numeric(limits.DECIMAL_DIGITS, limits.DECIMAL_PLACES)
    cache_ok = True

    SCALE = limits.DECIMAL_PLACES
    LIMIT = limits.DECIMAL_LIMIT  # absolute values must stay below this

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(limits.DECIMAL_DIGITS, self.SCALE, asdecimal=True))

    @classmethod
    def checked(cls, value: Decimal | int) -> Decimal:
        """`value` as a Decimal, or ValueError when it cannot be stored exactly."""
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise ValueError(f"{value!r} is not a Decimal; floats are not exact, pass Decimal")
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError(f"{number} cannot be stored: only finite decimals")
        if abs(number) >= cls.LIMIT:
            raise ValueError(f"{number} is too large to store (at most {cls.LIMIT - 1})")
        exponent = number.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent < -cls.SCALE:
            raise ValueError(f"{number} has more than {cls.SCALE} decimal places; round it first")
        return number

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        number = self.checked(value)
        return int(number.scaleb(self.SCALE)) if dialect.name == "sqlite" else number

    def process_literal_param(self, value: Decimal | int | None, dialect: Dialect) -> str:
        # Used when CHECK constraints are rendered: the bound is scaled like the stored values.
        return "NULL" if value is None else str(self.process_bind_param(value, dialect))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return plain_decimal(Decimal(int(value)).scaleb(-self.SCALE))
        return plain_decimal(Decimal(value))


def in_range(
    table: str,
    name: str,
    type_: TypeEngine[Any],
    low: int | None = 0,
    high: int | None = None,
) -> CheckConstraint:
    """A CHECK that `name` lies within [low, high], its bounds rendered through the column type."""
    value: ColumnElement[Any] = column(name, type_)
    bounds = [value >= low] if low is not None else []
    if high is not None:
        bounds.append(value <= high)
    return CheckConstraint(and_(*bounds), name=f"ck_{table}_{name}")


def non_negative(table: str, type_: TypeEngine[Any], *names: str) -> list[CheckConstraint]:
    """One `>= 0` CHECK for each column named."""
    return [in_range(table, name, type_) for name in names]
