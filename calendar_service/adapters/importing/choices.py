"""Cells with few possible values: yes/no, transaction medal levels, shipping promises.

Each accepts the spellings a 1688 seller types (see each docstring), whatever their case or
width; anything else is refused with the spellings to use.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calendar_service.adapters.importing.values import (
    Cell,
    CellError,
    Unsupported,
    clean,
    nfkc,
    quote,
    small_whole,
    unsupported,
)

_TRUE = ("是", "yes", "y", "true", "1", "有", "已开通", "开通", "已加入", "已认证", "支持")
_FALSE = ("否", "no", "n", "false", "0", "无", "未开通", "未加入", "未认证", "不支持")
_BOOLS = {word: True for word in _TRUE} | {word: False for word in _FALSE}


def parse_bool(cell: Cell) -> bool | None:
    """Yes or no: 是/否, yes/no, y/n, true/false, 1/0, 有/无, 已开通/未开通 (any case)."""
    if cell is None or isinstance(cell, bool):
        return cell
    if isinstance(cell, str):
        found = _BOOLS.get(cell)
        if found is not None:
            return found
        text = clean(cell)
        if text is None:
            return None
        found = _BOOLS.get(nfkc(text).casefold())
        if found is not None:
            return found
    elif isinstance(cell, int | float | Decimal) and cell in (0, 1):
        return cell == 1
    elif isinstance(cell, Unsupported):
        raise unsupported(cell)
    raise CellError(f"{quote(cell)} is not yes or no; write 是/否, yes/no, true/false or 1/0")


_MEDAL_HINT = "write 0-5, AAA or 3A"
_MEDAL = re.compile(r"(\d+)(?:\.0+)?|(\d+)a|(a+)")
_MEDALS = {form: n for n in range(6) for form in (str(n), f"{n}A", "A" * n) if form}


def parse_medal(cell: Cell) -> int | None:
    """A transaction medal level, 0 to 5: `3`, `AAA`, `3A` (also `AAAAA`, `0`)."""
    if cell is None:
        return None
    level = _MEDALS.get(cell) if type(cell) is str else None
    if level is not None:
        return level
    if isinstance(cell, str):
        text = clean(cell)
        if text is None:
            return None
        text = nfkc(text).casefold()
        found = _MEDAL.fullmatch(text) if len(text) <= 20 else None
        if found:
            digits, prefix, letters = found.groups()
            level = len(letters) if letters else int(digits or prefix)
    elif isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        level = small_whole(cell)
    elif isinstance(cell, Unsupported):
        raise unsupported(cell)
    if level is None or level < 0:
        raise CellError(f"{quote(cell)} is not a medal level; {_MEDAL_HINT}")
    if level > 5:
        raise CellError(f"{quote(cell)} is more than 5; {_MEDAL_HINT}")
    return level


_SHIPPING = {
    **{
        form.format(hours): f"{hours}h"
        for hours in (24, 48, 72)
        for form in ("{}", "{}h", "{}小时", "{}小时发货", "{}h发货")
    },
    "无": "none",
    "none": "none",
}


def parse_shipping(cell: Cell) -> str | None:
    """A shipping promise: 24h, 48h, 72h (also 24小时, 24小时发货) or none (无)."""
    if cell is None:
        return None
    found = _SHIPPING.get(cell) if type(cell) is str else None
    if found is not None:
        return found
    if isinstance(cell, str):
        text = clean(cell)
        if text is None:
            return None
        found = _SHIPPING.get(nfkc(text).casefold().replace(" ", ""))
    elif isinstance(cell, int) and not isinstance(cell, bool):
        found = _SHIPPING.get(str(cell))
    elif isinstance(cell, Unsupported):
        raise unsupported(cell)
    if found is None:
        raise CellError(
            f"{quote(cell)} is not a shipping promise; write 24h, 48h, 72h or 无 (none)"
        )
    return found
