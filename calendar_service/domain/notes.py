"""Remarks on a whole verdict: no rules, no data, stale data, invitation only, pace, window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from calendar_service.domain.catalog import Activity, Source
from calendar_service.domain.derived import SalesWindow
from calendar_service.domain.figures import Figure
from calendar_service.domain.forecast import Trend
from calendar_service.domain.formatting import date_in, day_text, last_day, show
from calendar_service.domain.verdicts import Judgement, Note, ProductVerdict

# Notes for the catalog's editor (which rules are assumed, where the catalog sets them): the
# dashboard shows them; a seller's feed or mail says "assumed" on the criterion itself instead.
EDITORS_NOTES = frozenset({"rules-assumed", "assumed-failed"})

NO_DATA = Note(
    "no-data",
    "没有该店铺的数据:请先导入店铺数据,所有条件暂无法判断",
    "no data for this store: import its data first; no criterion can be judged yet",
)
NO_PRODUCT_DATA = Note(
    "no-product-data",
    "没有商品数据:请导入该店铺的商品数据,以判断商品条件",
    "no product data: import the store's products to judge the product criteria",
)
NO_RULES = Note(
    "no-rules",
    "资料未给该活动的报名规则,无法判断资格:请以平台公告为准",
    "the source gives no sign-up rules for this activity, so eligibility cannot be judged: "
    "check the platform's announcement",
)


def rules_assumed(activity: Activity) -> Note:
    """The activity's own note on its borrowed or missing rules."""
    return Note(
        "rules-assumed",
        activity.note_zh or "资料未给该活动的规则,以下规则为假设",
        activity.note_en or "the source gives no rules for this activity; these are assumed",
    )


@lru_cache(maxsize=1024)  # snapshots are taken a few times a day: few distinct ages
def stale(data_as_of: dt.datetime, at: dt.datetime, stale_after: dt.timedelta) -> Note:
    """The data is older than `stale_after` at `at`: say how old, and to import fresh data."""
    day, day_en = (
        day_text(date_in(data_as_of, at), "zh-CN"),
        day_text(date_in(data_as_of, at), "en"),
    )
    age = (at - data_as_of).days
    limit = stale_after.days if stale_after.days else stale_after
    return Note(
        "stale",
        f"数据截至 {day}(已 {age} 天,超过 {limit} 天),结论可能已过时:请更新数据",
        f"data as of {day_en} ({age} days old, more than {limit} days): the verdict may be out of "
        "date; import fresh data",
    )


def invitation(
    signals: Sequence[Judgement], best: ProductVerdict | None, invited_by_products: bool
) -> Note:
    """Sign-up is by invitation; which signals the store (or its best product) shows."""
    present = [j for j in signals if j.met]
    if invited_by_products and best is not None:
        present += [j for j in best.criteria if j.status == "signal" and j.met]
    title = (best.title or best.product_id) if invited_by_products and best is not None else ""
    return _invitation(
        tuple(j.label_zh for j in present), tuple(j.label_en for j in present), title
    )


@lru_cache(maxsize=1024)
def _invitation(zh: tuple[str, ...], en: tuple[str, ...], title: str) -> Note:
    where_zh, where_en = (
        (f"(最佳候选商品:{title})", f" (best candidate: {title})") if title else ("", "")
    )
    return Note(
        "invitation",
        "报名由平台邀约,不能自行报名;"
        + (f"已具备的信号{where_zh}:{'、'.join(zh)}" if zh else f"尚不具备任何邀约信号{where_zh}"),
        "sign-up is by the platform's invitation, not in the seller's hands; "
        + (
            f"signals present{where_en}: {', '.join(en)}"
            if en
            else f"no signal present yet{where_en}"
        ),
    )


def assumed_failures(
    activity_key: str, criteria: Sequence[Judgement], best: ProductVerdict | None
) -> Note | None:
    """The failed requirements whose thresholds are assumed, and where the catalog sets them.

    A store must never read 不符合 on a rule the deck does not give without being told so.
    """
    failed = [j for j in criteria if j.status == "fail"]
    if best is not None and any(j.tally is not None for j in failed):
        failed += [j for j in best.criteria if j.status == "fail"]
    assumed = [j for j in failed if j.source is Source.ASSUMED and j.tally is None]
    if not assumed:
        return None
    return _assumed_failures(
        activity_key,
        tuple(j.key for j in assumed),
        tuple(j.label_zh for j in assumed),
        tuple(j.label_en for j in assumed),
    )


@lru_cache(maxsize=1024)
def _assumed_failures(
    activity_key: str, keys: tuple[str, ...], zh: tuple[str, ...], en: tuple[str, ...]
) -> Note:
    where = f"activities.{activity_key}.criteria({', '.join(keys)})"
    return Note(
        "assumed-failed",
        f"未达标的{'、'.join(zh)}是假设门槛(资料未给),并非平台公布的规则;"
        f"在活动目录 activities.toml 的 {where} 中设置",
        f"{', '.join(en)}: assumed thresholds the source does not give, not the platform's "
        f"published rules; set in the activity catalog (activities.toml) at {where}",
    )


def not_on_pace(fig: Figure, found: Trend, threshold: Decimal) -> Note:
    """A failing figure whose trend falls: no forecast, and the verdict says so."""
    pace = Decimal(repr(abs(found.slope_per_day))).quantize(Decimal("0.01"))
    target_zh, target_en = show(fig, threshold, "zh-CN"), show(fig, threshold, "en")
    return Note(
        "not-on-pace",
        f"{fig.label_zh}呈下降趋势(近 {found.points} 次数据,每天约 −{show(fig, pace, 'zh-CN')}),"
        f"按当前节奏达不到 {target_zh}",
        f"{fig.label_en} is falling (about −{show(fig, pace, 'en')} a day over {found.points} "
        f"snapshots): not on pace to reach {target_en}",
    )


def sales_window(window: SalesWindow) -> Note:
    """The yearly promotions' measuring window: worth acting on before it starts."""
    return _sales_window(window.starts_at, window.deadline_at, window.phase)


@lru_cache(maxsize=256)
def _sales_window(starts_at: dt.datetime, deadline_at: dt.datetime, phase: str) -> Note:
    first, last = date_in(starts_at, deadline_at), last_day(deadline_at)
    start, end = day_text(first, "zh-CN"), day_text(last, "zh-CN")
    start_en, end_en = day_text(first, "en"), day_text(last, "en")
    if phase == "not_started":
        zh = f"统计“报名截止前30天销售额”的窗口 {start} 至 {end},尚未开始:{start} 起冲销量"
        en = (
            f"the sales window ({start_en} to {end_en}) has not started: push sales from {start_en}"
        )
    elif phase == "open":
        zh = f"统计“报名截止前30天销售额”的窗口 {start} 至 {end} 已开始:现在冲销量正当时"
        en = f"the sales window ({start_en} to {end_en}) is under way: sales now count"
    else:
        zh = f"统计“报名截止前30天销售额”的窗口 {start} 至 {end} 已结束"
        en = f"the sales window ({start_en} to {end_en}) has closed"
    return Note("sales-window", zh, en)
