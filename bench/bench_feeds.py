"""Serve one store's feed over HTTP under load, beside nginx and Radicale; time its rebuild.

The issue: "Serving a cached store feed over HTTP measured with a load generator on loopback
(wrk from Debian's packages), side by side in the same run with nginx serving the same bytes as
a static file and with Radicale (a real CalDAV server, from PyPI) serving the same calendar.
Targets: ≥ 0.25× nginx's requests per second, ≥ 100× Radicale's; rebuilding one store's feed
≤ 5 ms." Since feeds are written by the icalendar package (about 0.3 ms an event, where the
hand-written serializer took 4.5–8.7 ms a feed) and hold few events, the rebuild target is
≤ 30 ms.

One run, everything in a temporary directory and on 127.0.0.1 only:

- a fresh SQLite database with the sample data (`load_sample`) and a feed token for one store;
- the service under uvicorn in a subprocess (`bench/feeds/app.py`, one worker, log level
  warning, the HTTP protocol `calendar-service run` serves with), whatever it does per
  request: the benchmark adds no cache of its own;
- nginx (Debian's `nginx`) serving the bytes the service served, as a static file;
- Radicale (PyPI's `radicale`, auth type none) with the same calendar uploaded into a
  collection, read back whole with a GET of the collection, as a subscribing client would.

Each server is checked before it is loaded: the service's bytes equal an in-process
`store_feed` build, nginx's equal the service's, and Radicale's calendar has the same events.
Then, one after the other, the same `wrk -t1 -cC -dDs` against each (a short warm-up first),
and the in-process rebuild time (`store_feed` for the store, median of REBUILD_RUNS). Targets
are reported PASS / MISS and never fail the run; it exits non-zero only when a tool is missing,
a server does not start, or one serves wrong bytes or errors. BENCH_FEEDS_SECONDS (default 10)
and BENCH_FEEDS_CONNECTIONS (default 16) change the load.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from base64 import b64encode
from collections.abc import Callable, Mapping
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from icalendar import Calendar

from calendar_service.bootstrap import Container
from calendar_service.feeds import FeedOptions, parse_options
from calendar_service.services.feeds import store_feed
from calendar_service.services.sample import load_sample
from calendar_service.settings import load_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
HOST = "127.0.0.1"
SECONDS = int(os.environ.get("BENCH_FEEDS_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_FEEDS_CONNECTIONS", "16"))
WARMUP_SECONDS = 2
WRK_TIMEOUT = "10s"  # past wrk's 2 s default: a slow server's replies count, not time out
START_TIMEOUT = 30.0  # seconds for a server to answer after its start
STOP_TIMEOUT = 5.0
REBUILD_WARMUP = 5
REBUILD_RUNS = 50
TARGET_VS_NGINX = 0.25  # at least this share of nginx's requests per second
TARGET_VS_RADICALE = 100.0  # at least this many times Radicale's
TARGET_REBUILD_MS = 30.0
RADICALE_USER = "bench"  # auth type none takes any login; the collection is this user's
# A response may be a little shorter than the feed (Radicale re-serializes it); far shorter
# means the load was answered with something else.
MIN_BODY_SHARE = 0.9
LOG_TAIL = 2000
# The protocol `calendar-service run` serves with (header deadline, head bound), not uvicorn's own.
SERVICE_PROTOCOL = "calendar_service.entrypoints.web_server:GuardedProtocol"

INSTALL_HINT = {
    "wrk": "apt-get install -y wrk",
    "nginx": "apt-get install -y nginx",
    "radicale": f"{sys.executable} -m pip install radicale (a dev dependency)",
}


class BenchError(Exception):
    """A server that does not start or serves the wrong thing: the run fails."""


@dataclass
class Server:
    name: str
    url: str
    log: Path
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    per_second: float
    bytes_read: float
    latency: str
    non_2xx: int
    socket_errors: str | None


def main() -> None:
    missing = _missing_tools()
    if missing:
        print("   cannot run: missing " + ", ".join(missing) + "; install with:")
        for name in missing:
            print(f"     {INSTALL_HINT[name]}")
        sys.exit(2)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-feeds-") as tmp, ExitStack() as stack:
            _run(Path(tmp), stack)
    except BenchError as error:
        print(f"   FAILED: {error}")
        sys.exit(1)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # so that the servers are stopped on the way out


def _missing_tools() -> list[str]:
    missing = [] if shutil.which("wrk") else ["wrk"]
    if not os.access(NGINX, os.X_OK):
        missing.append("nginx")
    if importlib.util.find_spec("radicale") is None:
        missing.append("radicale")
    return missing


def _run(tmp: Path, stack: ExitStack) -> None:
    database = tmp / "calendar.db"
    settings = load_settings(database_url=f"sqlite:///{database}")
    container = Container(settings)
    repository = container.repository
    now = dt.datetime.now(settings.tz)
    load_sample(settings.sample_dir, repository, settings.tz, now)
    store_id = sorted(repository.store_ids())[0]
    token = repository.create_feed_token(store_id, now)
    path = f"/feeds/{token}.ics"
    options = parse_options({})

    # In process first, with nothing else running: the time to rebuild the feed.
    rebuilt, rebuild_times = _time_rebuild(
        container, store_id, now, options, f"{settings.base_url}{path}"
    )

    service = _start_service(stack, tmp, database, path)
    served = _get(service)
    if served != rebuilt:
        raise BenchError(
            f"the service served {len(served):,} bytes that differ from the in-process "
            f"store_feed build ({len(rebuilt):,} bytes)"
        )
    events = _events(served)
    print(f"   store {store_id}: feed of {len(served):,} bytes, {len(events)} events")

    nginx = _start_nginx(stack, tmp, served)
    if _get(nginx) != served:
        raise BenchError("nginx served bytes that differ from the service's")

    radicale = _start_radicale(stack, tmp, served)
    calendar = _get(radicale)
    if _events(calendar) != events:
        raise BenchError("Radicale's calendar does not have the same events as the feed")

    print(
        f"   wrk -t1 -c{CONNECTIONS} -d{SECONDS}s on loopback, one server at a time, "
        f"each after a {WARMUP_SECONDS} s warm-up; {os.cpu_count()} cores shared by wrk "
        "and the server"
    )
    print(f"   {_versions()}")
    loads: dict[str, Load] = {}
    for server, size in ((service, len(served)), (nginx, len(served)), (radicale, len(calendar))):
        _wrk(server, WARMUP_SECONDS)
        load = _wrk(server, SECONDS)
        _check_load(server, load, size)
        loads[server.name] = load
        errors = f", socket errors: {load.socket_errors}" if load.socket_errors else ""
        print(
            f"   {server.name:<9} {load.per_second:>10,.1f} req/s  ({load.requests:,} in "
            f"{load.seconds:.2f} s, latency avg {load.latency}{errors})"
        )

    ours = loads[service.name].per_second
    _verdict("service / nginx", ours / loads[nginx.name].per_second, TARGET_VS_NGINX)
    _verdict("service / Radicale", ours / loads[radicale.name].per_second, TARGET_VS_RADICALE)
    median = statistics.median(rebuild_times) * 1000
    fastest = min(rebuild_times) * 1000
    passed = "PASS" if median <= TARGET_REBUILD_MS else "MISS"
    print(
        f"   rebuild one store's feed (store_feed, in process): median {median:.2f} ms, "
        f"min {fastest:.2f} ms over {REBUILD_RUNS} runs; target ≤ {TARGET_REBUILD_MS:g} ms  "
        f"{passed}"
    )


# Database and in-process rebuild ---------------------------------------------------------


def _time_rebuild(
    container: Container, store_id: str, now: dt.datetime, options: FeedOptions, url: str
) -> tuple[bytes, list[float]]:
    settings = container.settings
    stale_after = dt.timedelta(days=settings.stale_after_days)

    def build() -> bytes:
        return store_feed(
            container.catalog,
            container.repository,
            store_id,
            settings.tz,
            now,
            options,
            url,
            container.catalog_stamp,
            stale_after,
        ).body

    body = build()
    for _ in range(REBUILD_WARMUP):
        build()
    times = []
    for _ in range(REBUILD_RUNS):
        started = time.perf_counter()
        build()
        times.append(time.perf_counter() - started)
    return body, times


def _events(body: bytes) -> dict[str, list[str]]:
    """Each VEVENT's content lines, sorted, by UID: the same events however re-serialized."""
    calendar = Calendar.from_ical(body)
    return {
        str(event["UID"]): sorted(str(line) for line in event.content_lines())
        for event in calendar.walk("VEVENT")
    }


