"""Run the `calendar-service` command as a user would: a real process, real environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_cli(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> Result:
    """Run `python -m calendar_service ARGS` with CALENDAR_ variables from `env` only."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALENDAR_")}
    done = subprocess.run(
        [sys.executable, "-m", "calendar_service", *args],
        env={**base, **(env or {})},
        cwd=cwd or PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)
