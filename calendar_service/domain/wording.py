"""What judgements say: the one-line explanation of each, in Chinese and in English.

Failed requirements say what it takes to pass ("还差 3 位买家" / "3 more buyers needed");
signals say whether they are present; unknowns name the missing figure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from calendar_service.domain.catalog import Criterion, CriterionKind, Op, Source, Threshold
from calendar_service.domain.derived import SalesWindow
from calendar_service.domain.figures import Figure, FigureType, figure
from calendar_service.domain.formatting import (
    NEGATED,
    SYMBOL,
    date_in,
    day_text,
    figure_names,
    last_day,
    number,
    relation,
    requirement,
    show,
    show_threshold,
)
from calendar_service.domain.locale import Locale

if TYPE_CHECKING:
    from calendar_service.domain.verdicts import Judgement, ProductTally

INTEGRAL = frozenset({FigureType.COUNT, FigureType.MEDAL})
# What a gap counts, per figure: (Chinese measure word and noun, English singular, plural).
GAP_NOUNS: dict[str, tuple[str, str, str]] = {
    "buyers_30d": ("位买家", "buyer", "buyers"),
    "products_online": ("件产品", "product", "products"),
    "products_listed": ("件产品", "product", "products"),
    "medal_level": ("级勋章", "medal level", "medal levels"),
    "disputes_90d": ("笔纠纷", "dispute", "disputes"),
    "sales_30d": ("件销量", "unit sold", "units sold"),
    "clicks_30d": ("次点击", "click", "clicks"),
    "stock": ("件库存", "unit of stock", "units of stock"),
    "membership_months": ("个月", "month", "months"),
}
# What to do about a yes/no requirement, per (figure, required value).
BOOL_FIXES: dict[tuple[str, bool], tuple[str, str]] = {
    ("buyer_protection", True): ("需开通买家保障", "join buyer protection"),
    ("delivery_guarantee", True): ("需开通交期保障", "join the delivery-time guarantee"),
    ("alipay_verified", True): ("需绑定支付宝并完成实名认证", "bind and verify an Alipay account"),
    ("online_trading", True): ("需开通支付宝在线交易", "enable Alipay online trading"),
    ("free_sample", True): ("需设置免费拿样", "set up free sampling"),
    ("online_order", True): ("需支持在线订购", "make the product orderable online"),
    ("image_square", True): ("首图需为正方形", "make the main image square"),
    ("image_watermark", False): ("首图需去除水印", "remove the main image's watermark"),
    ("description_complete", True): (
        "需补全详情描述和细节图",
        "complete the description and images",
    ),
    ("free_shipping", True): ("需设置包邮", "offer free shipping"),
    ("promotion_offered", True): (
        "需设置促销折扣(包邮、9折、满减等)",
        "set up a promotional discount (free shipping, 10% off, spend-and-save)",
    ),
    ("in_industrial_belt", True): ("需为产业带商家", "be a seller of an industrial belt"),
}


def judgement_message(j: Judgement, locale: Locale) -> str:
    """The one-line explanation of a judgement."""
    if j.tally is not None:
        return _tally(j.tally, locale)
    text = _signal(j, locale) if j.status == "signal" else _requirement(j, locale)
    if j.window is not None:
        text += _window(j.window, locale)
    return text


def _label(j: Judgement, locale: Locale) -> str:
    zh = locale == "zh-CN"
    return j.label_zh if zh else j.label_en


def _comparison(j: Judgement, locale: Locale) -> str:
    """ "近30天买家数 12 < 15": the value against the threshold, the symbol telling which side."""
    value = show(j.figure, j.value, locale) + _counted(j, locale)
    if j.figure.type is FigureType.BOOL:
        return f"{_label(j, locale)} {value}"
    op = j.criterion.op
    symbol = SYMBOL[op] if j.met else NEGATED[op]
    return f"{_label(j, locale)} {value} {symbol} {show_threshold(j.figure, j.threshold, locale)}"


def _counted(j: Judgement, locale: Locale) -> str:
    """ "(按报名日 2027-01-01 计)": an age counted on the sign-up day, not the judging day."""
    zh = locale == "zh-CN"
    if j.counted_on is None:
        return ""
    day = day_text(j.counted_on, locale)
    return f"(按报名日 {day} 计)" if zh else f" (on the sign-up day {day})"


def _signal(j: Judgement, locale: Locale) -> str:
    zh = locale == "zh-CN"
    invitation = j.kind is CriterionKind.INVITATION
    if j.met is None:
        what = (
            ("邀约信号" if invitation else "此优势")
            if zh
            else ("signal" if invitation else "advantage")
        )
        names = figure_names(j.figure, locale)
        return (
            f"缺少数据:{names},无法判断{what}"
            if zh
            else f"missing figure: {names}; {what} not judged"
        )
    if zh:
        head = (
            ("邀约信号:" if j.met else "未见邀约信号:")
            if invitation
            else ("优势:" if j.met else "暂无此优势:")
        )
        return head + _comparison(j, locale)
    head = "invitation signal" if invitation else "advantage"
    return f"{head} {'present' if j.met else 'absent'}: {_comparison(j, locale)}"


def _requirement(j: Judgement, locale: Locale) -> str:
    zh = locale == "zh-CN"
    c, fig, label = j.criterion, j.figure, _label(j, locale)
    need = requirement(fig, c.op, c.threshold, locale)
    condition = c.waived_when or c.applies_when
    cond_fig = figure(c.scope, condition.figure) if condition is not None else None
    if j.reason is not None and condition is not None and cond_fig is not None:
        return _conditional(j, condition.op, condition.value, cond_fig, locale)
    if j.status == "unknown":
        names = figure_names(fig, locale)
        if names == label:
            return f"缺少数据:{label}({need})" if zh else f"missing figure: {label} ({need})"
        return (
            f"缺少数据:{names},无法判断{label}({need})"
            if zh
            else f"missing figure: {names}; cannot judge {label} ({need})"
        )
    if j.status == "pass":
        if fig.type is FigureType.BOOL:
            return f"{_comparison(j, locale)}:达标" if zh else f"{_comparison(j, locale)}: met"
        shown = show(fig, j.value, locale) + _counted(j, locale)
        text = f"{label} {shown}:达标({need})" if zh else f"{label} {shown}: met ({need})"
        if j.until is not None:
            day = day_text(j.until, locale)
            text += f";报名时符合至 {day}(含当天)" if zh else f"; qualifies for sign-up until {day}"
        return text
    text = (
        f"{_comparison(j, locale)}:{_fix(j, locale)}"
        if zh
        else f"{_comparison(j, locale)}: {_fix(j, locale)}"
    )
    return text + caveats(c, locale)


def caveats(c: Criterion, locale: Locale) -> str:
    """What a failure on this criterion must also say: the platform's exception, an assumption."""
    zh = locale == "zh-CN"
    text = ""
    if exception := c.exception_zh if zh else c.exception_en:
        text += f"({exception})" if zh else f" ({exception})"
    if c.source is Source.ASSUMED:
        text += (
            "(此门槛为假设,资料未给;在活动目录中设置)"
            if zh
            else " (an assumed threshold the source does not give; set in the activity catalog)"
        )
    return text


