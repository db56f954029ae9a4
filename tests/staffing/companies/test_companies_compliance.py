"""The companies' section of the stored daily compliance report (clause 5 of 2629/UBND)."""

import datetime

import pytest
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report, render_report

from .conftest import make_company

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 6, 8)


def stored_rows():
    report = ComplianceReport.objects.create(day=DAY, built_at=timezone.now(), content=build_report(DAY))
    report.refresh_from_db()
    (section,) = [s for s in report.content["sections"] if s["key"] == "companies_per_commune"]
    return report.content, section["rows"]


def test_the_report_holds_companies_workforce_and_share_online_per_commune(commune, other_commune):
    make_company(commune, 1, workforce=100, working_online=25)
    make_company(commune, 2, workforce=50, working_online=50)
    make_company(other_commune, 3, workforce=0, working_online=0)
    make_company(
        other_commune, 4, workforce=300, working_online=300, is_active=False, closed_on=DAY
    )  # closed: not counted
    content, rows = stored_rows()
    assert rows == [
        {"commune": "UBND xã Bình Mỹ", "companies": 1, "workforce": 0, "online": 0, "percent": None},
        {"commune": "UBND xã Phước Thạnh", "companies": 2, "workforce": 150, "online": 75, "percent": "50%"},
    ]
    (section,) = [s for s in render_report(content).sections if s.key == "companies_per_commune"]
    assert section.title == "Doanh nghiệp theo xã, thị trấn"
    assert section.label == "3 doanh nghiệp ở 2 xã, thị trấn"
    assert [cell.text for cell in section.rows[0]] == ["UBND xã Bình Mỹ", "1", "0", "0", "—"]


def test_no_company_leaves_the_section_empty(db):
    _content, rows = stored_rows()
    assert rows == []
