"""The day's messages as a spam filter reads them: SpamAssassin (Debian's package, installed by
`make test`; local tests only, no network) scores an agency's and a seller's message, in both
languages, well under its threshold of 5."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from calendar_service.domain.subscriptions import Locale
from calendar_service.mail import render_day
from tests import day_support, mail_support
from tests.times import CST

SPAMASSASSIN = shutil.which("spamassassin")
LIMIT = 1.0  # each rule that fired is a sign; 5 is the filter's threshold


def score(raw: bytes) -> tuple[float, str]:
    assert SPAMASSASSIN, "SpamAssassin is missing: apt-get install -y spamassassin (make test)"
    found = subprocess.run(
        [SPAMASSASSIN, "-L", "-t"], input=raw, capture_output=True, check=True, timeout=120
    ).stdout.decode(errors="replace")
    status = re.search(r"^X-Spam-Status: \w+, score=(-?[\d.]+)", found, re.M)
    assert status, found[:2000]
    return float(status.group(1)), found


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize("stores", [35, 1])
def test_a_days_message_scores_clean(locale: Locale, stores: int) -> None:
    items = day_support.SAMPLE.day(day_support.SAMPLE.store_ids[:stores])
    if stores > 1:  # and a store whose data is missing: no group is "all of them can sign up"
        first = items[0]
        missing = first.verdict._replace(status="unknown", store_id="b2b-new")
        items.append(
            dataclasses.replace(first, store_id="b2b-new", store_name="新店", verdict=missing)
        )
    links = day_support.DAY_LINKS if stores > 1 else day_support.ONE_STORE_LINKS
    rendered = render_day(locale=locale, items=items, now=day_support.NOW, tz=CST, links=links)
    message = mail_support.sent(rendered, links=links)
    points, report = score(message.as_bytes())
    assert points < LIMIT, report[report.find("Content analysis details") :]
