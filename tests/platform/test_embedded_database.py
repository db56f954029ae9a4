"""The embedded database (SQLite) takes the product's real write pattern: several heads saving week grids
while the live summary and page views read, without "database is locked"."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)

SCRIPT = textwrap.dedent(
    """
    import datetime, random, threading, traceback
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connections, transaction
    call_command("migrate", verbosity=0)
    from staffing.registry.models import Agency, StaffMember
    from staffing.workmodes.selectors import work_mode_days
    from staffing.workmodes.services import work_modes_set
    from django.contrib.sessions.backends.db import SessionStore

    agencies = []
    for n in range(3):
        agency = Agency.objects.create(name=f"Phòng {n}", kind="specialised_office", statistics_code=f"9{n}")
        for i in range(15):
            StaffMember.objects.create(agency=agency, staff_code=f"S{i}", full_name=f"Cán bộ {i}", category="civil_servant")
        agencies.append(agency)
    monday = datetime.date(2021, 6, 7)
    days = [monday + datetime.timedelta(days=d) for d in range(5)]
    errors, barrier = [], threading.Barrier(9)

    def saver(agency):
        staff = list(agency.staff.all())
        barrier.wait()
        try:
            for _ in range(6):
                entries = [(m.pk, d, random.choice(["on_site", "remote", "leave"])) for m in staff for d in days[:3]]
                work_modes_set(agency=agency, entries=entries, actor=None)
        except Exception:
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    def reader(agency):
        barrier.wait()
        try:
            for _ in range(30):
                work_mode_days(agency=agency, start=days[0], end=days[-1])
                session = SessionStore()
                session["seen"] = 1
                session.save()
        except Exception:
            errors.append(traceback.format_exc())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=saver, args=(a,)) for a in agencies for _ in range(2)]
    threads += [threading.Thread(target=reader, args=(a,)) for a in agencies]
    for t in threads: t.start()
    for t in threads: t.join(120)
    print("ERRORS", len(errors))
    for e in errors[:3]: print(e)
    """
)


def _run(tmp_path, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_concurrent_week_saves_and_summaries_never_meet_a_locked_database(tmp_path):
    out = _run(tmp_path)
    assert "ERRORS 0" in out, out[-3000:]
    assert "database is locked" not in out


def test_the_embedded_database_runs_in_wal_mode_with_immediate_write_transactions(tmp_path):
    script = (
        "import django; django.setup()\n"
        "from django.db import connection\n"
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])\n"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])\n"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    ).stdout.split()
    assert out == ["wal", "IMMEDIATE"]


@pytest.mark.django_db
def test_a_page_view_does_not_write_the_session_again_within_minutes(client, head, agency, settings):
    head.set_password("mat-khau-dung-2629")
    head.save()
    settings.SESSION_TOUCH_SECONDS = 300
    response = client.post(reverse("login"), {"username": head.username, "password": "mat-khau-dung-2629"})
    assert response.status_code == 302
    url = reverse("staffing:agency-detail", args=[agency.pk])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]
    settings.SESSION_TOUCH_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert [q for q in queries if "django_session" in q["sql"] and q["sql"].startswith("UPDATE")]
