"""Each kind's schedule is a django-celery-beat entry, editable in the admin under a Vietnamese name."""

import pytest
from django.conf import settings
from django.urls import reverse
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import ModelEntry

from config.celery import app

pytestmark = pytest.mark.django_db

NOTIFICATION_TASKS = {
    "staffing.tasks.notify_tomorrow_plans": "16:00",
    "staffing.tasks.notify_missing_progress_reports": "16:30",
    "staffing.tasks.notify_assignments_due": "07:45",
    "tthc.tasks.notify_dossiers_due": "07:45",
    "staffing.tasks.notify_teams_to_suspend": "07:45",
    "staffing.tasks.notify_district_day": "09:00",
    "tthc.tasks.notify_petitions_due": "07:45",
    "staffing.tasks.notify_company_follow_ups": "07:45",
    "staffing.tasks.notify_stalled_work": "08:00",
}


def _entries():
    return {
        name: entry
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        if entry["task"] in NOTIFICATION_TASKS
    }


def test_every_kind_has_one_beat_entry_named_in_vietnamese_with_its_time():
    entries = _entries()
    assert sorted(entry["task"] for entry in entries.values()) == sorted(NOTIFICATION_TASKS)
    for name, entry in entries.items():
        assert name.startswith("Thông báo: ") and f"({NOTIFICATION_TASKS[entry['task']]})" in name
        assert entry["task"] in app.tasks


def test_the_admin_lists_the_entries_by_their_vietnamese_names(admin_client):
    for name, entry in _entries().items():
        ModelEntry.from_entry(name, app=app, **entry)
    task = PeriodicTask.objects.get(task="tthc.tasks.notify_dossiers_due")
    assert task.description.startswith("Cán bộ một cửa")
    assert (task.crontab.hour, task.crontab.minute) == ("7", "45")
    page = admin_client.get(reverse("admin:django_celery_beat_periodictask_changelist")).content.decode()
    assert "Thông báo: hồ sơ TTHC sắp đến hạn hoặc quá hạn (07:45)" in page


def test_every_beat_entry_reads_in_vietnamese_in_the_admin_and_says_who_receives_it():
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert name.split(":")[0] in {"Thông báo", "Nhắc việc", "Báo cáo", "Hệ thống"}, name
        assert entry.get("description"), name
    ModelEntry.from_entry(
        "Báo cáo: tình hình thực hiện hằng ngày (17:00)",
        app=app,
        **settings.CELERY_BEAT_SCHEDULE["Báo cáo: tình hình thực hiện hằng ngày (17:00)"],
    )
    task = PeriodicTask.objects.get(task="directives.tasks.send_daily_compliance_report")
    assert task.description.startswith("Văn phòng HĐND và UBND huyện")
