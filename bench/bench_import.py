"""Import 1,000,000 CSV rows and 200,000 XLSX rows with `calendar-service import`: rows/s, peak RSS.

The issue: "make bench import: 1,000,000 CSV rows and 200,000 XLSX rows, rows/s and peak RSS
printed; target ≤ 300 MB for both." A 2-million-row workbook used to run out of memory: the
importer held whole files; it now reads, checks and writes in batches in one transaction.

One run, everything in a temporary directory: the two files are generated (store snapshots:
10,000 stores, one row per store and day, every column filled in the forms a 1688 export
uses), then each is imported by the real command in a fresh process on a fresh SQLite database
(`BENCH_IMPORT_DATABASE_URL` names another, e.g. PostgreSQL: it must be empty). The peak RSS is
the process's own (`wait4`). The baseline, measured in the same run, is reading the same file
with no checks and no writes (Python's csv module; openpyxl's read-only rows): the ratio says
what checking and writing cost on top of reading. BENCH_IMPORT_CSV_ROWS and
BENCH_IMPORT_XLSX_ROWS change the sizes. Targets are reported PASS / MISS, never fail the run;
it exits non-zero only when an import fails or adds the wrong number of snapshots.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CSV_ROWS = int(os.environ.get("BENCH_IMPORT_CSV_ROWS", "1000000"))
XLSX_ROWS = int(os.environ.get("BENCH_IMPORT_XLSX_ROWS", "200000"))
STORES = 10_000
TARGET_MB = 300
HEADER = [
    "店铺ID", "店铺名称", "数据日期", "诚信通开通日期", "交易勋章", "店铺满意度", "已上网产品数",
    "近30天交易额", "近30天买家数", "发货速度", "买家保障", "支付宝实名认证", "近90天纠纷笔数",
    "近90天纠纷率", "产业带",
]  # fmt: skip
NOW = "2026-12-01T12:00"
START = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)  # written without its zone


def _row(n: int, prefix: str) -> list[object]:
    store, day = n % STORES, n // STORES
    return [
        f"{prefix}-{store:06d}",
        f"义乌小商品{store}号店",
        (START - dt.timedelta(days=day)).strftime("%Y-%m-%d %H:%M"),
        "2019-03-01",
        "AAA" if store % 3 else "2",
        f"{4 + (store % 10) / 10:.1f}",
        str(50 + store % 200),
        f"{(store * 37) % 90000 + 1000:,}.50",
        str(store % 40),
        ("24小时发货", "48小时发货", "无")[store % 3],
        "是" if store % 2 else "否",
        "是",
        str(store % 3),
        f"{(store % 7) / 100:.2f}%",
        "义乌",
    ]


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            writer.writerow(_row(n, "csv"))


def write_xlsx(path: Path, rows: int) -> None:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append(_row(n, "xlsx"))
    book.save(path)


def baseline(path: Path) -> float:
    """Seconds to read every row of the file, with no checks and no writes."""
    started = time.perf_counter()
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as text:
            for _ in csv.reader(text):
                pass
    else:
        import openpyxl  # noqa: PLC0415

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            pass
        book.close()
    return time.perf_counter() - started


def run_import(path: Path, database_url: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and the output of `calendar-service import PATH`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    env = {**base, "CALENDAR_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "calendar_service", "import", "--now", NOW, str(path)]
    out_path, err_path = path.with_suffix(".out"), path.with_suffix(".err")
    started = time.perf_counter()
    with out_path.open("w") as out, err_path.open("w") as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # this process's own peak, not the max
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"import of {path.name} failed:\n{err_path.read_text()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, out_path.read_text().strip()


def measure(label: str, path: Path, rows: int, database_url: str) -> None:
    size = path.stat().st_size / (1 << 20)
    read = baseline(path)
    seconds, peak, out = run_import(path, database_url)
    added = re.search(r"new snapshots: (\d+) store", out)
    if added is None or int(added.group(1)) != rows:
        raise SystemExit(f"{label}: expected {rows} new snapshots, the import said: {out}")
    verdict = "PASS" if peak <= TARGET_MB else "MISS"
    print(
        f"   {label}: {rows:,} rows ({size:.0f} MB): {seconds:.1f} s, "
        f"{rows / seconds:,.0f} rows/s; peak RSS {peak:.0f} MB (target ≤ {TARGET_MB} MB: "
        f"{verdict}); reading alone {read:.1f} s ({rows / read:,.0f} rows/s), "
        f"import {seconds / read:.1f}× that"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        chosen = os.environ.get("BENCH_IMPORT_DATABASE_URL")
        started = time.perf_counter()
        write_csv(work / "stores.csv", CSV_ROWS)
        write_xlsx(work / "stores.xlsx", XLSX_ROWS)
        print(f"   files written in {time.perf_counter() - started:.0f} s")
        for label, name, rows in (
            ("CSV", "stores.csv", CSV_ROWS),
            ("XLSX", "stores.xlsx", XLSX_ROWS),
        ):
            url = chosen or f"sqlite:///{work / (name + '.db')}"
            measure(label, work / name, rows, url)


if __name__ == "__main__":
    main()