# Servers ---------------------------------------------------------------------------------


def _start_service(stack: ExitStack, tmp: Path, database: Path, path: str) -> Server:
    port = _free_port()
    server = Server("service", f"http://{HOST}:{port}{path}", tmp / "service.log")
    env = dict(os.environ, CALENDAR_DATABASE_URL=f"sqlite:///{database}")
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "bench.feeds.app:create",
        "--host", HOST, "--port", str(port), "--workers", "1",
        "--log-level", "warning", "--no-access-log", "--http", SERVICE_PROTOCOL,
    ]  # fmt: skip
    process = _spawn(stack, server, command, env=env, cwd=PROJECT_DIR)
    _wait_until_up(server, process, lambda: _get(server))
    return server


def _start_nginx(stack: ExitStack, tmp: Path, body: bytes) -> Server:
    root = tmp / "nginx"
    (root / "www").mkdir(parents=True)
    (root / "www" / "feed.ics").write_bytes(body)
    port = _free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""  # else workers run as nobody: no access
    temp_paths = "".join(
        f"    {kind}_temp_path {root / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = root / "nginx.conf"
    config.write_text(
        f"{user}daemon off;\n"
        "worker_processes 1;\n"
        f"pid {root / 'nginx.pid'};\n"
        f"error_log {root / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        "    types { text/calendar ics; }\n"
        "    default_type application/octet-stream;\n"
        "    charset utf-8;\n"
        "    charset_types text/calendar;\n"
        "    sendfile on;\n"
        f"    access_log {root / 'access.log'};\n"
        f"{temp_paths}"
        "    server {\n"
        f"        listen {HOST}:{port};\n"
        f"        root {root / 'www'};\n"
        '        add_header Cache-Control "public, max-age=3600";\n'
        "    }\n"
        "}\n",
        encoding="utf-8",
    )
    server = Server("nginx", f"http://{HOST}:{port}/feed.ics", root / "stderr.log")
    command = [NGINX, "-p", str(root), "-c", str(config), "-e", str(root / "error.log")]
    process = _spawn(stack, server, command)
    _wait_until_up(server, process, lambda: _get(server))
    return server


def _start_radicale(stack: ExitStack, tmp: Path, body: bytes) -> Server:
    root = tmp / "radicale"
    root.mkdir()
    port = _free_port()
    config = root / "config"
    config.write_text(
        "[server]\n"
        f"hosts = {HOST}:{port}\n"
        "[auth]\n"
        "type = none\n"
        "[rights]\n"
        "type = owner_only\n"
        "[storage]\n"
        f"filesystem_folder = {root / 'collections'}\n"
        "[web]\n"
        "type = none\n"
        "[logging]\n"
        "level = warning\n",
        encoding="utf-8",
    )
    login = b64encode(f"{RADICALE_USER}:{RADICALE_USER}".encode()).decode()
    server = Server(
        "Radicale",
        f"http://{HOST}:{port}/{RADICALE_USER}/feed/",
        root / "stderr.log",
        {"Authorization": f"Basic {login}"},
    )
    process = _spawn(stack, server, [sys.executable, "-m", "radicale", "--config", str(config)])

    def upload() -> None:
        # A PUT of a whole calendar to a collection's URL creates it, one item per UID.
        status, _ = _request(server, "PUT", body, {"Content-Type": "text/calendar; charset=utf-8"})
        if status != 201:
            raise BenchError(f"Radicale answered the upload of the calendar with {status}")

    _wait_until_up(server, process, upload)
    return server


def _spawn(
    stack: ExitStack,
    server: Server,
    command: list[str],
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.Popen[bytes]:
    with server.log.open("wb") as log:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            start_new_session=True,  # its own process group: stopped whole, workers and all
        )
    stack.callback(_stop, process)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the process and its group: SIGTERM, then SIGKILL when it does not go in time."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            continue
        return


def _wait_until_up(
    server: Server, process: subprocess.Popen[bytes], attempt: Callable[[], object]
) -> None:
    """Try `attempt` until the server takes connections; fail when it exits or times out."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise BenchError(
                f"{server.name} exited with status {process.returncode} at start:\n"
                + _tail(server.log)
            )
        try:
            attempt()
        except (ConnectionError, urllib.error.URLError, TimeoutError):
            if time.monotonic() > deadline:
                raise BenchError(
                    f"{server.name} did not answer within {START_TIMEOUT:g} s:\n"
                    + _tail(server.log)
                ) from None
            time.sleep(0.1)
        else:
            return


def _tail(log: Path) -> str:
    text = log.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL:]
    return "\n".join(f"     | {line}" for line in text.splitlines()) or "     | (no output)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _request(
    server: Server, method: str, body: bytes | None = None, headers: Mapping[str, str] = {}
) -> tuple[int, bytes]:
    request = urllib.request.Request(
        server.url, data=body, method=method, headers={**server.headers, **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(server: Server) -> bytes:
    status, body = _request(server, "GET")
    if status != 200:
        raise BenchError(f"{server.name} answered GET {server.url} with {status}")
    return body


# Load ------------------------------------------------------------------------------------

_COUNT = re.compile(r"(\d+) requests in ([\d.]+)(m?s|m|h), ([\d.]+)([KMGT]?B) read")
_PER_SECOND = re.compile(r"Requests/sec:\s+([\d.]+)")
_LATENCY = re.compile(r"Latency\s+(\S+)")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: (.+)")
_UNITS = {"B": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30, "TB": 2**40}  # wrk counts in 1024s
_TIME_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


def _wrk(server: Server, seconds: int) -> Load:
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", WRK_TIMEOUT]
    for name, value in server.headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(server.url)
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    output = done.stdout + done.stderr
    count, per_second = _COUNT.search(output), _PER_SECOND.search(output)
    if done.returncode != 0 or count is None or per_second is None:
        raise BenchError(f"wrk against {server.name} failed ({done.returncode}):\n{output}")
    non_2xx = _NON_2XX.search(output)
    errors = _SOCKET_ERRORS.search(output)
    latency = _LATENCY.search(output)
    return Load(
        requests=int(count[1]),
        seconds=float(count[2]) * _TIME_UNITS[count[3]],
        per_second=float(per_second[1]),
        bytes_read=float(count[4]) * _UNITS[count[5]],
        latency=latency[1] if latency else "?",
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=errors[1] if errors else None,
    )


def _check_load(server: Server, load: Load, body_size: int) -> None:
    if load.requests == 0:
        raise BenchError(f"{server.name} answered no request under load")
    if load.non_2xx:
        raise BenchError(f"{server.name} answered {load.non_2xx:,} requests with an error status")
    if load.bytes_read / load.requests < MIN_BODY_SHARE * body_size:
        raise BenchError(
            f"{server.name} sent {load.bytes_read / load.requests:,.0f} bytes a response "
            f"under load, for a feed of {body_size:,}"
        )


def _verdict(what: str, ratio: float, target: float) -> None:
    passed = "PASS" if ratio >= target else "MISS"
    print(f"   {what:<19} {ratio:>10.3g}×  target ≥ {target:g}×  {passed}")


def _versions() -> str:
    uvicorn = importlib.metadata.version("uvicorn")
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    protocol = SERVICE_PROTOCOL.rsplit(":", 1)[1]
    http = f"{protocol}, httptools {importlib.metadata.version('httptools')}"
    shown = subprocess.run([NGINX, "-v"], capture_output=True, text=True, check=False).stderr
    nginx = shown.strip().removeprefix("nginx version: ")
    radicale = importlib.metadata.version("radicale")
    return f"uvicorn {uvicorn} ({loop}, {http}); {nginx}; Radicale {radicale}"
