"""满减 (spend-and-save) cells: yes or no, or the rule itself (`满300减20`), which means yes."""

from __future__ import annotations

import re

from calendar_service.adapters.importing.choices import parse_bool
from calendar_service.adapters.importing.values import Cell, CellError, clean, nfkc, quote

# 满300减20, 每满300元减20元, 满300减20/满500减50 (several tiers), 满2件减5.
_TIER = r"每?满\d+(?:\.\d+)?(?:元|件)?减\d+(?:\.\d+)?元?"
_RULE = re.compile(rf"{_TIER}(?:[,，;；/、]{_TIER})*")


def parse_full_reduction(cell: Cell) -> bool | None:
    """Whether the store offers 满减: 是/否 (any yes/no spelling) or a rule such as 满300减20."""
    if isinstance(cell, str):
        text = clean(cell)
        if text is None:
            return None
        if _RULE.fullmatch(nfkc(text).replace(" ", "")):
            return True
    try:
        return parse_bool(cell)
    except CellError:
        raise CellError(
            f"{quote(cell)} is not yes/no or a 满减 rule; write 是/否 or a rule such as 满300减20"
        ) from None
