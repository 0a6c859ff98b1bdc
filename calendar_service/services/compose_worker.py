"""A compose worker: a spawned process that writes the reminders the dispatcher hands it.

It opens its own database connection, says "ready", then answers each chunk of jobs with their
`Composed` results, as the dispatcher's thread would compose them, until told to stop or until
its pipe reads end-of-file: the dispatcher has gone, even if it was killed.
"""

from __future__ import annotations

import signal
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
    traceback; the dispatcher composes it in line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the dispatcher, which stops us
    engine = make_engine(spec.database_url)
    try:
        composer = InlineComposer(
            spec.catalog, Repository(engine), ZoneInfo(spec.timezone), spec.mail
        )
        connection.send("ready")
        while True:
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
            connection.send(answer)
    except (BrokenPipeError, ConnectionResetError):
        return  # the dispatcher has gone
    finally:
        engine.dispose()
