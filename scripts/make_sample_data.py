"""Write the sample data in data/sample/: 35 stores with history and 245 products.

Deterministic (fixed seed). Stores are shaped to show every status: eligible, ineligible for
one reason, for several, unknown (blank cells) and stale data. Run it again after changing it:

    .venv/bin/python scripts/make_sample_data.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE  # another folder: to compare
BASE = dt.date(2026, 11, 25)  # the newest data; the sample loader moves it to yesterday

STORE_HEADERS = [
    "店铺ID",
    "店铺名称",
    "数据日期",
    "诚信通开通日期",
    "交易勋章",
    "店铺满意度",
    "已上网产品数",
    "已上架产品数",
    "近30天交易额",
    "近30天买家数",
    "发货速度",
    "买家保障",
    "交期保障",
    "支付宝实名认证",
    "支付宝在线交易",
    "近90天纠纷笔数",
    "近90天纠纷率",
    "风险评估分",
    "产业带",
    "上次伙拼成交额",
    "上次大促成交额",
    "联系邮箱",
    "满减",
]
PRODUCT_HEADERS = [
    "商品ID",
    "店铺ID",
    "商品名称",
    "数据日期",
    "发布时间",
    "批发价",
    "近30天销量",
    "近30天买家数",
    "近30天点击量",
    "商品竞争力得分",
    "免费拿样",
    "拿样价",
    "库存",
    "支持在线订购",
    "首图正方形",
    "首图水印",
    "详情完整",
    "活动折扣",
    "包邮",
    "剩余数量",
]

CITIES = [
    "义乌",
    "温州",
    "东莞",
    "佛山",
    "汕头",
    "泉州",
    "晋江",
    "永康",
    "临沂",
    "杭州",
    "广州",
    "深圳",
]
TRADES = [
    ("日用百货", ["硅胶折叠收纳盒", "不锈钢保温杯", "厨房置物架", "抽绳垃圾袋", "免打孔挂钩"]),
    ("服装", ["纯棉圆领T恤", "加绒卫衣", "高腰牛仔裤", "冰丝防晒衣", "针织开衫"]),
    ("鞋业", ["透气飞织运动鞋", "软底妈妈鞋", "儿童凉鞋", "加绒雪地靴", "男士商务皮鞋"]),
    ("玩具", ["益智积木套装", "遥控越野车", "毛绒公仔", "泡泡机", "磁力片"]),
    ("五金工具", ["家用电钻套装", "多功能扳手", "卷尺5米", "电工胶带", "螺丝刀组合"]),
    ("小家电", ["便携榨汁杯", "迷你加湿器", "电热水壶", "桌面小风扇", "挂烫机"]),
]
BELTS = {
    "义乌": "义乌小商品产业带",
    "温州": "温州鞋服产业带",
    "东莞": "东莞玩具产业带",
    "佛山": "佛山家电产业带",
    "汕头": "澄海玩具产业带",
    "永康": "永康五金产业带",
}

# (store suffix, how it is shaped): each shape gives the store's latest figures a twist.
SHAPES = (
    ["eligible"] * 10
    + [
        "few_buyers",
        "low_medal",
        "slow_shipping",
        "new_member",
        "high_dispute_rate",
        "one_dispute",
        "low_satisfaction",
        "few_products",
    ]
    + ["several"] * 5
    + ["unknown"] * 4
    + ["stale"] * 3
    + ["invited"] * 3
    + ["rising_sales", "rising_buyers"]
)


# Shapes that fail 伙拼 or 快订 for exactly one reason.
ONE_REASON: dict[str, dict[str, object]] = {
    "few_buyers": {"buyers": 12},
    "low_medal": {"medal": "2A"},
    "slow_shipping": {"shipping": "72小时发货"},
    "new_member": {"member_since": BASE - dt.timedelta(days=75)},
    "high_dispute_rate": {"disputes": 3, "rate": "0.03%"},
    "one_dispute": {"disputes": 1, "rate": "0.02%"},
    "low_satisfaction": {"satisfaction": "3.6"},
    "few_products": {"online": 12},
}


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def store_rows(rng: random.Random) -> tuple[list[list[str]], list[tuple[str, str, dt.date]]]:
    rows: list[list[str]] = []
    stores: list[tuple[str, str, dt.date]] = []
    for i, shape in enumerate(SHAPES, start=1):
        city = CITIES[i % len(CITIES)]
        trade, _ = TRADES[i % len(TRADES)]
        store_id = f"b2b-22{i:04d}"
        brand = "恒盛鑫华悦锦"[i % 6] + "达源通美佳丰"[i % 5]
        name = f"{city}{'市' if i % 3 else ''}{brand}{trade}有限公司"
        latest = BASE - dt.timedelta(days=20 if shape == "stale" else 0)
        stores.append((store_id, name, latest))
        f = {
            "member_since": BASE - dt.timedelta(days=rng.randint(400, 2500)),
            "medal": rng.choice(["AAA", "4A", "5", "AAAA"]),
            "satisfaction": f"{rng.uniform(4.2, 5):.1f}",
            "online": rng.randint(40, 400),
            "gmv": rng.randint(30000, 90000),
            "buyers": rng.randint(20, 120),
            "shipping": rng.choice(["24小时发货", "48小时发货"]),
            "protection": True,
            "guarantee": True,
            "alipay": True,
            "trading": True,
            "disputes": 0,
            "rate": "0%",
            "risk": rng.randint(40, 90),
            "belt": BELTS.get(city, ""),
            "last_hp": rng.randint(0, 50000),
            "last_promo": rng.randint(0, 80000),
        }
        f.update(ONE_REASON.get(shape, {}))
        if shape == "several":
            f.update(
                medal="2",
                gmv=rng.randint(8000, 18000),
                buyers=rng.randint(5, 13),
                rate="0.05%",
                disputes=2,
                shipping="72小时发货",
            )
        elif shape == "invited":
            f.update(gmv=rng.randint(150000, 400000), last_promo=rng.randint(60000, 200000))
        elif shape in ("rising_sales", "rising_buyers"):
            f.update(
                gmv=16000 if shape == "rising_sales" else 40000,
                buyers=30 if shape == "rising_sales" else 11,
            )
        blank = {"unknown"} == {shape}
        for back, scale in ((14, 0.8), (7, 0.9), (0, 1.0)):
            captured = latest - dt.timedelta(days=back)
            gmv, buyers = f["gmv"], f["buyers"]
            if shape == "rising_sales":
                gmv = {14: 10000, 7: 13000, 0: 16000}[back]
            elif shape == "rising_buyers":
                buyers = {14: 5, 7: 8, 0: 11}[back]
            else:
                gmv, buyers = int(int(gmv) * scale), max(0, int(int(buyers) * scale))
            rows.append(
                [
                    store_id,
                    name,
                    f"{captured} 09:00",
                    str(f["member_since"]),
                    str(f["medal"]),
                    "" if blank and back == 0 and i % 2 else str(f["satisfaction"]),
                    str(f["online"]),
                    str(int(f["online"]) + rng.randint(0, 30)),
                    f"¥{gmv:,}",
                    "" if blank and back == 0 and i % 2 == 0 else str(buyers),
                    str(f["shipping"]),
                    _yes(bool(f["protection"])),
                    _yes(bool(f["guarantee"])),
                    _yes(bool(f["alipay"])),
                    _yes(bool(f["trading"])),
                    str(f["disputes"]),
                    str(f["rate"]),
                    str(f["risk"]),
                    str(f["belt"]),
                    str(f["last_hp"]),
                    str(f["last_promo"]),
                    f"shop{i:02d}@example.com",
                ]
            )
    return rows, stores


def product_rows(rng: random.Random, stores: list[tuple[str, str, dt.date]]) -> list[list[str]]:
    rows: list[list[str]] = []
    n = 0
    for i, (store_id, _name, latest) in enumerate(stores, start=1):
        _, items = TRADES[i % len(TRADES)]
        for k in range(7):
            n += 1
            title = f"{items[k % len(items)]} {['爆款', '新款', '工厂直销', '批发', '跨境'][k % 5]}"
            listed = latest - dt.timedelta(days=rng.choice([5, 12, 25, 45, 90, 200]))
            price = rng.choice([8.5, 15, 19.9, 20, 25, 36.8, 59, 128])
            sales = rng.choice([0, 0, 8, 40, 120, 600])
            free_sample = rng.random() < 0.6
            rows.append(
                [
                    f"p-{n:05d}",
                    store_id,
                    title,
                    f"{latest} 09:00",
                    str(listed),
                    f"{price}",
                    str(sales),
                    str(min(sales, rng.randint(0, 60))),
                    str(rng.choice([0, 15, 150, 900])),
                    str(rng.choice([12, 25, 48, 66, 85])),
                    _yes(free_sample),
                    ("0.01" if rng.random() < 0.15 else f"{price}") if free_sample else "",
                    str(rng.choice([0, 50, 300])),
                    _yes(rng.random() < 0.9),
                    _yes(rng.random() < 0.85),
                    _yes(rng.random() < 0.15),
                    _yes(rng.random() < 0.85),
                    rng.choice(["8折", "8.5折", "9折", "", "7.5折"]),
                    _yes(rng.random() < 0.5),
                ]
            )
    return rows


def later_columns(stores: list[list[str]], products: list[list[str]]) -> None:
    """Columns added to the export after the first sample (满减, 剩余数量), drawn from a random
    stream of their own, so every earlier column keeps its values: 满减 once per store, 剩余数量
    for the products offered as free samples."""
    rng = random.Random(16881)
    reduction: dict[str, str] = {}
    for row in stores:
        row.append(reduction.setdefault(row[0], rng.choice(["否", "否", "满300减20", "是", ""])))
    for row in products:
        row.append(rng.choice(["0", "5", "20", "100", "200", ""]) if row[10] == "是" else "")


def main() -> None:
    rng = random.Random(1688)
    stores, meta = store_rows(rng)
    products = product_rows(rng, meta)
    later_columns(stores, products)
    OUT.mkdir(parents=True, exist_ok=True)
    # What Excel in China writes: GB18030 with Chinese headers; products in UTF-8 with a BOM.
    with (OUT / "stores.csv").open("w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows([STORE_HEADERS, *stores])
    with (OUT / "products.csv").open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([PRODUCT_HEADERS, *products])
    print(f"{len(meta)} stores ({len(stores)} snapshots), {len(products)} products in {OUT}")


if __name__ == "__main__":
    main()
