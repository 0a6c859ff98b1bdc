"""One daemon per SQLite database: an exclusive lock on a file next to the database."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlalchemy.engine import URL, make_url

from calendar_service.errors import UserError


class SingleDaemonError(UserError):
    """Another daemon already runs on this SQLite database."""

    exit_code = 3


class DaemonLock:
    """Held while the process lives; the kernel drops it when the process dies, even by kill -9."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise SingleDaemonError(
                f"another daemon (pid {holder}) is already running on this SQLite database "
                f"(it holds {self.path}); stop it first — one daemon per SQLite file. To run "
                "several daemons, use PostgreSQL (CALENDAR_DATABASE_URL=postgresql+psycopg://…)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def lock_sqlite(url: str | URL) -> DaemonLock | None:
    """The lock for a SQLite file database (`DATABASE.daemon.lock`); None for anything else."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    return DaemonLock(Path(database).with_name(Path(database).name + ".daemon.lock"))
