"""The inspection sections of the stored daily compliance report (clause 2, third dash of 2629/UBND)."""

import pytest
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report, render_report
from directives.policy.models import WorkModePolicy
from staffing.inspections import services
from staffing.inspections.constants import Action, Necessity
from staffing.registry.constants import Role
from tests.factories import AgencyFactory, user_with_role

from .helpers import RESTRICTED_DAY, D, make_team, people, policy_2629

pytestmark = pytest.mark.django_db


def rows_of(content, key):
    (section,) = [s for s in content["sections"] if s["key"] == key]
    return section["rows"]


@pytest.fixture
def stored():
    """Phòng Tư pháp: a check not marked necessary, a necessary team of seven (the limit then lowered to
    five) and a suspended team; Phòng Y tế: nothing. The report of 14/06/2021 is stored and read back."""
    policy = policy_2629(max_participants=10)
    agency = AgencyFactory(name="Phòng Tư pháp")
    AgencyFactory(name="Phòng Y tế")
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong-tu-phap")
    staff = people(agency, 8)
    make_team(agency, head, decision_number="45/QĐ-PTP", participants=staff[:2])
    make_team(
        agency,
        head,
        decision_number="46/QĐ-PTP",
        necessity=Necessity.NECESSARY,
        necessity_reason="Khiếu nại sắp hết thời hạn giải quyết.",
        participants=staff[:7],
    )
    paused = make_team(
        agency, head, decision_number="47/QĐ-PTP", participants=staff[7:], planned_start=D(2021, 6, 1)
    )
    services.team_act(team=paused, actor=head, action=Action.SUSPEND, on=D(2021, 6, 4))
    WorkModePolicy.objects.filter(pk=policy.pk).update(inspection_max_participants=5)
    report = ComplianceReport.objects.create(
        day=RESTRICTED_DAY, built_at=timezone.now(), content=build_report(RESTRICTED_DAY)
    )
    report.refresh_from_db()
    return report.content


def test_the_report_counts_teams_per_agency(stored):
    assert rows_of(stored, "inspection_teams") == [
        {"agency": "Phòng Tư pháp", "planned": 2, "active": 0, "suspended": 1}
    ]


def test_the_report_names_the_team_to_suspend_while_inspections_are_restricted(stored):
    assert rows_of(stored, "inspection_teams_to_suspend") == [
        {
            "agency": "Phòng Tư pháp",
            "decision": "45/QĐ-PTP",
            "subject": "Kiểm tra công tác chứng thực",
            "status": "planned",
            "planned_start": RESTRICTED_DAY.isoformat(),
            "participants": 2,
        }
    ]


def test_the_report_names_the_necessary_team_above_the_participant_limit(stored):
    (row,) = rows_of(stored, "inspection_teams_over_limit")
    assert (row["decision"], row["participants"], row["maximum"]) == ("46/QĐ-PTP", 7, 5)


def test_the_sections_read_in_vietnamese_with_their_summaries(stored):
    sections = {section.key: section for section in render_report(stored).sections}
    assert sections["inspection_teams_to_suspend"].title == "Đoàn thanh tra, kiểm tra phải tạm dừng"
    assert sections["inspection_teams_to_suspend"].label == "1 đoàn tại 1 cơ quan"
    assert sections["inspection_teams_over_limit"].rows[0][3].text == "Đã lên kế hoạch"


def test_nothing_is_to_suspend_once_the_policy_lapses(stored):
    lapsed = build_report(D(2021, 7, 5))
    assert rows_of(lapsed, "inspection_teams_to_suspend") == []
    assert rows_of(lapsed, "inspection_teams_over_limit") == []
