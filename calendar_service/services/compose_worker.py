"""A compose worker: a spawned process that writes the reminders the dispatcher hands it.

It opens its own database connection, says "ready", then answers each chunk of jobs with their
`Composed` results, as the dispatcher's thread would compose them, until told to stop or until
its pipe reads end-of-file: the dispatcher has gone, even if it was killed.
"""

from __future__ import annotations

import queue
import signal
import threading
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from zoneinfo import ZoneInfo

from calendar_service.adapters.db.engine import make_engine
from calendar_service.adapters.db.repository import Repository
from calendar_service.domain.catalog import Catalog
from calendar_service.services.compose import Composed, ComposeJob, InlineComposer, MailSettings


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to compose as the dispatcher would (pickled to it at start)."""

    database_url: str
    catalog: Catalog
    timezone: str
    mail: MailSettings


def work(connection: Connection, spec: WorkerSpec) -> None:
    """A worker's life: "ready", then a list of results for each chunk received, until None
    or end-of-file (the dispatcher has gone). A chunk that raises is answered with the
    traceback; the dispatcher composes it in line.

    Answers go out from a thread of their own, so that the worker goes on reading chunks while
    an answer waits to be read: an agency's messages make chunks and answers larger than the
    pipe holds, and with one thread the worker would sit writing an answer while the
    dispatcher sits writing the next chunk, each waiting for the other for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the dispatcher, which stops us
    engine = make_engine(spec.database_url)
    answers: queue.SimpleQueue[object] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(connection, answers), daemon=True)
    sender.start()
    try:
        composer = InlineComposer(
            spec.catalog, Repository(engine), ZoneInfo(spec.timezone), spec.mail
        )
        answers.put("ready")
        while sender.is_alive():
            try:
                chunk: list[ComposeJob] | None = connection.recv()
            except EOFError:
                return
            if chunk is None:
                return
            answer: list[Composed] | str
            try:
                answer = [composer.compose_one(job) for job in chunk]
            except Exception:  # reported to the dispatcher, which redoes it
                answer = traceback.format_exc()
            answers.put(answer)
    except (BrokenPipeError, ConnectionResetError):
        return  # the dispatcher has gone
    finally:
        answers.put(_DONE)
        sender.join(STOP_SENDING)
        engine.dispose()


_DONE = object()  # the sender's last item: nothing more to send
STOP_SENDING = 5.0  # seconds the answers still queued have to go at the end


def _send_all(connection: Connection, answers: queue.SimpleQueue[object]) -> None:
    """Send each queued answer in turn, until `_DONE` or the dispatcher has gone."""
    while (answer := answers.get()) is not _DONE:
        try:
            connection.send(answer)
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
