"""Run every benchmark in bench/ (or those named on the command line): `make bench`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import bench


def main(names: list[str]) -> int:
    found = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    chosen = [n for n in found if not names or n.removeprefix("bench_") in names or n in names]
    if not chosen:
        print(f"no benchmark matches {names}; there are: {', '.join(found) or 'none yet'}")
        return 0 if not names else 2
    for name in chosen:
        print(f"== {name}")
        started = time.perf_counter()
        importlib.import_module(f"bench.{name}").main()
        print(f"   ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
