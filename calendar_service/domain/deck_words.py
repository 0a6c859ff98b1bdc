"""Reading the deck's comparisons: which comparison a rule's Chinese words make.

Chinese rules count the number itself in 以上, 以下, 以内, 不低于, 不超过 (8.5折以下 includes
8.5折; 2A以上 includes 2A); 大于, 小于, 低于, 超过 exclude it. A symbol the deck writes (>=, <=,
<, ≥) stands as written. The catalog loader checks each criterion's `op` against its `deck`
words with this, so a rule cannot be encoded the other way round again.
"""

from __future__ import annotations

import re

from calendar_service.domain.catalog import Op

# Longest first: 大于或等于 before 大于, 不低于 before 低于, >= before >.
WORDS: tuple[tuple[str, Op], ...] = (
    ("大于或等于", Op.AT_LEAST),
    ("大于等于", Op.AT_LEAST),
    ("小于或等于", Op.AT_MOST),
    ("小于等于", Op.AT_MOST),
    ("及以上", Op.AT_LEAST),
    ("及以下", Op.AT_MOST),
    ("不低于", Op.AT_LEAST),
    ("不少于", Op.AT_LEAST),
    ("不小于", Op.AT_LEAST),
    ("不超过", Op.AT_MOST),
    ("不高于", Op.AT_MOST),
    ("不大于", Op.AT_MOST),
    ("以上", Op.AT_LEAST),
    ("以下", Op.AT_MOST),
    ("以内", Op.AT_MOST),
    ("天内", Op.AT_MOST),
    ("大于", Op.MORE_THAN),
    ("超过", Op.MORE_THAN),
    ("高于", Op.MORE_THAN),
    ("多于", Op.MORE_THAN),
    ("小于", Op.BELOW),
    ("低于", Op.BELOW),
    ("少于", Op.BELOW),
    (">=", Op.AT_LEAST),
    ("≥", Op.AT_LEAST),
    ("<=", Op.AT_MOST),
    ("≤", Op.AT_MOST),
    (">", Op.MORE_THAN),
    ("<", Op.BELOW),
)
_BY_WORD = dict(WORDS)
_PATTERN = re.compile("|".join(re.escape(word) for word, _ in WORDS))


def comparison_words(text: str) -> list[str]:
    """The comparison words in `text`, in order (longest match at each place)."""
    return _PATTERN.findall(text)


def op_of(text: str) -> Op | None:
    """The comparison the words make; None when they make none, or disagree among themselves."""
    found = {_BY_WORD[word] for word in comparison_words(text)}
    return found.pop() if len(found) == 1 else None