def _conditional(j: Judgement, op: Op, value: Threshold, cond_fig: Figure, locale: Locale) -> str:
    zh = locale == "zh-CN"
    label, shown = _label(j, locale), show(j.figure, j.value, locale)
    cond_label = cond_fig.label_zh if zh else cond_fig.label_en
    cond_shown = show(cond_fig, j.condition_value, locale)
    holds = relation(cond_fig, op, value, locale)
    if j.reason == "waived":
        return (
            f"{label} {shown}({cond_label} {cond_shown}):因{cond_label}{holds},本条免考核"
            if zh
            else f"{label} {shown} ({cond_label} {cond_shown}): waived because {cond_label} is "
            f"{holds}"
        )
    if j.reason == "not_applicable":
        return (
            f"{cond_label} {cond_shown},不满足「{cond_label}{holds}」:本条不适用,按达标计"
            if zh
            else f"not applicable: {cond_label} {cond_shown} is not {holds}; counted as met"
        )
    names = figure_names(cond_fig, locale)
    if j.reason == "waiver_unknown":
        return (
            f"{_comparison(j, locale)},但缺少数据:{names},无法判断是否免考核"
            if zh
            else f"{_comparison(j, locale)}, but {names} is missing: "
            "cannot tell whether it is waived"
        )
    need = requirement(j.figure, j.criterion.op, j.threshold, locale)
    return (
        f"缺少数据:{names},无法判断本条是否适用({label} {shown},{need})"
        if zh
        else f"missing figure: {names}; cannot tell whether this applies ({label} {shown}, {need})"
    )


def _fix(j: Judgement, locale: Locale) -> str:
    """What it takes to pass a failed requirement: the gap, or the thing to do."""
    zh = locale == "zh-CN"
    c, fig = j.criterion, j.figure
    need = requirement(fig, c.op, c.threshold, locale)
    if j.passes_on is not None:
        day = day_text(j.passes_on, locale)
        return f"{need},{day} 起满足" if zh else f"{need}: passes on {day}"
    if fig.name == "listing_age_days":
        days = number(_dec(c.threshold))
        if j.counted_on is not None:
            past = "" if j.until is None else day_text(j.until, locale)
            return (
                f"报名时需为 {days} 天内上架的商品" + (f"(只到 {past} 符合)" if past else "")
                if zh
                else f"must have been listed within {days} days of sign-up"
                + (f" (it qualified until {past})" if past else "")
            )
        return (
            f"需为近 {days} 天内发布的商品"
            if zh
            else f"must have been listed within the last {days} days"
        )
    if isinstance(c.threshold, bool):
        fix = BOOL_FIXES.get((fig.name, c.threshold))
        return need if fix is None else fix[0 if zh else 1]
    if j.gap is None or c.op in (Op.EQUALS, Op.NOT_EQUALS, Op.ONE_OF):
        return need
    return _gap_text(fig, c.op, j.gap, need, locale)


