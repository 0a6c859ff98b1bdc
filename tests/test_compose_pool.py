"""The compose pool: worker processes write the same bytes as the dispatcher's own thread, and
a worker that dies, hangs, raises or cannot start loses no reminder and stops nothing.

The workers are real spawned processes reading the test's database (SQLite file or
PostgreSQL); they are killed with real signals.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import logging
import os
import platform
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from calendar_service.adapters.db.reminder_store import ReminderStore
from calendar_service.adapters.db.repository import Repository
from calendar_service.adapters.db.tables import SUBSCRIPTIONS
from calendar_service.adapters.workdays import ChineseWorkdays
from calendar_service.domain.catalog import Catalog
from calendar_service.domain.planning import SendDays
from calendar_service.mail.transport import Outgoing
from calendar_service.services.compose import (
    Composed,
    ComposeJob,
    InlineComposer,
    MailSettings,
)
from calendar_service.services.compose_pool import (
    CHUNK,
    DEADLINE,
    MAX_LOST,
    ComposePool,
    make_composer,
    shares_database,
)
from calendar_service.services.compose_worker import WorkerSpec
from calendar_service.services.dispatch import LEASE
from calendar_service.services.planning import plan
from calendar_service.services.sample import load_sample
from calendar_service.services.signed_links import SignedLinks
from calendar_service.settings import load_settings
from tests.cli import PROJECT
from tests.daemon_support import ended, wait_for
from tests.times import CST, MONTHLY_SIGNUP_OPEN, SAMPLE_CAPTURED

MAIL = MailSettings(
    "1688活动提醒 <reminders@calendar.example.com>",
    "https://calendar.example.com",
    "calendar.example.com",
    dt.timedelta(days=30),
    SignedLinks(b"a key for the compose pool tests' links"),
)
WRITE_SYSCALL = {"x86_64": 1, "aarch64": 64}  # write(2), as /proc/PID/syscall numbers it
BAD_ADDRESS = "two words@example.com"  # stored before addresses were checked as now
# Signals and pipes behave the same whatever the workers read: those tests run on SQLite only.
sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def jobs(catalog: Catalog, repository: Repository, engine: Engine) -> list[ComposeJob]:
    """A job (one message) for every address with reminders due at MONTHLY_SIGNUP_OPEN, as the
    dispatcher claims them: two addresses for each sample store (one in Chinese, one in
    English), one address watching every store, and one stored address that cannot go into a
    header: 72 messages."""
    load_sample(PROJECT / "data" / "sample", repository, CST, SAMPLE_CAPTURED)
    for n, store_id in enumerate(sorted(repository.store_ids())):
        repository.subscribe(store_id, f"ops{n}@example.com", "zh-CN", now=SAMPLE_CAPTURED)
        repository.subscribe(store_id, f"agency{n}@example.com", "en", now=SAMPLE_CAPTURED)
        repository.subscribe(store_id, "everything@example.com", "zh-CN", now=SAMPLE_CAPTURED)
    repository.subscribe("b2b-220001", "broken@example.com", "en", now=SAMPLE_CAPTURED)
    with engine.begin() as connection:
        connection.execute(
            update(SUBSCRIPTIONS)
            .where(SUBSCRIPTIONS.c.email == "broken@example.com")
            .values(email=BAD_ADDRESS)
        )
    store = ReminderStore(engine)
    plan(catalog, store, MONTHLY_SIGNUP_OPEN, CST)
    days = SendDays(CST, ChineseWorkdays())
    claimed = store.claim_recipients(
        MONTHLY_SIGNUP_OPEN,
        "test",
        LEASE,
        limit=10_000,
        day_start=days.day_start(MONTHLY_SIGNUP_OPEN),
        next_morning=days.next_morning(MONTHLY_SIGNUP_OPEN),
    ).claims
    ids = {s.row.subscription_id for c in claimed for s in c.reminders}
    subscriptions = store.subscriptions_by_id(ids)
    return [
        ComposeJob(
            c.recipient,
            tuple((s.id, s.row) for s in c.reminders),
            {s.row.subscription_id: subscriptions[s.row.subscription_id] for s in c.reminders},
            {},
            MONTHLY_SIGNUP_OPEN,
        )
        for c in claimed
    ]


def _inline(catalog: Catalog, repository: Repository) -> InlineComposer:
    return InlineComposer(catalog, repository, CST, MAIL)


def _by_id(results: Iterator[tuple[ComposeJob, Composed]]) -> dict[str, Composed]:
    """What was composed, by recipient (one message each); no job composed twice."""
    found: dict[str, Composed] = {}
    for job, composed in results:
        assert job.recipient not in found, f"the message to {job.recipient} composed twice"
        found[job.recipient] = composed
    return found


@dataclass(frozen=True)
class Case:
    """The test's database with `jobs` due, and what the dispatcher's thread composes for them."""

    catalog: Catalog
    repository: Repository
    database_url: str
    jobs: list[ComposeJob]
    expected: dict[str, Composed]

    def pool(
        self,
        workers: int = 1,
        *,
        database_url: str | None = None,
        chunk: int = CHUNK,
        deadline: float = DEADLINE,
    ) -> ComposePool:
        """A pool that starts its workers at the first job (a daemon's starts after 64), on
        the test's database unless told otherwise."""
        spec = WorkerSpec(database_url or self.database_url, self.catalog, str(CST), MAIL)
        inline = _inline(self.catalog, self.repository)
        return ComposePool(spec, workers, inline, chunk=chunk, deadline=deadline, start_after=0)


@pytest.fixture
def case(
    catalog: Catalog, repository: Repository, database_url: str, jobs: list[ComposeJob]
) -> Case:
    expected = _by_id(_inline(catalog, repository).compose_all(jobs))
    return Case(catalog, repository, database_url, jobs, expected)


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_write_the_bytes_the_dispatcher_would(
    case: Case,
    workers: int,
) -> None:
    with case.pool(workers) as pool:
        pool.start(wait_ready=60)
        first = _by_id(pool.compose_all(case.jobs))
        again = _by_id(pool.compose_all(case.jobs))  # a second pass on the same workers
        assert pool.composed_in_line == 0 and pool.composed_in_workers == 2 * len(case.jobs)
    assert first == case.expected == again
    assert len(case.jobs) == 72 and len(first) == len(case.jobs)
    kinds = {row.kind for job in case.jobs for _, row in job.reminders}
    assert {"opens", "digest"} <= kinds, kinds
    assert all(len(job.reminders) > 1 for job in case.jobs)  # a message carries several
    sizes = sorted(len(c.message.data) for c in first.values() if isinstance(c.message, Outgoing))
    assert sizes[-1] > 30_000  # every store in one message: tens of kB through the pipe
    broken = {j.recipient for j in case.jobs if j.recipient == BAD_ADDRESS}
    assert broken == {i for i, c in first.items() if c.message is None} != set()
    assert all(first[i].problem == "address-error" for i in broken)
    assert all(repr(BAD_ADDRESS) in first[i].detail for i in broken)


def test_a_small_pass_starts_no_worker(
    case: Case,
) -> None:
    spec = WorkerSpec(case.database_url, case.catalog, str(CST), MAIL)
    inline = _inline(case.catalog, case.repository)
    with ComposePool(spec, 1, inline, start_after=len(case.jobs)) as pool:
        assert len(_by_id(pool.compose_all(case.jobs))) == len(case.jobs)
        assert pool.pids == [] and pool.composed_in_line == len(case.jobs)
        more = list(pool.compose_all([*case.jobs, case.jobs[0]]))  # one job more than it waits for
        assert len(more) == len(case.jobs) + 1 and len(pool.pids) == 1


def _blocked_writing(pid: int) -> bool:
    """Whether a thread of the process sits in write(2): a worker writing an answer nobody
    reads yet (its answers go out from a thread of their own)."""
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            fields = (task / "syscall").read_text().split()
        except OSError:
            continue
        if fields and fields[0] == str(WRITE_SYSCALL[platform.machine()]):
            return True
    return False


def _stays_blocked_writing(pid: int) -> bool:
    """Whether the worker sits in write(2) for half a second: blocked on a full pipe, not a
    thread whose write has just finished and has not been scheduled to return yet (on a
    loaded machine it shows in write(2) for a moment all the same)."""
    for _ in range(5):
        if not _blocked_writing(pid):
            return False
        time.sleep(0.1)
    return True


@pytest.mark.skipif(platform.machine() not in WRITE_SYSCALL, reason="write(2)'s number unknown")
@sqlite_only
def test_a_worker_killed_half_way_through_an_answer_loses_nothing(
    case: Case,
) -> None:
    """The answer for a chunk is megabytes; the test holds the dispatcher until the worker is
    blocked writing it, part of it in the pipe, then kills the worker: the dispatcher reads a
    truncated answer, and must neither wait for the rest nor lose the chunk."""
    half = len(case.jobs) // 2
    with case.pool(chunk=half) as pool:
        pool.start(wait_ready=60)
        results = pool.compose_all(case.jobs)
        first = next(results)  # the first chunk's answer, whole; the worker writes the second
        (pid,) = pool.pids
        wait_for(lambda: _stays_blocked_writing(pid), 120, "the worker blocked writing")
        os.kill(pid, signal.SIGKILL)
        found = _by_id(iter([first, *results]))
        assert pool.lost == 1 and pid not in pool.pids
        assert pool.composed_in_line == len(case.jobs) - half  # the second chunk, redone here
    assert found == case.expected


@sqlite_only
def test_a_worker_that_does_not_answer_is_stopped_and_its_chunks_redone(
    case: Case,
) -> None:
    with case.pool(deadline=2.0) as pool:
        pool.start(wait_ready=60)
        (pid,) = pool.pids
        os.kill(pid, signal.SIGSTOP)  # alive, holding its chunks, silent
        found = _by_id(pool.compose_all(case.jobs))
        assert pool.lost >= 1 and pid not in pool.pids and ended(pid)
    assert found == case.expected


class _Poisoned(ComposeJob):
    """A job that kills the worker reading it (its copy cannot be rebuilt there)."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_fail_to_rebuild, ("a job that cannot be read",))


def _fail_to_rebuild(why: str) -> ComposeJob:
    raise SystemExit(why)


def _poisoned(job: ComposeJob) -> _Poisoned:
    return _Poisoned(job.recipient, job.reminders, job.subscriptions, job.told, job.now)


@sqlite_only
def test_a_job_that_kills_its_worker_is_composed_in_line_and_the_worker_replaced(
    case: Case,
) -> None:
    first = case.jobs[0]
    poisoned = _poisoned(first)
    with case.pool() as pool:
        pool.start(wait_ready=60)
        (pid,) = pool.pids
        found = _by_id(pool.compose_all([poisoned, *case.jobs[1:]]))
        assert pool.lost == 1 and pid not in pool.pids and ended(pid)
        pool.start(wait_ready=60)  # its replacement, started when it was lost
        in_line = pool.composed_in_line
        assert _by_id(pool.compose_all(case.jobs)) == case.expected
        assert pool.composed_in_line == in_line and pool.lost == 1
    assert found == case.expected


@sqlite_only
def test_after_three_workers_are_lost_the_pass_goes_on_in_line_and_the_next_starts_clean(
    case: Case,
) -> None:
    """Four workers: the first chunk of each of the first three kills it; the fourth is
    stopped (SIGSTOP) holding its chunks. After the third loss the pass is composed in line,
    and the fourth worker, whose answers would come after the pass, is stopped too."""
    poisoned = [
        _poisoned(j) if n in (0, 16, 32) else j
        for n, j in enumerate(case.jobs)  # chunks of 8, two to a worker: each one's first job
    ]
    assert len(case.jobs) > 4 * 2 * 8  # the fourth worker holds two chunks
    with case.pool(4, chunk=8) as pool:
        pool.start(wait_ready=60)
        pids = pool.pids
        os.kill(pids[3], signal.SIGSTOP)
        found = _by_id(pool.compose_all(poisoned))
        assert pool.lost == MAX_LOST + 1 and pool.composed_in_workers == 0
        assert all(ended(pid) for pid in pids)
        pool.start(wait_ready=60)  # their replacements
        assert _by_id(pool.compose_all(case.jobs)) == case.expected
        assert pool.composed_in_workers == len(case.jobs) and pool.lost == MAX_LOST + 1
    assert found == case.expected


@sqlite_only
def test_a_worker_that_raises_has_its_chunk_composed_in_line(
    case: Case,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Workers reading an empty database (no tables) raise on every chunk; the dispatcher's
    thread, reading the right one, composes each chunk itself."""
    empty = f"sqlite:///{tmp_path / 'empty' / 'calendar.db'}"
    with caplog.at_level(logging.WARNING), case.pool(database_url=empty) as pool:
        pool.start(wait_ready=60)
        found = _by_id(pool.compose_all(case.jobs))
        assert pool.lost == 0 and pool.composed_in_workers == 0
    assert found == case.expected
    assert "no such table" in caplog.text


@sqlite_only
def test_workers_that_cannot_start_leave_the_pass_to_the_dispatcher(
    case: Case,
) -> None:
    unusable = "sqlite:////proc/no-such-folder/calendar.db"  # the folder cannot be made
    with case.pool(database_url=unusable) as pool:
        pool.start(wait_ready=60)  # it ends instead of saying it is ready
        found = _by_id(pool.compose_all(case.jobs))
        assert pool.composed_in_workers == 0 and 1 <= pool.lost <= MAX_LOST
    assert found == case.expected


@sqlite_only
def test_close_ends_the_workers_and_they_end_by_themselves_when_the_dispatcher_dies(
    case: Case,
) -> None:
    database_url = case.database_url
    with case.pool(2) as pool:
        pool.start(wait_ready=60)
        pids = pool.pids
        assert len(_by_id(pool.compose_all(case.jobs))) == len(case.jobs)
    assert all(ended(pid) for pid in pids)
    starting = case.pool(2)
    starting.start()  # closed before they are ready: they hold no work, and are not waited for
    pids = starting.pids
    starting.close()
    assert len(pids) == 2 and all(ended(pid) for pid in pids)

    script = textwrap.dedent(
        f"""
        import datetime as dt, os, signal
        from pathlib import Path
        from calendar_service.adapters.catalog_file import load_catalog
        from zoneinfo import ZoneInfo
        from calendar_service.adapters.db import Repository, make_engine
        from calendar_service.services.compose import InlineComposer, MailSettings
        from calendar_service.services.compose_pool import ComposePool
        from calendar_service.services.compose_worker import WorkerSpec
        catalog = load_catalog(Path({str(PROJECT / "data" / "activities.toml")!r}))
        from calendar_service.services.signed_links import SignedLinks
        key = SignedLinks(b"k" * 32)
        mail = MailSettings("a@example.com", "https://e.example", "e.example", dt.timedelta(7), key)
        reader = Repository(make_engine({database_url!r}))
        inline = InlineComposer(catalog, reader, ZoneInfo("Asia/Shanghai"), mail)
        pool = ComposePool(WorkerSpec({database_url!r}, catalog, "Asia/Shanghai", mail), 2, inline)
        pool.start(wait_ready=60)
        print(*pool.pids, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    orphans = [int(pid) for pid in done.stdout.split()]
    assert len(orphans) == 2
    wait_for(lambda: all(ended(pid) for pid in orphans), 60, "the orphaned workers to end")


def test_the_settings_choose_the_composer(
    catalog: Catalog, repository: Repository, tmp_path: Path
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'calendar.db'}"
    pooled = make_composer(load_settings(database_url=sqlite_url), catalog, repository, MAIL.signer)
    assert isinstance(pooled, ComposePool)  # one worker unless told otherwise
    pooled.close()
    none = load_settings(database_url=sqlite_url, compose_workers=0)
    assert isinstance(make_composer(none, catalog, repository, MAIL.signer), InlineComposer)
    memory = load_settings(database_url="sqlite://", compose_workers=4)
    assert isinstance(make_composer(memory, catalog, repository, MAIL.signer), InlineComposer)


@pytest.mark.parametrize(
    ("url", "shared"),
    [
        ("sqlite:///var/calendar.db", True),
        ("sqlite://", False),
        ("sqlite:///:memory:", False),
        ("sqlite:///file:mem?mode=memory&cache=shared&uri=true", False),
        ("postgresql+psycopg://postgres@127.0.0.1/test", True),
    ],
)
def test_only_a_database_other_processes_see_is_shared(url: str, shared: bool) -> None:
    assert shares_database(url) is shared


@sqlite_only
def test_big_chunks_and_big_answers_at_once_never_deadlock_the_pipe(case: Case) -> None:
    """An agency's message carries hundreds of reminders and is hundreds of kB: chunks of
    such jobs fill the pipe one way while answers fill it the other. The worker keeps reading
    chunks while its answers wait to be read, so neither side waits on the other for ever."""
    everything = next(j for j in case.jobs if j.recipient == "everything@example.com")
    assert len(everything.reminders) > 150
    jobs = [  # copies, not the same objects: a chunk pickles each job's rows in full
        copy.deepcopy(dataclasses.replace(everything, recipient=f"agency-{n}@example.com"))
        for n in range(48)
    ]
    signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(120)
    try:
        with case.pool() as pool:
            pool.start(wait_ready=60)
            found = _by_id(pool.compose_all(jobs))
            assert pool.composed_in_workers == len(jobs) and pool.lost == 0
    finally:
        signal.alarm(0)
    assert len(found) == len(jobs)
    assert all(
        isinstance(c.message, Outgoing) and len(c.message.data) > 30_000 for c in found.values()
    )


def _too_long(_signal: int, _frame: object) -> None:
    raise TimeoutError("the pool is stuck: the dispatcher and the worker both write")
