"""The company checks' section of the stored daily compliance report (clause 5): per commune, the outcome
of each company's latest check up to the day, and follow-ups past their date."""

import datetime

import pytest
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report, render_report
from staffing.company_checks.services import check_record
from staffing.registry.constants import Role
from tests.factories import user_with_role

from .factories import commune_setup, company, criteria

pytestmark = pytest.mark.django_db
D = datetime.date


def record(w, **overrides):
    values = {
        "actor": w.chairman,
        "company": w.company,
        "checked_on": D(2021, 6, 10),
        "mode": "on_site",
        "checked_by": w.inspector,
        "on_site_count": 40,
        "online_count": 60,
        "at_risk": [],
        "outcome": "passed",
        "requested": "",
        "follow_up_on": None,
    }
    values.update(overrides)
    return check_record(**values)


def rows_on(day):
    report = ComplianceReport.objects.create(day=day, built_at=timezone.now(), content=build_report(day))
    report.refresh_from_db()
    (section,) = [s for s in report.content["sections"] if s["key"] == "company_checks"]
    return report.content, section["rows"]


def test_the_report_counts_latest_outcomes_and_overdue_follow_ups_per_commune():
    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    w = commune_setup()
    criteria(office)
    second = company(w.commune, name="Công ty TNHH May Thử nghiệm")
    record(w, checked_on=D(2021, 6, 10), outcome="passed")
    record(
        w,
        checked_on=D(2021, 6, 14),
        outcome="violation",
        requested="Đeo khẩu trang",
        follow_up_on=D(2021, 6, 24),
    )
    record(w, company=second, outcome="remedy", requested="Giãn cách", follow_up_on=D(2021, 6, 12))
    content, rows = rows_on(D(2021, 6, 15))
    assert rows == [
        {
            "commune": "UBND xã Phước Thạnh",
            "checked": 2,
            "passed": 0,
            "remedy": 1,
            "violation": 1,
            "follow_ups_overdue": 1,
        }
    ]
    (section,) = [s for s in render_report(content).sections if s.key == "company_checks"]
    assert section.label == "1 việc khắc phục quá hạn ở 1 xã, thị trấn"
    ComplianceReport.objects.all().delete()
    # On 11/06 the first company's latest check had passed; the second's follow-up was not due yet.
    _content, before = rows_on(D(2021, 6, 11))
    assert [
        (row["checked"], row["passed"], row["remedy"], row["violation"], row["follow_ups_overdue"])
        for row in before
    ] == [(2, 1, 1, 0, 0)]
