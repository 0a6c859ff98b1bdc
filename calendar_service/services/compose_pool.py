"""Reminders composed in worker processes while the dispatcher sends.

Judging a store and rendering its message take as long as sending it: in one process the two
share one interpreter lock. `ComposePool` runs N spawned workers, each with its own database
connection, that compose chunks of claimed reminders; the dispatcher keeps each worker a couple
of chunks ahead and sends and records the results as they come. The bytes are the same as
composed in line (tests compare them).

Each worker has a pipe of its own, whose far end only that worker holds: when a worker dies,
even in the middle of a result, its pipe reads end-of-file and the dispatcher notices at once.
A worker that dies, raises or does not answer within `deadline` is stopped; its reminders are
composed in the dispatcher's thread and a new worker takes its place, up to `MAX_LOST` times a
pass, after which the pass goes on in line. Nothing claimed is lost either way. A worker ends
when the dispatcher closes the pool, and by itself when the dispatcher's process is gone.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from sqlalchemy.engine import make_url

from calendar_service.domain.catalog import Catalog
from calendar_service.services.compose import (
    Composed,
    ComposeJob,
    Composer,
    InlineComposer,
    MailReader,
    mail_settings,
)
from calendar_service.services.compose_worker import WorkerSpec, work
from calendar_service.services.signed_links import SignedLinks
from calendar_service.settings import Settings

log = logging.getLogger("calendar_service.compose")

CHUNK = 16  # reminders sent to a worker at once
AHEAD = 2  # chunks a worker holds: one to compose while the next waits
DEADLINE = 120.0  # seconds a worker may take over a chunk before it is stopped
MAX_LOST = 3  # workers lost in one pass before the rest of it is composed in line
STOP_WAIT = 5.0  # seconds a worker has to end after it is asked to
START_AFTER = 64  # jobs composed in line before the workers start: most passes are small


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    ready: bool = False
    chunks: deque[list[ComposeJob]] = field(default_factory=deque)  # sent, oldest first
    since: float = 0.0  # when the oldest chunk was sent, or the worker started

    @property
    def pid(self) -> int | None:
        return self.process.pid


class ComposePool:
    """`workers` processes composing for one dispatcher at a time; close() ends them."""

    def __init__(
        self,
        spec: WorkerSpec,
        workers: int,
        inline: InlineComposer,
        *,
        chunk: int = CHUNK,
        deadline: float = DEADLINE,
        start_after: int = START_AFTER,
    ) -> None:
        if workers < 1:
            raise ValueError(f"a compose pool needs at least one worker, not {workers}")
        self._spec = spec
        self._size = workers
        self._inline = inline
        self._chunk = chunk
        self._deadline = deadline
        self._start_after = start_after
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded daemon
        self._workers: list[_Worker] = []
        self.lost = 0  # workers lost since the pool started
        self.composed_in_workers = 0  # jobs, since the pool started
        self.composed_in_line = 0

    @property
    def pids(self) -> list[int]:
        """The workers' process ids (the ones started so far)."""
        return [w.pid for w in self._workers if w.pid is not None]

    def start(self, wait_ready: float = 0.0) -> None:
        """Start the missing workers (compose_all does); wait up to `wait_ready` seconds for
        them all to be ready, as a daemon may at start-up."""
        while len(self._workers) < self._size:
            ours, theirs = self._context.Pipe()
            process = self._context.Process(
                target=work, args=(theirs, self._spec), name="calendar-compose", daemon=True
            )
            process.start()
            theirs.close()  # the worker's end lives only in the worker: its death reads as EOF
            self._workers.append(_Worker(process, ours, since=time.monotonic()))
        until = time.monotonic() + wait_ready
        for w in self._workers:
            left = until - time.monotonic()
            if not w.ready and left > 0 and w.connection.poll(left):
                with contextlib.suppress(EOFError, OSError):  # its loss is noticed later
                    w.ready = w.connection.recv() == "ready"

    def compose_all(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]:
        """Compose `jobs` in the workers, a chunk at a time and `AHEAD` chunks per worker.
        The workers start once a pass has more than `start_after` jobs; until they are ready,
        jobs are composed in line."""
        rest: Iterator[ComposeJob] | None = iter(jobs)
        try:
            if not self._workers and rest is not None:  # a small pass never starts them
                rest = yield from self._head(rest)
            if rest is not None:
                self.start()
                yield from self._pooled(rest)
        finally:
            self._settle()

    def _head(
        self, source: Iterator[ComposeJob]
    ) -> Generator[tuple[ComposeJob, Composed], None, Iterator[ComposeJob] | None]:
        """The first `start_after` jobs in line; the rest, or None when there is no more."""
        yield from self._in_line(islice(source, self._start_after))
        following = next(source, None)
        return None if following is None else chain([following], source)

    def _pooled(self, source: Iterator[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]:
        drained = False
        lost = 0
        while lost < MAX_LOST:
            if not drained:
                drained = self._feed(source)
            busy = [w for w in self._workers if w.chunks or not w.ready]
            if drained and not any(w.chunks for w in busy):
                return
            timeout = 0.0
            if not any(w.ready for w in self._workers):  # still starting: do not wait
                job = next(source, None)
                if job is None:
                    drained = True
                else:
                    yield from self._in_line([job])
            else:
                due = min(w.since for w in busy) + self._deadline
                timeout = max(0.0, due - time.monotonic())
            for w in self._answered(busy, timeout):
                lost += yield from self._take(w)
        log.warning("composing the rest of the pass in line: %d workers were lost", lost)
        for w in [w for w in self._workers if w.chunks]:  # their answers would come too late
            self._lose(w, "was stopped: the pass goes on in line")
            yield from self._redo(w)
        yield from self._in_line(source)

    def _feed(self, source: Iterator[ComposeJob]) -> bool:
        """Give every ready worker chunks up to `AHEAD`; True when `source` has run out."""
        for w in self._workers:
            while w.ready and len(w.chunks) < AHEAD:
                chunk = list(islice(source, self._chunk))
                if not chunk:
                    return True
                if not w.chunks:
                    w.since = time.monotonic()
                w.chunks.append(chunk)
                try:
                    w.connection.send(chunk)
                except OSError:  # it has died: noticed by _answered, its chunks redone
                    break
        return False

    def _answered(self, busy: list[_Worker], timeout: float) -> list[_Worker]:
        """The workers with something to read (a result, EOF or their exit), or past their
        deadline, after waiting up to `timeout` seconds."""
        waited = [w.connection for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(waited, timeout)) if waited else set()
        late = time.monotonic() - self._deadline
        return [
            w
            for w in busy
            if w.connection in ready or w.process.sentinel in ready or w.since <= late
        ]

    def _take(self, w: _Worker) -> Generator[tuple[ComposeJob, Composed], None, int]:
        """Yield what `w` answered; when it has died, raised or run late, its chunks are
        composed in line and it is replaced. Returns 1 when the worker was lost, else 0."""
        answer: object = None
        ended = False
        if w.connection.poll():
            try:
                answer = w.connection.recv()
            except (EOFError, OSError):  # it died, perhaps half-way through an answer
                ended = True
        if answer == "ready":
            w.ready, w.since = True, time.monotonic()
            return 0
        if isinstance(answer, list) and w.chunks:
            chunk = w.chunks.popleft()
            w.since = time.monotonic()
            self.composed_in_workers += len(chunk)
            yield from zip(chunk, answer, strict=True)
            return 0
        if isinstance(answer, str) and w.chunks:  # a traceback: the chunk raised
            log.warning("a compose worker raised; its chunk is composed in line:\n%s", answer)
            chunk = w.chunks.popleft()
            w.since = time.monotonic()
            yield from self._in_line(chunk)
            return 0
        late = time.monotonic() - w.since >= self._deadline
        alive = w.process.is_alive()
        if answer is None and not ended and not late and alive:
            return 0  # woken by its exit before its pipe's end-of-file: seen next time
        self._lose(w, self._late if late and alive and not ended else None)
        yield from self._redo(w)
        self.start()
        return 1

    def _lose(self, w: _Worker, why: str | None = None) -> None:
        """Stop `w` and forget it; its chunks are the caller's. `why`: None when it has ended
        by itself (its exit code says how)."""
        if why is None:
            w.process.join(STOP_WAIT)  # it is ending
            why = f"ended with exit code {w.process.exitcode}"
        w.process.kill()
        w.process.join()
        w.connection.close()
        self._workers.remove(w)
        self.lost += 1
        log.warning(
            "compose worker %s %s; its %d reminder(s) are composed in line",
            w.pid,
            why,
            sum(map(len, w.chunks)),
        )

    @property
    def _late(self) -> str:
        return f"did not answer within {self._deadline:g} s"

    def _redo(self, w: _Worker) -> Iterator[tuple[ComposeJob, Composed]]:
        while w.chunks:
            yield from self._in_line(w.chunks.popleft())

    def _in_line(self, jobs: Iterable[ComposeJob]) -> Iterator[tuple[ComposeJob, Composed]]:
        for job in jobs:
            self.composed_in_line += 1
            yield job, self._inline.compose_one(job)

    def _settle(self) -> None:
        """After a pass, however it ended: read and drop what workers still owe, so the next
        pass starts clean; a worker that does not answer in time is stopped."""
        for w in list(self._workers):
            while w.chunks:
                if not w.connection.poll(self._deadline):
                    self._lose(w, self._late)
                    break
                try:
                    answer = w.connection.recv()
                except (EOFError, OSError):
                    self._lose(w)
                    break
                if answer == "ready":
                    w.ready = True
                else:
                    w.chunks.popleft()
            w.chunks.clear()

    def close(self) -> None:
        """End every worker: a ready one is asked and given `STOP_WAIT` seconds, one still
        starting (it holds no work) is killed at once, as is one that does not end in time."""
        workers, self._workers = self._workers, []
        for w in workers:
            if w.ready:
                with contextlib.suppress(OSError):  # it has gone already
                    w.connection.send(None)
            else:
                w.process.kill()
        until = time.monotonic() + STOP_WAIT
        for w in workers:
            w.process.join(max(0.0, until - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.connection.close()
        self._inline.close()

    def __enter__(self) -> ComposePool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def shares_database(database_url: str) -> bool:
    """Whether another process opening this URL sees the same data (not in-memory SQLite)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return True
    database = url.database or ""
    return database not in ("", ":memory:") and url.query.get("mode") != "memory"


def make_composer(
    settings: Settings, catalog: Catalog, reader: MailReader, signer: SignedLinks
) -> Composer:
    """A pool of `settings.compose_workers` processes, or in line when that is 0 or the
    database lives in this process's memory."""
    mail = mail_settings(settings, signer)
    inline = InlineComposer(catalog, reader, settings.tz, mail)
    if settings.compose_workers == 0 or not shares_database(settings.database_url):
        return inline
    spec = WorkerSpec(settings.database_url, catalog, settings.timezone, mail)
    return ComposePool(spec, settings.compose_workers, inline)
