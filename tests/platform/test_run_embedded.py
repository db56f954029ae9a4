"""`make run` ends cleanly on Ctrl-C: the web server, the worker and beat each stop by themselves (the worker
finishes its pool: a warm shutdown), nothing is killed, nothing is left running, and the exit code is 0.

The product runs in a pseudo-terminal as a user starts it, on its own migrated SQLite file and broker
folders; Ctrl-C is typed into the terminal, so the signal reaches the foreground process group."""

import os
import pty
import select
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _read(fd, seconds, out: list) -> bool:
    """Collect the terminal's output for a while; False once the program has closed it."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            out.append(data.decode(errors="replace"))
    return True


@pytest.fixture
def product_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",  # the embedded broker, in folders of this test only
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "HOST": "127.0.0.1",
        "PORT": str(_free_port()),
        "PYTHONUNBUFFERED": "1",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=BASE,
        env=env,
        check=True,
        timeout=300,
    )
    return env


def test_ctrl_c_stops_web_worker_and_beat_gracefully(product_env):
    pid, fd = pty.fork()
    if pid == 0:  # the child: the program as `make run` starts it
        os.chdir(BASE)
        os.execve(sys.executable, [sys.executable, "manage.py", "run_embedded"], product_env)
    out: list[str] = []
    url = f"http://127.0.0.1:{product_env['PORT']}/healthz"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        _read(fd, 1, out)
        text = "".join(out)
        if "ready." in text and "beat: Starting" in text:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                pass
    else:
        pytest.fail("the product did not start:\n" + "".join(out)[-3000:])

    started = time.monotonic()
    os.write(fd, b"\x03")  # Ctrl-C
    while _read(fd, 0.5, out) and time.monotonic() - started < 60:
        pass
    _, status = os.waitpid(pid, 0)
    text = "".join(out)
    assert os.waitstatus_to_exitcode(status) == 0, text[-3000:]
    assert "Warm shutdown" in text
    assert "worker stopped (rc=0)" in text and "beat stopped (rc=0)" in text, text[-3000:]
    assert "SIGKILL" not in text and "ERROR" not in text, text[-3000:]
    leftovers = subprocess.run(
        ["pgrep", "-f", f"runserver --noreload 127.0.0.1:{product_env['PORT']}"], check=False
    )
    assert leftovers.returncode == 1
