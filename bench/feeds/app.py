"""The app the feed benchmark serves: `python -m uvicorn --factory bench.feeds.app:create`.

Built the way `calendar-service run` builds it (settings from the `CALENDAR_` environment, the
real clock), without its banner or its info-level access log, so that uvicorn can be started
with the benchmark's own options (one worker, log level warning).
"""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI

from calendar_service.bootstrap import Container
from calendar_service.entrypoints.web import create_app
from calendar_service.settings import load_settings


def create() -> FastAPI:
    container = Container(load_settings())
    tz = container.settings.tz
    container.repository  # noqa: B018  # open the database (and its schema) before serving
    return create_app(container, lambda: dt.datetime.now(tz))
