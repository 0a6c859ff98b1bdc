"""The reminders page: the recipients, and the messages the coming days would send one of them,
exactly those the preview use case lists."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from calendar_service.bootstrap import Container
from calendar_service.dashboard import preview_view
from calendar_service.dashboard.pages import messages as messages_words
from calendar_service.domain.catalog import Catalog
from calendar_service.entrypoints.web import create_app
from calendar_service.services.compose import Item
from calendar_service.services.preview import Preview
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings
from tests.cli import PROJECT
from tests.dashboard_preview_support import AGENCY, OWNER, OWNER_STORE, subscribe_sample
from tests.test_dashboard import sign_in
from tests.times import CST, WEB_CLOCK


class Site:
    """The app on the sample, the agency watching every store and the owner one; signed in."""

    def __init__(self, database_url: str) -> None:
        self.container = Container(load_settings(database_url=database_url))
        load_sample(PROJECT / "data" / "sample", self.container.repository, CST, WEB_CLOCK)
        self.stores = subscribe_sample(self.container.repository)
        self.client = TestClient(create_app(self.container, lambda: WEB_CLOCK))
        sign_in(self.client, self.container)

    def expected(self, recipient: str, days: int) -> list[tuple[str, str]]:
        """(day, subject) of each message the use case lists over `days` days from today."""
        today = WEB_CLOCK.date()
        found = self.container.preview(
            WEB_CLOCK, today, today + dt.timedelta(days=days - 1), recipient
        )
        return [(p.send_at.astimezone(CST).date().isoformat(), p.subject) for p in found]


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    made = Site(database_url)
    yield made
    made.container.engine.dispose()


def shown(page: str) -> list[tuple[str, str]]:
    """(day, subject) of each message on the page, in its order."""
    found = re.findall(
        r'<section class="message" data-day="([^"]+)">.*?<h3 class="subject">(.*?)</h3>',
        page,
        re.S,
    )
    return [(day, html.unescape(subject)) for day, subject in found]


def test_the_page_lists_every_recipient_with_its_number_of_stores(site: Site) -> None:
    page = site.client.get("/reminders")
    assert page.status_code == 200
    listed = re.findall(r'data-recipient="([^"]+)">[^<]*<span class="muted">([^<]+)<', page.text)
    assert listed == [(AGENCY, f"{len(site.stores)} 家店铺"), (OWNER, "1 家店铺")]
    assert 'href="/reminders"' in site.client.get("/").text  # in the navigation
    assert "Reminder preview" in site.client.get("/reminders?lang=en").text


@pytest.mark.parametrize(("recipient", "days"), [(AGENCY, None), (OWNER, "20"), (AGENCY, "1")])
def test_a_recipients_page_shows_exactly_the_messages_of_the_use_case(
    site: Site, recipient: str, days: str | None
) -> None:
    params = {"recipient": recipient} | ({"days": days} if days else {})
    page = site.client.get("/reminders", params=params)
    assert page.status_code == 200, page.text
    expected = site.expected(recipient, int(days or 14))
    assert expected, "the sample brings this recipient mail in these days"
    assert shown(page.text) == expected
    days_shown = [day for day, _subject in shown(page.text)]
    assert len(days_shown) == len(set(days_shown))  # one message a day at most


def test_an_agencys_items_are_collapsed_and_counted_by_kind(site: Site) -> None:
    today = WEB_CLOCK.date()
    first = site.container.preview(WEB_CLOCK, today, today, AGENCY)[0]
    page = site.client.get("/reminders", params={"recipient": AGENCY, "days": "1", "lang": "en"})
    section = page.text.split('<section class="message"', 1)[1]
    kinds = sorted({i.kind for i in first.items})
    for kind in kinds:
        count = sum(1 for i in first.items if i.kind == kind)
        assert re.search(
            rf'<details data-kind="{kind}">\s*<summary>[^<]*\({count}\)</summary>', section
        )
    assert "<details open" not in section  # collapsed until opened
    lines = section.count("<li>")
    assert lines == len(first.items)
    names = dict(site.container.repository.stores())
    assert html.escape(names[OWNER_STORE] or OWNER_STORE) in section


def test_a_domain_in_another_case_finds_the_recipient(site: Site) -> None:
    page = site.client.get("/reminders", params={"recipient": "owner@SHOP.Example.COM"})
    assert page.status_code == 200
    assert shown(page.text) == site.expected(OWNER, 14)


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"recipient": "nobody@example.com"}, 404, "nobody@example.com"),
        ({"recipient": "not an address"}, 404, "not an address"),
        ({"recipient": AGENCY, "days": "0"}, 400, "1 到 60"),
        ({"recipient": AGENCY, "days": "61"}, 400, "1 到 60"),
        ({"recipient": AGENCY, "days": "-3"}, 400, "1 到 60"),
        ({"recipient": AGENCY, "days": "ten"}, 400, "ten"),
        ({"recipient": AGENCY, "days": "１４"}, 400, "1 到 60"),  # full-width digits
        ({"recipient": AGENCY, "days": "9" * 5000}, 400, "1 到 60"),  # past int()'s digits
        ({"recipient": AGENCY, "days": "060"}, 400, "1 到 60"),
        ({"recipient": "x" * 4000 + "@example.com"}, 404, "x" * 200),
    ],
)
def test_a_bad_value_is_a_page_saying_what_is_wrong(
    site: Site, params: dict[str, str], status: int, says: str
) -> None:
    page = site.client.get("/reminders", params=params)
    assert page.status_code == status, page.text
    assert says in html.unescape(page.text)
    assert 'role="alert"' in page.text
    assert 'data-recipient="' in page.text  # the list to choose from is still there


def test_the_page_needs_a_sign_in(site: Site) -> None:
    site.client.cookies.clear()
    response = site.client.get(f"/reminders?recipient={AGENCY}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_kinds_come_in_the_mails_order_with_their_words_and_status_counts(catalog: Catalog) -> None:
    kinds = ["digest", "before-1d", "status-change", "opens", "before-7d", "invitation-signal"]
    items = tuple(
        Item(store, "monthly-benchmark", "monthly-benchmark:2027-02", kind, status)
        for kind in kinds
        for store, status in (("s-2", "ineligible"), ("s-1", "eligible"), ("s-3", "eligible"))
    )
    sent = Preview(AGENCY, WEB_CLOCK, "subject", items)
    words = messages_words()["en"]
    [message] = preview_view.messages([sent], catalog, {"s-1": "One"}, CST, words)
    assert [g.kind for g in message.groups] == [
        "opens", "before-7d", "before-1d", "invitation-signal", "status-change", "digest"
    ]  # fmt: skip
    assert message.groups[1].label == "reminder 7 days before the deadline"
    assert message.groups[0].label == words["reminders"]["kinds"]["opens"]
    [activity] = message.groups[0].activities
    assert activity.name == catalog.activity("monthly-benchmark").name_en
    assert [line.store_name for line in activity.lines] == ["One", "s-2", "s-3"]
    assert activity.counts == {"eligible": 2, "ineligible": 1}
    assert (message.day, message.time, message.count) == (WEB_CLOCK.date(), "09:00", 18)
