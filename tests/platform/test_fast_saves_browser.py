"""Quick saves of a full week grid on the embedded database, in a real browser, as a head works.

The product runs as `make run` runs it (its own server process, a file SQLite database with the demo
district, the folder broker): the head fills 45 cells, each change posting the live summary, and saves five
times in quick succession, each time while summaries are still in flight. No request may fail: before the
database was set up for concurrent saves, 3 of 5 such saves ended on "database is locked"."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BASE = Path(settings.BASE_DIR)
MODES = ["on_site", "leave", "on_duty", "on_site", "leave"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    """The demo district on a file SQLite database, served by its own process with DEBUG off."""
    folder = tmp_path_factory.mktemp("product")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "REDIS_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE,
            env=env,
            check=True,
            timeout=600,
            capture_output=True,
        )
    port = _free_port()
    log = open(folder / "server.log", "w+", encoding="utf-8")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=BASE,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield url, log
    server.terminate()
    server.wait(timeout=20)
    log.close()


def test_five_quick_saves_of_45_cells_never_meet_a_locked_database(product, page):
    url, log = product
    failures = []
    page.on(
        "response", lambda r: r.status >= 500 and failures.append(f"{r.status} {r.request.method} {r.url}")
    )
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", "truongphong")
    page.fill("input[name=password]", "demo-2629")
    page.click("main button[type=submit]")
    page.wait_for_url("**/home/")
    week_link = page.locator('a[href*="/week/"]').first.get_attribute("href")
    agency = re.search(r"/agencies/(\d+)/week/", week_link).group(1)
    page.goto(f"{url}/work-modes/agencies/{agency}/week/?week=2021-W24")

    for round_number, mode in enumerate(MODES, start=1):
        cells = page.locator("#wm-grid select")
        assert cells.count() >= 45
        for index in range(45):
            cells.nth(index).select_option(mode)  # each change posts the live summary
        page.get_by_role("button", name="Lưu lịch tuần").click()  # while summaries are still in flight
        expect(page.get_by_text("Đã lưu lịch làm việc của tuần.")).to_be_visible(timeout=30_000)
        assert not failures, (round_number, failures)
    log.seek(0)
    server_log = log.read()
    assert "database is locked" not in server_log and "OperationalError" not in server_log
    # The last round is what the grid holds.
    page.reload()
    assert page.locator("#wm-grid select").nth(44).input_value() == MODES[-1]
