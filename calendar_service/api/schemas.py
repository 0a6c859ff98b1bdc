"""The API's request and response bodies: separate from the tables and the domain values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from calendar_service.domain.subscriptions import (
    CYCLES,
    Preferences,
    Subscription,
    subscriber_address,
)

Cycle = Literal["yearly", "quarterly", "monthly", "daily"]
CYCLES_FIELD = Field(
    default=None,
    min_length=1,
    max_length=len(CYCLES),
    description="the cycles whose activities reminders tell about; at least one",
)
INELIGIBLE_FIELD = Field(
    default=None, description="whether a store that cannot sign up is told about"
)
SUMMARY_FIELD = Field(default=None, description="how often the daily activities are summed up")


class StoreOut(BaseModel):
    store_id: str
    name: str | None
    data_as_of: dt.datetime | None = Field(description="captured_at of the latest snapshot")


class ImportOut(BaseModel):
    stores_added: int
    products_added: int
    rows: int
    warnings: list[str]


class ImportRejected(BaseModel):
    detail: str
    errors: list[str] = Field(description="every problem as `FILE:LINE: column: message`")


class SubscriptionIn(BaseModel):
    """A new subscription; a preference left out is the default for a new one (every cycle,
    stores that cannot sign up included, weekly) and is kept for one subscribed before."""

    email: Annotated[str, AfterValidator(subscriber_address)]
    locale: Literal["zh-CN", "en"] = "zh-CN"
    cycles: list[Cycle] | None = CYCLES_FIELD
    include_ineligible: bool | None = INELIGIBLE_FIELD
    daily_summary: Literal["weekly", "daily"] | None = SUMMARY_FIELD


class PreferencesIn(BaseModel):
    """The preferences to set on a subscription; those left out (or null) stay as they are."""

    model_config = ConfigDict(extra="forbid")

    cycles: list[Cycle] | None = CYCLES_FIELD
    include_ineligible: bool | None = INELIGIBLE_FIELD
    daily_summary: Literal["weekly", "daily"] | None = SUMMARY_FIELD
    locale: Literal["zh-CN", "en"] | None = None

    def preferences(self) -> Preferences:
        return Preferences.checked(
            self.cycles, self.include_ineligible, self.daily_summary, self.locale
        )


class SubscriptionOut(BaseModel):
    id: int
    store_id: str
    email: str
    locale: str
    active: bool
    created_at: dt.datetime
    unsubscribed_at: dt.datetime | None
    cycles: list[str] = Field(description="in the order yearly, quarterly, monthly, daily")
    include_ineligible: bool
    daily_summary: str

    @classmethod
    def of(cls, s: Subscription) -> SubscriptionOut:
        return cls(
            id=s.id,
            store_id=s.store_id,
            email=s.email,
            locale=s.locale,
            active=s.active,
            created_at=s.created_at,
            unsubscribed_at=s.unsubscribed_at,
            cycles=[c for c in CYCLES if c in s.cycles],
            include_ineligible=s.include_ineligible,
            daily_summary=s.daily_summary,
        )


class Ended(BaseModel):
    ended: int


class FeedLinks(BaseModel):
    url: str = Field(description="the private feed; shown once (only a hash is stored)")
    webcal: str
    google: str


class StoresFeedIn(BaseModel):
    """One feed over several stores (`stores`), or over every store (`all`), for agency staff."""

    stores: list[str] = Field(default_factory=list, max_length=10_000)
    all: bool = False

    @model_validator(mode="after")
    def one_of(self) -> StoresFeedIn:
        if bool(self.stores) == self.all:
            raise ValueError("give either stores (a list of store ids) or all: true")
        return self


class Revoked(BaseModel):
    revoked: int


class PreviewItemOut(BaseModel):
    store_id: str
    activity: str
    occurrence: str = Field(description="the occurrence's key")
    kind: str = Field(
        description="opens, prepare, before-Nd, status-change, digest or invitation-signal"
    )
    status: str = Field(description="eligible, ineligible, unknown or invitation")


class PreviewOut(BaseModel):
    """One message a reminder pass would send: one a day at most per recipient."""

    recipient: str
    send_at: dt.datetime
    subject: str
    items: list[PreviewItemOut]


class Problem(BaseModel):
    detail: str


SNAPSHOTS_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": (
            'Store and product snapshots: a list of objects, or {"stores": [...], '
            '"products": [...]}, with the import file columns (design.md). All or nothing.'
        ),
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"type": "array", "items": {"type": "object"}},
                        {
                            "type": "object",
                            "properties": {
                                "stores": {"type": "array", "items": {"type": "object"}},
                                "products": {"type": "array", "items": {"type": "object"}},
                            },
                        },
                    ]
                }
            }
        },
    }
}
