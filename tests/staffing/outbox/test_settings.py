"""The SMTP server comes from EMAIL_URL; beat has the sweep; every task has its time limits."""

import os
import subprocess
import sys
from pathlib import Path

from celery.schedules import crontab
from django.conf import settings

from config.celery import app

ROOT = Path(__file__).resolve().parents[3]


def test_email_url_gives_host_port_user_password_tls_and_the_timeout():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.gov.vn",
        "EMAIL_URL": "smtp+tls://ubnd%40cuchi:m%40t-khau@mail.example.gov.vn:587",
        "EMAIL_TIMEOUT": "7",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["mail.example.gov.vn", "587", "ubnd@cuchi", "m@t-khau", "True", "7"]


def test_beat_sweeps_the_outbox_every_five_minutes_and_sends_the_weekly_summary_on_mondays():
    sweep = settings.CELERY_BEAT_SCHEDULE["Hệ thống: gửi lại thư điện tử đang chờ (mỗi 5 phút)"]
    assert (sweep["task"], sweep["schedule"]) == ("staffing.outbox.sweep_outbox", 300.0)
    weekly = settings.CELERY_BEAT_SCHEDULE["Báo cáo: tổng hợp tuần trước (thứ Hai 07:00)"]
    assert weekly["task"] == "directives.tasks.send_weekly_compliance_summary"
    assert weekly["schedule"] == crontab(hour=7, minute=0, day_of_week="mon")


def test_every_task_is_acknowledged_late_and_has_a_soft_and_a_hard_time_limit():
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]
    assert settings.EMAIL_TIMEOUT > 0
