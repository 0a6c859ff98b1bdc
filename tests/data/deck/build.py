"""Write the deck's boundary rows (stores.csv/.xlsx, products.csv/.xlsx) from the table below.

Each case is a store or product that passes everything but one figure, set at, just below or
just above the deck's threshold, or blank. The rows carry 1688's Chinese headers, unit suffixes
included, and four columns the importer ignores: the activity, the criterion, the deck's words
and the judgement and verdict expected. Run `python tests/data/deck/build.py` after editing.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
CAPTURED = "2027-04-05 08:00"  # the tests judge at 2027-04-05 10:00 (Asia/Shanghai)
EXTRA = ("活动", "条件", "资料原文", "预期判断", "预期结论")

STORE = {
    "店铺ID": "",
    "店铺名称": "",
    "数据日期": CAPTURED,
    "诚信通开通日期": "2024-05-01",
    "交易勋章": "AAAAA",
    "店铺满意度(分)": "4.8",
    "已上网产品数(件)": "60",
    "已上架产品数(件)": "60",
    "近30天交易额(元)": "150000",
    "近30天买家数": "80",
    "发货速度": "24小时发货",
    "买家保障": "是",
    "交期保障": "是",
    "支付宝实名认证": "是",
    "支付宝在线交易": "是",
    "近90天纠纷笔数": "0",
    "近90天纠纷率(%)": "0",
    "风险评估分": "45",
    "产业带": "义乌小商品",
    "上次伙拼成交额(元)": "30000",
    "上次大促成交额(万元)": "8",
    "满减": "满300减20",
}
PRODUCT = {
    "商品ID": "",
    "店铺ID": "deck-base",
    "商品名称": "",
    "数据日期": CAPTURED,
    "发布时间": "2027-03-26",
    "批发价(元)": "50",
    "近30天销量": "600",
    "近30天买家数": "40",
    "近30天点击量": "500",
    "商品竞争力得分": "80",
    "免费拿样": "是",
    "拿样价(元)": "50",
    "库存": "100",
    "剩余数量": "5",
    "支持在线订购": "是",
    "首图正方形": "是",
    "首图水印": "否",
    "详情完整": "是",
    "活动折扣(折)": "8",
    "包邮": "是",
}
VERDICT = {"pass": "eligible", "fail": "ineligible", "unknown": "unknown"}

# (activity, criterion, the deck's words, column, [(value, expected judgement), ...])
# Expected: pass / fail / unknown for requirements; present / absent / unknown for advantages.
STORE_RULES: list[tuple[str, str, str, str, list[tuple[str, str]]]] = [
    ("daily-quick-order", "membership", "开通时间大于3个月", "诚信通开通日期",
     [("2027-01-05", "fail"), ("2027-01-06", "fail"), ("2027-01-04", "pass"), ("", "unknown")]),
    ("daily-quick-order", "medal", "卖家店铺交易勋章应为2A以上", "交易勋章",
     [("AA", "pass"), ("A", "fail"), ("AAA", "pass"), ("", "unknown")]),
    ("daily-quick-order", "products-online", "卖家店铺已发布上网的产品总数≥20条",
     "已上网产品数(件)",
     [("20", "pass"), ("19", "fail"), ("21", "pass"), ("", "unknown")]),
    ("daily-quick-order", "satisfaction", "店铺满意度4分及以上", "店铺满意度(分)",
     [("4", "pass"), ("3.9", "fail"), ("4.1", "pass"), ("", "unknown")]),
    ("daily-quick-order", "dispute-rate", "纠纷率低于0.01%", "近90天纠纷率(%)",
     [("0.01", "fail"), ("0.009", "pass"), ("0.011", "fail"), ("", "unknown")]),
    ("daily-quick-order", "disputes", "纠纷笔数小于2笔", "近90天纠纷笔数",
     [("2", "fail"), ("1", "pass"), ("3", "fail"), ("", "unknown")]),
    ("daily-quick-order", "alipay", "卖家绑定经实名认证的支付宝账户", "支付宝实名认证",
     [("是", "pass"), ("否", "fail"), ("", "unknown")]),
    ("daily-quick-order", "delivery-guarantee", "与交期保障服务", "交期保障",
     [("是", "pass"), ("否", "fail"), ("", "unknown")]),
    ("daily-group-wholesale", "medal", "勋章等级必须是AAAA级或AAA级或AAAAA级之一", "交易勋章",
     [("AAA", "pass"), ("AA", "fail"), ("AAAA", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "satisfaction", "店铺满意度需不低于4", "店铺满意度(分)",
     [("4", "pass"), ("3.9", "fail"), ("4.1", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "products-online", "已上网产品数需大于或等于20件", "已上网产品数(件)",
     [("20", "pass"), ("19", "fail"), ("21", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "gmv-30d", "会员近30天交易额需大于或等于20000元", "近30天交易额(元)",
     [("20000", "pass"), ("19999.99", "fail"), ("20000.01", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "buyers-30d", "会员近30天买家数需大于或等于15", "近30天买家数",
     [("15", "pass"), ("14", "fail"), ("16", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "shipping", "会员发货速度需满足 \"24小时发货\" 或 \"48小时发货\"之一",
     "发货速度", [("48小时发货", "pass"), ("72小时发货", "fail"), ("", "unknown")]),
    ("daily-group-wholesale", "membership", "本专场需要用户已开通诚信通过3个月", "诚信通开通日期",
     [("2027-01-05", "pass"), ("2027-01-06", "fail"), ("2027-01-04", "pass"), ("", "unknown")]),
    ("daily-group-wholesale", "dispute-rate", "要求会员近90天在线交易纠纷率<=0.01%",
     "近90天纠纷率(%)",
     [("0.01", "pass"), ("0.011", "fail"), ("0.009", "pass"), ("", "unknown")]),
    ("promo-327", "risk-score", "风险评估(32分)", "风险评估分",
     [("32", "pass"), ("31.9", "fail"), ("32.1", "pass"), ("", "unknown")]),
    ("promo-327", "products-listed", "已上架产品数", "已上架产品数(件)",
     [("20", "pass"), ("19", "fail"), ("21", "pass"), ("", "unknown")]),
    ("promo-327", "sales-before-deadline", "大促报名截至前30天店铺总销售额", "近30天交易额(元)",
     [("10000", "pass"), ("9999.99", "fail"), ("10000.01", "pass"), ("", "unknown")]),
    ("quarterly-hot-sellers", "medal-3a", "商家交易勋章在3a及以上", "交易勋章",
     [("AAA", "present"), ("AA", "absent"), ("AAAA", "present"), ("", "unknown")]),
    ("monthly-top-sellers", "recent-sales", "近段时间销售额高的商家有优势", "近30天交易额(元)",
     [("100000", "present"), ("99999.99", "absent"), ("100000.01", "present"), ("", "unknown")]),
    ("monthly-origin", "industrial-belt", "本产业带商家报名有优势", "产业带",
     [("义乌小商品", "present"), ("无", "absent"), ("", "unknown")]),
    ("monthly-core-promotion", "promotion-performance",
     "大促中表现优秀的商家行业小二会主动引导选款报名并直接通过上会场", "上次大促成交额(万元)",
     [("5", "present"), ("4.99", "absent"), ("5.01", "present"), ("", "unknown")]),
]  # fmt: skip

PRODUCT_RULES: list[tuple[str, str, str, dict[str, str], str, list[tuple[str, str]]]] = [
    ("daily-samples", "wholesale-price", "单品原批发价格不低于20元", {},
     "批发价(元)", [("20", "pass"), ("19.99", "fail"), ("20.01", "pass"), ("", "unknown")]),
    ("daily-samples", "competitiveness", "商品竞争力得分>=20", {}, "商品竞争力得分",
     [("20", "pass"), ("19.9", "fail"), ("20.1", "pass"), ("", "unknown")]),
    ("daily-samples", "sample-stock", "剩余数量>=1", {}, "剩余数量",
     [("1", "pass"), ("0", "fail"), ("2", "pass"), ("", "unknown")]),
    ("daily-samples", "sample-price-not-token", "免费拿样价格设置正常批发价格,非0.01元", {},
     "拿样价(元)", [("0.01", "fail"), ("0.02", "pass"), ("", "unknown")]),  # 0.02: see below
    ("daily-samples", "sample-price", "免费拿样价格设置正常批发价格,非0.01元", {},
     "拿样价(元)", [("49.99", "pass"), ("25", "pass"), ("24.99", "fail"), ("", "unknown")]),
    ("daily-samples", "sales-if-older", "报名的商品发布时间超过30天的,必须要有销量",
     {"近30天销量": "0", "近30天买家数": "0"}, "发布时间",
     [("2027-03-06", "pass"), ("2027-03-05", "fail"), ("2027-03-07", "pass")]),
    ("daily-samples", "sales-if-older", "报名的商品发布时间超过30天的,必须要有销量",
     {"发布时间": "2027-03-05", "近30天销量": ""}, "近30天买家数",
     [("1", "pass"), ("0", "fail"), ("", "unknown")]),
    ("quarterly-clearance", "discount-85-or-lower", "给予的价格在8.5折以下", {}, "活动折扣(折)",
     [("8.5", "pass"), ("8.6", "fail"), ("8.4", "pass"), ("", "unknown")]),
    ("quarterly-new-arrivals", "listed-within-30-days", "一般要求宝贝上架时间在30天内", {},
     "发布时间", [("2027-03-06", "pass"), ("2027-03-05", "fail"), ("2027-03-07", "pass"),
                  ("", "unknown")]),
    ("quarterly-new-arrivals", "has-clicks", "具有一定的点击", {}, "近30天点击量",
     [("1", "pass"), ("0", "fail"), ("2", "pass"), ("", "unknown")]),
    ("quarterly-hot-sellers", "product-buyers", "宝贝买家数,交易额高……会更有优势", {},
     "近30天买家数", [("30", "present"), ("29", "absent"), ("31", "present"), ("", "unknown")]),
    ("monthly-hot-items", "product-sales", "报名规则对产品近30天的销量情况要求较高", {},
     "近30天销量", [("500", "pass"), ("499", "fail"), ("501", "pass"), ("", "unknown")]),
]  # fmt: skip

# Store criteria read from the store's own products: (activity, criterion, words, case, store
# changes, product changes (one dict a product), expected).
PRODUCT_BASED: list[tuple[str, str, str, str, dict[str, str], list[dict[str, str]], str]] = [
    ("promo-327", "promotion", "促销折扣要求(包邮、9折、满减等)", "9zhe", {"满减": "否"},
     [{"包邮": "否", "活动折扣(折)": "9"}], "pass"),
    ("promo-327", "promotion", "促销折扣要求(包邮、9折、满减等)", "9.5zhe", {"满减": "否"},
     [{"包邮": "否", "活动折扣(折)": "9.5"}], "fail"),
    ("promo-327", "promotion", "促销折扣要求(包邮、9折、满减等)", "full-reduction",
     {"满减": "满300减20"}, [{"包邮": "否", "活动折扣(折)": "10"}], "pass"),
    ("promo-327", "promotion", "促销折扣要求(包邮、9折、满减等)", "blank", {"满减": ""},
     [{"包邮": "否", "活动折扣(折)": "10"}], "unknown"),
    ("daily-samples", "free-sample-share", "店铺中商品加入免费拿样的比重超过50%", "at",
     {"已上网产品数(件)": "4"}, [{}, {}], "absent"),
    ("daily-samples", "free-sample-share", "店铺中商品加入免费拿样的比重超过50%", "above",
     {"已上网产品数(件)": "3"}, [{}, {}], "present"),
    ("daily-samples", "free-sample-share", "店铺中商品加入免费拿样的比重超过50%", "below",
     {"已上网产品数(件)": "5"}, [{}, {}], "absent"),
    ("daily-samples", "free-sample-share", "店铺中商品加入免费拿样的比重超过50%", "blank",
     {"已上网产品数(件)": ""}, [{}, {}], "unknown"),
]  # fmt: skip

_LABELS = ("at", "below", "above", "blank")


INVITATIONS = ("monthly-sales", "monthly-core-promotion")  # 小二会主动引导选款报名并直接通过


def _verdicts(activity: str, cases: list[tuple[str, str]]) -> dict[str, str]:
    """The verdict each expected judgement makes when every other figure passes.

    Advantages and invitation signals never decide: an invitation stays an invitation, any
    other activity is eligible whether the signal is present, absent or unknown.
    """
    if any(expected in ("present", "absent") for _, expected in cases):
        shown = "invitation" if activity in INVITATIONS else "eligible"
        return {expected: shown for _, expected in cases}
    return {expected: VERDICT[expected] for _, expected in cases}


def rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    stores = [{**STORE, "店铺ID": "deck-base", "店铺名称": "全部达标的店铺"}]
    products: list[dict[str, str]] = []
    for activity, key, words, column, cases in STORE_RULES:
        verdicts = _verdicts(activity, cases)
        for label, (value, expected) in zip(_LABELS, cases, strict=False):
            case = f"{activity}.{key}.{label if value else 'blank'}"
            stores.append({
                **STORE, "店铺ID": case, "店铺名称": case, column: value, "活动": activity,
                "条件": key, "资料原文": words, "预期判断": expected,
                "预期结论": verdicts[expected],
            })  # fmt: skip
    for activity, key, words, base, column, cases in PRODUCT_RULES:
        verdicts = _verdicts(activity, cases)
        for label, (value, expected) in zip(_LABELS, cases, strict=False):
            case = f"{activity}.{key}.{column}.{label if value else 'blank'}"
            # 0.02 元 is no 0.01 元, but it is no normal wholesale price either (sample-price).
            token = key == "sample-price-not-token" and value == "0.02"
            products.append({
                **PRODUCT, **base, "商品ID": case, "商品名称": case, column: value,
                "活动": activity, "条件": key, "资料原文": words, "预期判断": expected,
                "预期结论": "ineligible" if token else verdicts[expected],
            })  # fmt: skip
    for activity, key, words, label, store, items, expected in PRODUCT_BASED:
        case = f"{activity}.{key}.{label}"
        signal = key == "free-sample-share"  # an advantage: never decides the verdict
        stores.append({
            **STORE, **store, "店铺ID": case, "店铺名称": case, "活动": activity, "条件": key,
            "资料原文": words, "预期判断": expected,
            "预期结论": "eligible" if signal else VERDICT[expected],
        })  # fmt: skip
        for n, item in enumerate(items, start=1):
            products.append({**PRODUCT, **item, "商品ID": f"{case}.p{n}", "店铺ID": case})
    return stores, products


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _typed(value: str) -> object:
    """A cell as a spreadsheet holds it: numbers as numbers, dates as dates, blank as empty."""
    if value == "":
        return None
    if _NUMBER.fullmatch(value):
        return int(value) if value.isdigit() else float(value)
    for form in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, form)  # noqa: DTZ007 - a spreadsheet's wall time
        except ValueError:
            continue
    return value


def write(name: str, table: list[dict[str, str]]) -> None:
    header = [*dict.fromkeys(k for row in table for k in row if k not in EXTRA), *EXTRA]
    with (HERE / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows([row.get(k, "") for k in header] for row in table)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in table:
        sheet.append([_typed(row.get(k, "")) for k in header])
    book.save(HERE / f"{name}.xlsx")


if __name__ == "__main__":
    stores, products = rows()
    write("stores", stores)
    write("products", products)
