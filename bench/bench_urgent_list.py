"""The public urgent-list page and API under load: gunicorn on loopback against the bench's PostgreSQL database.

Seeds a catalogue of 200 procedures, the 2021 calendar and a published list of 40 procedures under a
restricting policy, starts gunicorn on 127.0.0.1 (a free port, or BENCH_PORT), sends a bounded number of
requests from a few threads to each URL, reports requests per second, latency and errors, and stops
gunicorn. The clause 4 pages must stay fast when the whole district looks them up at once.
"""

import datetime
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.db import connection

from bench.tables import Table
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind
from staffing.registry.models import Agency
from tthc.calendar import demo as calendar_demo
from tthc.catalogue import demo as catalogue_demo
from tthc.catalogue.models import Procedure
from tthc.catalogue.services import procedure_save
from tthc.urgent_lists import demo as urgent_lists_demo
from tthc.urgent_lists.services import urgent_list_create_draft, urgent_list_publish, urgent_list_set_items

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "2000"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(min(4, os.cpu_count() or 2))))
WARM_UP = 50
CATALOGUE = 200
LIST_SIZE = 40
DAY = datetime.date(2021, 6, 10)
ROOT = Path(__file__).resolve().parent.parent


def _seed() -> Agency:
    letter = Document.objects.create(
        kind=DocumentKind.OFFICIAL_LETTER,
        number="2629/UBND",
        issuer="Ủy ban nhân dân huyện",
        issued_on=datetime.date(2021, 6, 4),
        subject="Thay đổi phương thức làm việc (bench)",
        status=DocumentStatus.PUBLISHED,
    )
    WorkModePolicy.objects.create(
        directive=letter,
        effective_from=datetime.date(2021, 6, 4),
        in_person_intake_restricted=True,
        citizen_reception_suspended=True,
        free_postal_return=True,
    )
    agency = Agency.objects.create(
        name="UBND xã Bench",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        phone="028 0000 0000",
        email="bench@example.gov.vn",
    )
    for module in (catalogue_demo, calendar_demo, urgent_lists_demo):
        module.seed()
    for n in range(CATALOGUE - Procedure.objects.count()):
        procedure_save(
            code=f"8.{n:06d}",
            name=f"Thủ tục thử tải số {n}",
            field=["Hộ tịch", "Chứng thực", "Bảo trợ xã hội", "Đất đai"][n % 4],
            level="commune",
            processing_time_unit="working_days",
            processing_time_value=1 + n % 10,
            online_level=1 + n % 4,
        )
    draft = urgent_list_create_draft(by=None, directive=letter, title="Bench version 2")
    chosen = Procedure.objects.order_by("code")[:LIST_SIZE]
    urgent_list_set_items(urgent_list=draft, items=[(p, "Điều kiện thử tải") for p in chosen], by=None)
    urgent_list_publish(urgent_list=draft, effective_from=DAY, actor=None, today=DAY)
    return agency


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept-Language": "vi"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _start_gunicorn(port: int, log) -> subprocess.Popen:
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}",
        "PUBLIC_CATALOGUE_RATE": "1000000/min",
        "CONN_MAX_AGE": "60",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn stopped: {log.read().decode()[-2000:]}")
        try:
            if _get(port, "/tthc/urgent-list/") == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not answer within 30 seconds")


def _load(port: int, path: str) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_thread = [REQUESTS // THREADS + (1 if i < REQUESTS % THREADS else 0) for i in range(THREADS)]

    def worker(count: int) -> None:
        nonlocal errors
        mine, failed = [], 0
        for _ in range(count):
            started = time.perf_counter()
            try:
                ok = _get(port, path) == 200
            except OSError:
                ok = False
            mine.append(time.perf_counter() - started)
            failed += not ok
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=worker, args=(count,)) for count in per_thread]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "errors": errors,
    }


def run():
    title = (
        f"Public urgent list under load: gunicorn ({WORKERS} workers) on loopback, "
        f"{REQUESTS} requests per URL from {THREADS} threads"
    )
    table = Table(title, ["URL", "requests", "req/s", "p50 ms", "p95 ms", "errors"])
    if connection.vendor != "postgresql":
        table.rows.append(["skipped: set DATABASE_URL to a PostgreSQL database", 0, 0.0, 0.0, 0.0, 0])
        return table
    agency = _seed()
    connection.close()
    port = int(os.environ.get("BENCH_PORT") or _free_port())
    paths = [
        "/tthc/urgent-list/",
        f"/api/v1/urgent-list/?date={DAY.isoformat()}",
        f"/tthc/intake/{agency.pk}/?date={DAY:%d/%m/%Y}",
        f"/api/v1/agencies/{agency.pk}/intake/?date={DAY.isoformat()}",
    ]
    with tempfile.TemporaryFile() as log:
        _measure(port, paths, log, table)
    return table


def _measure(port: int, paths: list[str], log, table: Table) -> None:
    process = _start_gunicorn(port, log)
    try:
        for path in paths:
            for _ in range(WARM_UP):
                _get(port, path)
            result = _load(port, path)
            table.rows.append([path, REQUESTS, result["rps"], result["p50"], result["p95"], result["errors"]])
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
