"""The petitions' section of the stored daily compliance report: per agency, received and answered on the
day, unanswered, overdue."""

import datetime

import pytest
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report, render_report
from tthc.reception.services import petition_answer

from .factories import at, commune_with_reception, file

pytestmark = pytest.mark.django_db


def stored_rows(day):
    report = ComplianceReport.objects.create(day=day, built_at=timezone.now(), content=build_report(day))
    report.refresh_from_db()
    (section,) = [s for s in report.content["sections"] if s["key"] == "petitions"]
    return report.content, section["rows"]


def test_the_report_counts_petitions_received_answered_and_overdue_per_agency():
    today = timezone.localdate()
    commune = commune_with_reception()
    quiet = commune_with_reception(name="UBND xã Bình Mỹ", code="27527", prefix="BM")
    file(commune.agency, filed_at=at(today - datetime.timedelta(days=60)))  # long past its due date
    file(commune.agency, filed_at=at(today, 0))
    answered = file(commune.agency, filed_at=at(today - datetime.timedelta(days=3)))
    petition_answer(petition=answered, actor=commune.head, answer="Đã sửa đèn đường.")
    petition_answer(
        petition=file(quiet.agency, filed_at=at(today - datetime.timedelta(days=90))),
        actor=quiet.head,
        answer="Đã trả lời.",
    )
    file(quiet.agency, filed_at=at(today + datetime.timedelta(days=1)))  # tomorrow: not in today's report
    content, rows = stored_rows(today)
    assert rows == [
        {"agency": "UBND xã Bình Mỹ", "received": 0, "answered": 1, "unanswered": 0, "overdue": 0},
        {"agency": "UBND xã Phước Thạnh", "received": 1, "answered": 1, "unanswered": 2, "overdue": 1},
    ]
    (section,) = [s for s in render_report(content).sections if s.key == "petitions"]
    assert section.title == "Đơn thư của người dân"
    assert section.label == "1 đơn quá hạn tại 2 cơ quan"
