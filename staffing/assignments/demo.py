"""Demo assigned work for `manage.py seed_demo`, written through the services like any head's work.

For Phòng Tư pháp and UBND xã Phước Thạnh: June 2021 assignments to the staff who worked from home that
first week, some with a statutory time limit tied to a demo dossier, their progress reports, the heads'
reviews (accepted with a rating, one returned then accepted), one statutory task left stalled, and open work
of the current week for the demo staff account. An agency that already has assignments is left alone."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from staffing.registry.models import Agency, RoleAssignment, StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from tthc.calendar.working_days import add_working_days
from tthc.dossiers.models import Dossier

from .constants import Action, Quality
from .models import Assignment
from .services import assignment_act, assignment_create, progress_report

AGENCIES = {"PTP": "Phòng Tư pháp", "27526": "UBND xã Phước Thạnh"}
FIRST_MONDAY = datetime.date(2021, 6, 7)
TASKS = [
    # title, statutory legal basis ("" if none), working days allowed, outcome
    ("Rà soát hồ sơ chứng thực tồn đọng trước ngày 03/06/2021", "", 4, "accepted_exceeds"),
    ("Thẩm định hồ sơ đăng ký khai sinh quá hạn", "Điều 16 Luật Hộ tịch", 3, "accepted_meets"),
    ("Cập nhật danh mục TTHC lên trang thông tin điện tử", "", 5, "returned_then_accepted"),
    ("Trả lời kiến nghị của công dân qua cổng dịch vụ công", "Điều 28 Luật Tiếp công dân", 5, "stalled"),
    ("Tổng hợp báo cáo tình hình làm việc tại nhà tuần đầu", "", 2, "accepted_below"),
]


def _head(agency):
    assignment = (
        RoleAssignment.objects.filter(agency=agency, role__in=["agency_head", "commune_chairman"])
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return assignment.user if assignment else get_user_model().objects.filter(is_superuser=True).first()


def _reporters(agency, head):
    """Staff of the agency with an account of their own (the demo's staff logins), the head apart."""
    return list(
        StaffMember.objects.filter(agency=agency, user__isnull=False)
        .exclude(user=head)
        .select_related("user")
    )


def _report_days(member, start, end):
    """The days the member worked at home in the period (the demo's plan), or the first day if none."""
    days = list(
        WorkMode.objects.filter(staff=member, day__range=(start, end), mode=WorkModeKind.REMOTE)
        .order_by("day")
        .values_list("day", flat=True)
    )
    return days or [start]


def _seed_agency(agency, today):
    head = _head(agency)
    workers = _reporters(agency, head)
    if not workers or head is None:
        return
    for index, (title, basis, days, outcome) in enumerate(TASKS):
        lead = workers[index % len(workers)]
        due = add_working_days(FIRST_MONDAY, days)
        first_day = _report_days(lead, FIRST_MONDAY, due)[0]
        # Statutory work serves a dossier the agency received, where the demo has one.
        dossier = (
            Dossier.objects.filter(agency=agency).order_by("pk")[index : index + 1].first() if basis else None
        )
        (assignment,) = assignment_create(
            agency=agency,
            actor=head,
            title=title,
            dossier_code=dossier.code if dossier else "",
            leads=[lead],
            start_date=FIRST_MONDAY,
            due_date=due,
            statutory=bool(basis),
            legal_basis=basis,
            priority="high" if basis else "normal",
        )
        actor = lead.user
        if outcome == "stalled":
            progress_report(
                assignment=assignment,
                actor=actor,
                percent_complete=20,
                done="Đã phân loại kiến nghị.",
                next_steps="Chờ ý kiến phòng chuyên môn.",
                day=first_day,
            )
            continue
        progress_report(
            assignment=assignment,
            actor=actor,
            percent_complete=50,
            done="Đã thực hiện một nửa khối lượng.",
            next_steps="Hoàn thành phần còn lại.",
            day=first_day,
        )
        progress_report(
            assignment=assignment,
            actor=actor,
            percent_complete=100,
            done="Đã hoàn thành.",
            day=due,
        )
        # The last task of the list was handed in a day late.
        handed_in = due + datetime.timedelta(days=1) if index == len(TASKS) - 1 else due
        assignment_act(assignment=assignment, actor=actor, action=Action.SUBMIT, on=handed_in)
        if outcome == "returned_then_accepted":
            assignment_act(
                assignment=assignment,
                actor=head,
                action=Action.RETURN,
                comment="Bổ sung đường dẫn đến từng thủ tục.",
            )
            progress_report(
                assignment=assignment, actor=actor, percent_complete=100, done="Đã bổ sung.", day=due
            )
            assignment_act(assignment=assignment, actor=actor, action=Action.SUBMIT, on=handed_in)
        quality = {"accepted_exceeds": Quality.EXCEEDS, "accepted_below": Quality.BELOW}.get(
            outcome, Quality.MEETS
        )
        assignment_act(assignment=assignment, actor=head, action=Action.ACCEPT, quality=quality, on=handed_in)


def _seed_current(today):
    """Open work this week for the demo staff account, so "My work" has something to report on."""
    member = StaffMember.objects.filter(user__username="canbo").select_related("agency").first()
    if (
        member is None
        or Assignment.objects.filter(lead=member, start_date__gte=today - datetime.timedelta(days=7)).exists()
    ):
        return
    monday = today - datetime.timedelta(days=today.weekday())
    assignment_create(
        agency=member.agency,
        actor=_head(member.agency),
        title="Soạn dự thảo kế hoạch tuyên truyền pháp luật quý tới",
        leads=[member],
        start_date=monday,
        due_date=add_working_days(monday, 8),
    )


def seed(*, password: str, today: datetime.date | None = None) -> list[dict]:
    today = today or timezone.localdate()
    for short, name in AGENCIES.items():
        agency = Agency.objects.filter(name=name).first() or Agency.objects.filter(short_name=short).first()
        if agency is not None and not Assignment.objects.filter(agency=agency).exists():
            _seed_agency(agency, today)
    _seed_current(today)
    return []
