"""What storage can hold, in one place: the importer refuses beyond these, the columns follow them.

A figure the parser accepts must fit its column on SQLite and PostgreSQL alike, so a bad value
is a row error naming FILE:LINE, never a database error after part of a file was written.
"""

from __future__ import annotations

from decimal import Decimal

DECIMAL_DIGITS = 18  # NUMERIC(18, 6) on PostgreSQL; micro-units in a 64-bit integer on SQLite
DECIMAL_PLACES = 6
DECIMAL_LIMIT = Decimal(10) ** (DECIMAL_DIGITS - DECIMAL_PLACES)  # |value| stays below this
WHOLE_DIGITS = DECIMAL_DIGITS - DECIMAL_PLACES  # 12 digits before the point
COUNT_MAX = 2**31 - 1  # INTEGER on PostgreSQL
_QUANTUM = Decimal(1).scaleb(-DECIMAL_PLACES)


def decimal_problem(value: Decimal) -> str | None:
    """Why `value` cannot be stored exactly as a decimal figure, or None when it can."""
    if not value.is_finite():
        return "is not a finite number"
    if value and value.adjusted() >= WHOLE_DIGITS:  # adjusted(): abs() may overflow
        return f"is too large; write at most {WHOLE_DIGITS} digits before the point"
    # No normalize(): it underflows to 0 under the default context for 1e-999999999.
    rounded = value.quantize(_QUANTUM)
    if rounded != value:
        return (
            f"has more than {DECIMAL_PLACES} decimal places; round it to {DECIMAL_PLACES} "
            f"(e.g. {rounded.normalize():f})"
        )
    return None


def count_problem(value: int) -> str | None:
    """Why `value` cannot be stored as a count, or None when it can."""
    if value > COUNT_MAX:
        return f"is too large; a count is at most {COUNT_MAX:,}"
    return None