def _gap_text(fig: Figure, op: Op, gap: Decimal, need: str, locale: Locale) -> str:
    zh = locale == "zh-CN"
    integral = fig.type in INTEGRAL
    more = op in (Op.AT_LEAST, Op.MORE_THAN)
    if integral or op is Op.AT_LEAST:
        if more:
            return f"还差 {_amount(fig, gap, locale)}" if zh else f"{_more(fig, gap)} needed"
        if fig.type is FigureType.RATE:
            return (
                f"{need},需降低 {_amount(fig, gap, locale)}"
                if zh
                else (f"{need} (lower it by {_amount(fig, gap, locale)})")
            )
        return f"需减少 {_amount(fig, gap, locale)}" if zh else f"{_fewer(fig, gap)} needed"
    if gap == 0:
        return need
    amount = _amount(fig, gap, locale)
    strict = op in (Op.MORE_THAN, Op.BELOW)
    if zh:
        return f"{need},{'还差' if more else '需降低'}{'超过' if strict else ''} {amount}"
    if more:
        return f"{need} (short by {'more than ' if strict else ''}{amount})"
    return f"{need} (lower it by {'more than ' if strict else ''}{amount})"


def _amount(fig: Figure, gap: Decimal, locale: Locale) -> str:
    zh = locale == "zh-CN"
    if fig.type is FigureType.MONEY:
        return f"{number(gap)} 元" if zh else f"CNY {number(gap)}"
    if fig.name == "activity_discount" and zh:
        return f"{number(gap * 10)} 折"
    if fig.type is FigureType.RATE:
        points = number(gap * 100)
        return (
            f"{points} 个百分点"
            if zh
            else f"{points} percentage point{'' if gap * 100 == 1 else 's'}"
        )
    zh_noun, one, many = GAP_NOUNS.get(fig.name, (fig.unit_zh, fig.unit_en, fig.unit_en))
    if zh:
        return f"{number(gap)} {zh_noun}".rstrip()
    return f"{number(gap)} {one if gap == 1 else many}".rstrip()


def _more(fig: Figure, gap: Decimal) -> str:
    if fig.type is FigureType.MONEY:
        return f"CNY {number(gap)} more"
    _, one, many = GAP_NOUNS.get(fig.name, ("", fig.unit_en, fig.unit_en))
    return f"{number(gap)} more {one if gap == 1 else many}".rstrip()


def _fewer(fig: Figure, gap: Decimal) -> str:
    if fig.type is FigureType.MONEY:
        return f"CNY {number(gap)} less"
    _, one, many = GAP_NOUNS.get(fig.name, ("", fig.unit_en, fig.unit_en))
    return f"{number(gap)} fewer {one if gap == 1 else many}".rstrip()


_PHASES = {
    "not_started": (
        "尚未开始,按当前近30天交易额估算",
        "not started, the current 30-day sales stand in",
    ),
    "open": ("进行中,按当前近30天交易额估算", "under way, the current 30-day sales stand in"),
    "closed": ("已结束", "closed"),
}


def _window(w: SalesWindow, locale: Locale) -> str:
    zh = locale == "zh-CN"
    start = day_text(date_in(w.starts_at, w.deadline_at), locale)
    end = day_text(last_day(w.deadline_at), locale)
    phase = _PHASES[w.phase][0 if zh else 1]
    as_of = "" if w.as_of is None else day_text(date_in(w.as_of, w.deadline_at), locale)
    if zh:
        return f";统计窗口 {start} 至 {end}({phase}" + (f";据 {as_of} 数据)" if as_of else ")")
    return f"; window {start} to {end} ({phase}" + (f"; data of {as_of})" if as_of else ")")


def _dec(value: Threshold) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


def _tally(t: ProductTally, locale: Locale) -> str:
    """The "qualifying products" requirement: how many products meet every product requirement."""
    zh = locale == "zh-CN"
    if t.total == 0:
        return (
            "没有商品数据:请导入该店铺的商品数据后再判断"
            if zh
            else "no product data: import the store's products to judge this activity"
        )
    best = t.best
    title = "" if best is None else (best.title or best.product_id)
    if t.passing:
        return (
            f"{t.total} 件商品中 {t.passing} 件满足全部商品条件;首选:{title}"
            if zh
            else f"{t.passing} of {t.total} products meet every product requirement; "
            f"best candidate: {title}"
        )
    if t.unknown:
        return (
            f"{t.total} 件商品中没有一件确定满足条件:{t.unknown} 件缺少数据"
            if zh
            else f"none of the {t.total} products is known to qualify: {t.unknown} lack figures"
        )
    failed = [] if best is None else [j for j in best.criteria if j.status == "fail"]
    names = ("、" if zh else ", ").join(
        (j.label_zh if zh else j.label_en)
        + (("(假设)" if zh else " (assumed)") if j.source is Source.ASSUMED else "")
        for j in failed
    )
    return (
        f"{t.total} 件商品均不满足全部商品条件;最接近:{title}(未满足:{names})"
        if zh
        else f"none of the {t.total} products meets every product requirement; "
        f"closest: {title} (fails: {names})"
    )
