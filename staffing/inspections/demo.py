"""Demo inspection teams for `manage.py seed_demo`, written through the services like any head's.

In Phòng Tư pháp, for next week under 2629/UBND (which restricts inspections): a check of certification records not
marked necessary, which the policy makes its head suspend; and a necessary inspection of a complaint file,
whose first attempt with too many participants is refused, kept planned with the number allowed. An agency
that already has teams is left alone."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from staffing.registry.models import Agency, RoleAssignment, StaffMember

from .constants import Necessity, TeamKind
from .models import InspectionTeam
from .services import team_save

AGENCY_CODE = "PTP"


def _head(agency):
    role = RoleAssignment.objects.filter(agency=agency, role="agency_head").select_related("user").first()
    return role.user if role else None


def seed(*, password: str) -> list[dict]:
    agency = (
        Agency.objects.filter(short_name=AGENCY_CODE).first()
        or Agency.objects.filter(name="Phòng Tư pháp").first()
    )
    if agency is None or InspectionTeam.objects.filter(agency=agency).exists():
        return []
    head = _head(agency)
    staff = list(StaffMember.objects.filter(agency=agency).order_by("pk")[:8])
    if head is None or len(staff) < 3:
        return []
    # Next week's teams, so the head's list shows today what the policy in force makes them suspend.
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    common = {
        "agency": agency,
        "actor": head,
        "decision_date": today,
        "planned_start": monday,
        "planned_end": monday + datetime.timedelta(days=4),
    }
    team_save(
        **common,
        kind=TeamKind.CHECK,
        subject="Kiểm tra công tác chứng thực bản sao tại UBND các xã",
        inspected_organisation="UBND xã Phước Thạnh",
        decision_number="45/QĐ-PTP",
        necessity=Necessity.NOT_NECESSARY,
        participants=staff[:3],
    )
    necessary = {
        **common,
        "kind": TeamKind.INSPECTION,
        "subject": "Thanh tra việc giải quyết khiếu nại về hộ tịch",
        "inspected_organisation": "UBND xã An Nhơn Tây",
        "decision_number": "46/QĐ-PTP",
        "necessity": Necessity.NECESSARY,
        "necessity_reason": "Khiếu nại sắp hết thời hạn giải quyết theo Luật Khiếu nại.",
    }
    outsiders = [{"full_name": "Trần Minh Khoa", "organisation": "Thanh tra huyện"}]
    try:  # the head first names the whole team: over the policy's maximum, refused
        team_save(**necessary, participants=staff, outsiders=outsiders)
    except ValidationError:
        team_save(**necessary, participants=staff[:4], outsiders=outsiders)
    return []
