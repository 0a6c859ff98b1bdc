"""What a day's message tells of a store (domain/telling.py): only what its reader can act on."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from calendar_service.domain.forecast import Forecast
from calendar_service.domain.telling import shows_invitation_signals, signature, worth_telling
from calendar_service.domain.verdicts import Verdict
from tests.eligibility_support import CATALOG, CLEARANCE, D, verdict
from tests.factories import good_product, passing_store

INVITED = "monthly-sales"  # every criterion an invitation signal
WINDOW_KINDS = ("opens", "prepare", "before-7d", "before-1d")


def _clearance(**store: object) -> Verdict:
    return verdict(CLEARANCE, passing_store(**store), [good_product()])


@pytest.fixture
def eligible() -> Verdict:
    found = _clearance()
    assert found.status == "eligible"
    return found


@pytest.fixture
def ineligible() -> Verdict:
    found = verdict(CLEARANCE, passing_store(), [good_product(activity_discount=D("0.95"))])
    assert found.status == "ineligible" and found.failed()
    return found


@pytest.mark.parametrize("kind", WINDOW_KINDS)
def test_an_eligible_or_unknown_store_hears_every_reminder_of_a_window(
    kind: str, eligible: Verdict
) -> None:
    activity = CATALOG.activity(CLEARANCE)
    unknown = verdict(CLEARANCE, None)
    assert unknown.status == "unknown"
    for v in (eligible, unknown):
        assert worth_telling(kind, activity, v, signature(v), include_ineligible=False)


def test_a_store_that_cannot_sign_up_is_told_at_the_opening_then_only_of_a_change(
    ineligible: Verdict,
) -> None:
    activity = CATALOG.activity(CLEARANCE)
    told = signature(ineligible)
    assert worth_telling("opens", activity, ineligible, None, include_ineligible=True)
    assert worth_telling("opens", activity, ineligible, told, include_ineligible=True)
    for kind in ("prepare", "before-7d", "before-1d"):
        # Told already, nothing changed, no forecast: silence.
        assert not worth_telling(kind, activity, ineligible, told, include_ineligible=True)
        # Never told (subscribed since the opening): told now.
        assert worth_telling(kind, activity, ineligible, None, include_ineligible=True)
        # Told when it was eligible, or when something else failed: a change, told.
        assert worth_telling(kind, activity, ineligible, "eligible:", include_ineligible=True)
        other = "ineligible:some-other-criterion"
        assert worth_telling(kind, activity, ineligible, other, include_ineligible=True)


def test_a_forecast_closing_the_gap_by_the_deadline_is_worth_a_reminder(
    ineligible: Verdict,
) -> None:
    activity = CATALOG.activity(CLEARANCE)
    told = signature(ineligible)
    assert not worth_telling("before-1d", activity, ineligible, told, include_ineligible=True)
    closing = [f for f in _forecasts() if f.before_deadline]
    hopeful = ineligible._replace(forecasts=tuple(closing))
    assert worth_telling("before-1d", activity, hopeful, told, include_ineligible=True)
    late = ineligible._replace(
        forecasts=tuple(dataclasses.replace(f, before_deadline=False) for f in closing)
    )
    assert not worth_telling("before-1d", activity, late, told, include_ineligible=True)


def test_a_subscriber_who_asked_for_stores_that_can_sign_up_hears_nothing_of_the_others(
    ineligible: Verdict,
) -> None:
    activity = CATALOG.activity(CLEARANCE)
    for kind in WINDOW_KINDS:
        assert not worth_telling(kind, activity, ineligible, None, include_ineligible=False)


def test_an_invitation_is_one_line_and_only_for_a_store_showing_the_signals() -> None:
    activity = CATALOG.activity(INVITED)
    assert activity.invitation_only
    shows = verdict(INVITED, passing_store(), [good_product()])
    bare = verdict(INVITED, passing_store(gmv_30d=D("5000")), [])
    assert shows.status == bare.status == "invitation"
    assert shows_invitation_signals(shows) and not shows_invitation_signals(bare)
    assert worth_telling("invitation-signal", activity, shows, None, include_ineligible=True)
    assert not worth_telling("invitation-signal", activity, bare, None, include_ineligible=True)
    for kind in WINDOW_KINDS:  # rows planned before invitations had their own kind
        assert not worth_telling(kind, activity, shows, None, include_ineligible=True)


def test_a_status_change_is_told_while_it_holds(eligible: Verdict, ineligible: Verdict) -> None:
    activity = CATALOG.activity(CLEARANCE)
    change = "status-change"
    assert worth_telling(change, activity, eligible, None, False, changed_to="eligible")
    assert not worth_telling(change, activity, ineligible, None, True, changed_to="eligible")
    assert worth_telling(change, activity, ineligible, None, True, changed_to="ineligible")
    assert not worth_telling(change, activity, ineligible, None, False, changed_to="ineligible")


def test_the_signature_names_the_status_and_what_fails(
    eligible: Verdict, ineligible: Verdict
) -> None:
    assert signature(eligible) == "eligible:"
    keys = sorted(j.key for j in ineligible.failed())
    assert signature(ineligible) == f"ineligible:{','.join(keys)}"


def _forecasts() -> list[Forecast]:
    """A forecast of a rising figure reaching its threshold before the deadline."""
    at = dt.datetime(2027, 2, 1, tzinfo=dt.UTC)
    return [Forecast("buyers_30d", D(10), D(5), at, D(1), 5, at, at, True, "buyers")]
