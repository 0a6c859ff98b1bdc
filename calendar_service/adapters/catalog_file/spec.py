"""The catalog file's shape, as pydantic checks it: unknown keys and wrong types are refused
before the domain's rules are checked (`load.py`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from calendar_service.domain.catalog import (
    CriterionKind,
    Cycle,
    Op,
    Scope,
    Source,
)

Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConditionSpec(_Strict):
    figure: str
    op: Op
    value: Any


class CriterionSpec(_Strict):
    key: Key
    kind: CriterionKind
    scope: Scope = Scope.STORE
    figure: str
    op: Op
    threshold: Any
    source: Source
    label_zh: str = ""
    label_en: str = ""
    unit: str = ""
    waived_when: ConditionSpec | None = None
    applies_when: ConditionSpec | None = None
    note_zh: str = ""
    note_en: str = ""
    deck: str = ""
    exception_zh: str = ""
    exception_en: str = ""


class PromotionSpec(_Strict):
    """年度大促's 促销折扣: the discount that counts as a promotion (besides 包邮 and 满减)."""

    discount_at_most: float = Field(gt=0, le=1)
    source: Source
    deck: str = ""
    note_zh: str = ""
    note_en: str = ""


class WindowSpec(_Strict):
    # yearly
    event: str | None = Field(default=None, pattern=r"^\d{2}-\d{2}$", description="MM-DD")
    opens_days_before: int | None = Field(default=None, ge=1)
    deadline_days_before: int | None = Field(default=None, ge=0)
    event_days: int | None = Field(default=None, ge=1, le=31)
    # quarterly and monthly
    opens_day: int | None = Field(default=None, ge=1, le=28)
    deadline_day: int | None = Field(default=None, ge=1, le=28)
    event_month_of_quarter: int | None = Field(default=None, ge=1, le=3)
    assumed: list[str] = []


class ActivitySpec(_Strict):
    name_zh: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    cycle: Cycle
    window: WindowSpec = WindowSpec()
    summary_zh: str = ""
    summary_en: str = ""
    entry_uv: int | None = Field(default=None, ge=0)
    entry_uv_note: str = ""  # one remark for both languages (the catalog's first format)
    entry_uv_note_zh: str = ""
    entry_uv_note_en: str = ""
    tips_zh: list[str] = []
    tips_en: list[str] = []
    criteria: list[CriterionSpec] = []
    remind_days_before: list[Annotated[int, Field(ge=0, le=90)]] = [7, 1]
    rules_assumed: bool = False
    note_zh: str = ""
    note_en: str = ""


class OverrideSpec(_Strict):
    activity: str
    period: str
    opens_on: dt.date
    deadline_on: dt.date
    event_starts_on: dt.date
    event_ends_on: dt.date


class CatalogSpec(_Strict):
    version: str = Field(min_length=1)
    source: str = ""
    activities: dict[Key, ActivitySpec] = Field(min_length=1)
    overrides: list[OverrideSpec] = []
    promotion: PromotionSpec | None = None
