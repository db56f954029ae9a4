"""A database made by the code as it stood before the sub-domain packages migrates forward with its data.

The layout change kept every app label and table, so the migrations of that day are the starting point; the
migrations added since then (clauses on policies, calendar sources, …) run on top of real rows.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_LAYOUT = [
    ("staffing", "0003_planningreminder"),
    ("directives", "0005_obligation_done_on"),
    ("tthc", "0004_dossierevent_due_dates"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_of_the_day_before_the_layout_survive_every_later_migration():
    old = _migrate(BEFORE_LAYOUT)
    Agency = old.get_model("staffing", "Agency")
    StaffMember = old.get_model("staffing", "StaffMember")
    WorkMode = old.get_model("staffing", "WorkMode")
    Document = old.get_model("directives", "Document")
    Policy = old.get_model("directives", "WorkModePolicy")
    CalendarDay = old.get_model("tthc", "CalendarDay")
    agency = Agency.objects.create(name="Phòng Tư pháp", kind="specialised_office", statistics_code="78301")
    member = StaffMember.objects.create(
        agency=agency, staff_code="TP01", full_name="Nguyễn Văn Thử", category="civil_servant"
    )
    WorkMode.objects.create(agency=agency, staff=member, day=datetime.date(2021, 6, 7), mode="remote")
    letter = Document.objects.create(
        kind="official_letter",
        number="2629/UBND",
        issuer="Ủy ban nhân dân huyện Củ Chi",
        issued_on=datetime.date(2021, 6, 4),
        issued_year=2021,
        subject="Thực hiện các biện pháp phòng, chống dịch",
        status="published",
    )
    Policy.objects.create(
        directive=letter,
        effective_from=datetime.date(2021, 6, 4),
        remote_cap_numerator=1,
        remote_cap_denominator=2,
    )
    CalendarDay.objects.create(date=datetime.date(2021, 9, 2), kind="public_holiday", name="Quốc khánh")

    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())

    from directives.policy.models import WorkModePolicy
    from staffing.workmodes.models import WorkMode as CurrentWorkMode
    from tthc.calendar.models import CalendarDay as CurrentCalendarDay

    policy = WorkModePolicy.objects.get(directive__number="2629/UBND")
    assert (policy.remote_cap_numerator, policy.remote_cap_denominator) == (1, 2)
    assert CurrentWorkMode.objects.get(staff__staff_code="TP01").mode == "remote"
    assert CurrentCalendarDay.objects.get(date=datetime.date(2021, 9, 2)).name == "Quốc khánh"


@pytest.mark.django_db(transaction=True)
def test_periodic_tasks_beat_made_under_english_keys_take_their_vietnamese_names_once():
    """Beat never deletes an entry: without the rename an installation would run these tasks twice."""
    beat = ("django_celery_beat", "0019_alter_periodictasks_options")
    old = _migrate([("staffing", "0011_notifications"), beat])
    PeriodicTask = old.get_model("django_celery_beat", "PeriodicTask")
    IntervalSchedule = old.get_model("django_celery_beat", "IntervalSchedule")
    every_minute = IntervalSchedule.objects.create(every=60, period="seconds")
    PeriodicTask.objects.create(
        name="worker-heartbeat", task="staffing.tasks.worker_heartbeat", interval=every_minute
    )
    for name in ("staffing-outbox-sweep", "Hệ thống: gửi lại thư điện tử đang chờ (mỗi 5 phút)"):
        PeriodicTask.objects.create(name=name, task="staffing.outbox.sweep_outbox", interval=every_minute)
    new = _migrate([("staffing", "0012_stalled_work_and_vietnamese_beat_names"), beat])
    names = sorted(new.get_model("django_celery_beat", "PeriodicTask").objects.values_list("name", flat=True))
    assert names == [
        "Hệ thống: ghi nhận tiến trình xử lý đang chạy (mỗi 60 giây)",
        "Hệ thống: gửi lại thư điện tử đang chờ (mỗi 5 phút)",
    ]
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
