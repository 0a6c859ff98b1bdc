"""The zone and the instants several test files share, named for what they mean, in Beijing time
(CST), the zone 1688's activities are announced in; an instant one file needs stays there."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

CST = ZoneInfo("Asia/Shanghai")

# When data/sample was captured: loading the sample at this instant makes every snapshot fresh.
SAMPLE_CAPTURED = dt.datetime(2026, 11, 26, 8, 0, tzinfo=CST)

# A Tuesday, an hour after December's monthly sign-up opened (09:00): the sign-up's reminders and
# the weekly digest are due, and the sample loaded at SAMPLE_CAPTURED is still fresh.
MONTHLY_SIGNUP_OPEN = dt.datetime(2026, 12, 15, 10, 0, tzinfo=CST)

# The clock the web app, its API and its feeds are frozen at: a weekday morning in mid-January.
WEB_CLOCK = dt.datetime(2027, 1, 15, 9, 0, tzinfo=CST)

# The clock imports run at: the day after the files under tests/data/import were captured.
IMPORT_CLOCK = dt.datetime(2026, 11, 21, 12, 0, tzinfo=CST)
