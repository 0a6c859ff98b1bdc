"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, recording what it receives.

The handler can be told to answer the next N MAIL, RCPT or DATA commands with a given reply
("451 4.3.0 try later", "550 5.1.1 no such user") or to drop the connection (`DROP`), so tests
drive the 4xx / 5xx / disconnect matrix. Fixtures: `smtp_server` (plain), `tls_files` (a
self-signed certificate for 127.0.0.1, made with openssl), `starttls_smtp_server` (STARTTLS
required, AUTH required), `smtps_server` (TLS from the start, AUTH offered).
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP, AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
DROP = "drop the connection"
USER, PASSWORD = "user", "s3cret:@/pass"  # the password needs percent-encoding in a URL
Command = Literal["MAIL", "RCPT", "DATA"]


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    tls: bool
    user: str | None


@dataclass
class RecordingHandler:
    """Stores each accepted message; counts connections (client addresses that said EHLO/HELO)."""

    messages: list[Received] = field(default_factory=list)
    peers: list[object] = field(default_factory=list)
    planned: dict[str, deque[str]] = field(default_factory=dict)

    def fail_next(self, count: int, reply: str, at: Command = "DATA") -> None:
        """Answer the next `count` `at` commands with `reply` (an SMTP reply line or DROP)."""
        self.planned.setdefault(at, deque()).extend([reply] * count)

    @property
    def connections(self) -> int:
        return len(self.peers)

    def _seen(self, session: Session) -> None:
        if session.peer not in self.peers:  # after STARTTLS: a new session, the same peer
            self.peers.append(session.peer)

    def _planned(self, server: SMTP, command: Command) -> str | None:
        queue = self.planned.get(command)
        if not queue:
            return None
        reply = queue.popleft()
        if reply == DROP:
            assert server.transport is not None
            server.transport.close()  # the client reads EOF instead of a reply
            return "421 4.3.0 closing"  # written to a closed transport: never arrives
        return reply

    async def handle_HELO(  # noqa: N802  # aiosmtpd's hook names
        self, server: SMTP, session: Session, envelope: Envelope, host: str
    ) -> str:
        self._seen(session)
        session.host_name = host
        return f"250 {server.hostname}"

    async def handle_EHLO(  # noqa: N802  # aiosmtpd's hook names
        self, server: SMTP, session: Session, envelope: Envelope, host: str, responses: list[str]
    ) -> list[str]:
        self._seen(session)
        session.host_name = host
        return responses

    async def handle_MAIL(  # noqa: N802  # aiosmtpd's hook names
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> Any:
        return self._planned(server, "MAIL") or MISSING

    async def handle_RCPT(  # noqa: N802  # aiosmtpd's hook names
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> Any:
        return self._planned(server, "RCPT") or MISSING

    async def handle_DATA(  # noqa: N802  # aiosmtpd's hook names
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        planned = self._planned(server, "DATA")
        if planned is not None:
            return planned
        content = envelope.original_content
        assert isinstance(content, bytes) and envelope.mail_from is not None
        auth: Any = session.auth_data  # what _authenticate returned: LoginPassword or None
        user = auth.login.decode() if isinstance(auth, LoginPassword) else None
        assert server.transport is not None
        tls = server.transport.get_extra_info("ssl_object") is not None  # STARTTLS or smtps
        self.messages.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), content, tls, user)
        )
        return "250 2.0.0 OK queued"


@dataclass(frozen=True)
class SmtpServer:
    handler: RecordingHandler
    host: str
    port: int

    def url(self, scheme: str = "smtp", userinfo: str = "", query: str = "") -> str:
        at = f"{userinfo}@" if userinfo else ""
        return f"{scheme}://{at}{self.host}:{self.port}" + (f"?{query}" if query else "")


def free_port() -> int:
    """A port nothing listens on (just closed): connecting to it is refused."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def _authenticate(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False, auth_data=data if ok else None)  # 535 if not ok


@contextmanager
def running_server(**smtp_options: Any) -> Iterator[SmtpServer]:
    """An aiosmtpd server in a thread on a free port; options go to aiosmtpd.smtp.SMTP."""
    handler = RecordingHandler()
    for _ in range(5):  # another process may take the free port first
        port = free_port()
        controller = Controller(handler, hostname=HOST, port=port, **smtp_options)
        try:
            controller.start()
        except OSError:
            continue
        break
    else:  # pragma: no cover
        raise RuntimeError("no free port for the test SMTP server")
    try:
        yield SmtpServer(handler, HOST, port)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    with running_server() as server:
        yield server


@dataclass(frozen=True)
class TlsFiles:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        """Trusts this certificate only, with the usual hostname checks."""
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    openssl = shutil.which("openssl")
    if openssl is None:  # pragma: no cover
        pytest.fail("the TLS tests need the openssl command", pytrace=False)
    folder = tmp_path_factory.mktemp("tls")
    files = TlsFiles(folder / "cert.pem", folder / "key.pem")
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=localhost"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-addext", f"subjectAltName=IP:{HOST},DNS:localhost"),
            *("-keyout", str(files.key), "-out", str(files.cert)),
        ],
        check=True,
        capture_output=True,
    )
    return files


@pytest.fixture
def starttls_smtp_server(tls_files: TlsFiles) -> Iterator[SmtpServer]:
    with running_server(
        tls_context=tls_files.server_context(),
        require_starttls=True,
        authenticator=_authenticate,
        auth_required=True,
        auth_require_tls=True,
    ) as server:
        yield server


@pytest.fixture
def smtps_server(tls_files: TlsFiles) -> Iterator[SmtpServer]:
    with running_server(
        ssl_context=tls_files.server_context(),
        authenticator=_authenticate,
        auth_require_tls=False,  # aiosmtpd counts only STARTTLS as TLS; this one is TLS throughout
    ) as server:
        yield server
