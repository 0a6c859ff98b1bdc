"""Daemons sharing PostgreSQL split the planning pages between them (an advisory lock a page)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, select

from calendar_service.adapters.db import Repository
from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.tables import REMINDERS
from calendar_service.daemon.jobs import Work, plan_cycle
from calendar_service.domain.catalog import Cycle
from tests.daemon_support import job_work
from tests.planning_support import PLANNED_AT, SHIPPED, add_stores
from tests.times import CST

# The day before December's monthly sign-up opens: its opening and deadline reminders fall
# within the week ahead the planners plan.
AT = dt.datetime(2026, 12, 14, 10, tzinfo=CST)


def _work(repository: Repository, engine: Engine) -> Work:
    """A daemon's planners, one subscription a page."""
    return job_work(SHIPPED, repository, ReminderStore(engine), AT, page_size=1)


def _planned_for(engine: Engine, subscription_id: int) -> int:
    query = select(REMINDERS.c.id).where(REMINDERS.c.subscription_id == subscription_id)
    with engine.connect() as connection:
        return len(connection.execute(query).all())


def test_what_was_just_planned_is_passed_over_and_planned_again_later(
    repository: Repository, engine: Engine
) -> None:
    add_stores(repository, "s1", "s2", "s3")
    for store_id in ("s1", "s2", "s3"):
        repository.subscribe(store_id, "a@example.com", "zh-CN", PLANNED_AT)
    work = _work(repository, engine)
    first = plan_cycle(work, Cycle.MONTHLY)
    assert first["subscriptions"] == 3 and first["left_to_another_daemon"] == 0
    assert first["added"] == first["considered"] > 0
    again = _work(repository, engine)  # another daemon, or this one's next run
    assert plan_cycle(again, Cycle.MONTHLY)["subscriptions"] == 0  # just planned: nothing to do
    assert plan_cycle(again, Cycle.YEARLY)["subscriptions"] == 3  # another cycle: its own marks
    repository.subscribe("s3", "b@example.com", "en", PLANNED_AT)
    assert plan_cycle(again, Cycle.MONTHLY)["subscriptions"] == 1  # only the new subscription
    later = _work(repository, engine)
    later.clock = lambda: AT + dt.timedelta(days=4)  # the horizon moved on: plan it all
    result = plan_cycle(later, Cycle.MONTHLY)
    assert result["subscriptions"] == 4
    assert result["added"] < result["considered"]  # what was planned before is not added twice


def test_all_cycles_at_once_sum_up(repository: Repository, engine: Engine) -> None:
    add_stores(repository, "s1")
    repository.subscribe("s1", "a@example.com", "zh-CN", PLANNED_AT)
    result = plan_cycle(_work(repository, engine), None)
    assert result["subscriptions"] == len(Cycle)  # one subscription, each cycle
    assert result["added"] == result["considered"] > 0


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_page_another_daemon_is_planning_is_left_to_it(
    repository: Repository, engine: Engine
) -> None:
    add_stores(repository, "s1", "s2", "s3")
    ids = [
        repository.subscribe(store_id, "a@example.com", "zh-CN", PLANNED_AT).id
        for store_id in ("s1", "s2", "s3")
    ]
    work = _work(repository, engine)
    other = ReminderStore(engine)  # another daemon, holding the second page
    with other.planning(f"plan:{Cycle.MONTHLY.value}:{ids[1]}") as held:
        assert held is not None
        result = plan_cycle(work, Cycle.MONTHLY)
    assert (result["subscriptions"], result["left_to_another_daemon"]) == (2, 1)
    assert _planned_for(engine, ids[0]) > 0 and _planned_for(engine, ids[2]) > 0
    assert _planned_for(engine, ids[1]) == 0  # its holder wrote nothing here
    later = plan_cycle(work, Cycle.MONTHLY)  # the next run plans what was left
    assert later["left_to_another_daemon"] == 0
    assert later["added"] == _planned_for(engine, ids[1]) > 0
