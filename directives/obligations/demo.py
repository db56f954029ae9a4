"""The obligations part of `manage.py seed_demo`: the obligations of clauses 1, 4 and 5 of the demo letter
2629/UBND and some heads' answers; idempotent, every write through the services."""

import datetime

from directives.documents import demo as documents_demo
from directives.documents.models import Document
from staffing.registry.constants import AGENCY_MANAGER_ROLES, AgencyKind
from staffing.registry.models import Agency, RoleAssignment

from . import services
from .constants import AcknowledgementMethod
from .models import AgencyObligation, Obligation

# (clause, title, description, due date, addressed kinds: empty = every agency)
OBLIGATIONS = [
    (
        "1",
        "Thực hiện nghiêm Công văn 2579/UBND và 2600/UBND tại trụ sở cơ quan, đơn vị",
        "Rà soát các biện pháp phòng, chống dịch tại trụ sở theo hai công văn và báo cáo kết quả thực hiện.",
        datetime.date(2021, 6, 11),
        [],
    ),
    (
        "4",
        "Quán triệt mục đích làm việc tại nhà; công khai việc tiếp nhận hồ sơ và Danh mục TTHC đặc biệt, cấp bách",
        "Phổ biến đến toàn thể cán bộ, công chức, viên chức, người lao động; đăng tải trên trang thông tin điện "
        "tử và các ứng dụng của cơ quan, đơn vị.",
        datetime.date(2021, 6, 8),
        [],
    ),
    (
        "5",
        "Rà soát, theo dõi các công ty, doanh nghiệp trên địa bàn thực hiện phòng, chống dịch",
        "Yêu cầu doanh nghiệp hạn chế tối đa hoạt động trực tiếp, chuyển sang làm việc trực tuyến.",
        datetime.date(2021, 6, 15),
        [AgencyKind.COMMUNE_COMMITTEE, AgencyKind.TOWNSHIP_COMMITTEE],
    ),
]

# Heads of these agencies acknowledge (and some mark done): (agency kind, clause, done, method, evidence).
ANSWERS = [
    (
        AgencyKind.SPECIALISED_OFFICE,
        "4",
        True,
        AcknowledgementMethod.MEETING,
        "Họp quán triệt toàn thể công chức sáng 07/06/2021; đã đăng tải trên trang thông tin điện tử.",
    ),
    (
        AgencyKind.SPECIALISED_OFFICE,
        "1",
        False,
        AcknowledgementMethod.WRITTEN,
        "Thông báo nội bộ phân công kiểm tra biện pháp phòng dịch tại trụ sở.",
    ),
    (
        AgencyKind.COMMUNE_COMMITTEE,
        "5",
        True,
        AcknowledgementMethod.WRITTEN,
        "Văn bản gửi các doanh nghiệp trên địa bàn xã; tổ công tác đã rà soát 100% doanh nghiệp.",
    ),
    (
        AgencyKind.COMMUNE_COMMITTEE,
        "4",
        False,
        AcknowledgementMethod.WEBSITE,
        "Đăng tải trên trang thông tin điện tử của xã và loa truyền thanh.",
    ),
]
ACKNOWLEDGED_ON = datetime.date(2021, 6, 7)
DONE_ON = datetime.date(2021, 6, 8)


def _answers(letter: Document) -> None:
    obligations = {
        o.clause.number: o
        for o in Obligation.objects.filter(clause__document=letter).select_related("clause__document")
    }
    heads = {}
    for assignment in (
        RoleAssignment.objects.filter(role__in=AGENCY_MANAGER_ROLES, agency__isnull=False)
        .select_related("agency", "user")
        .order_by("agency__name", "user__username")
    ):
        heads.setdefault(assignment.agency.kind, assignment)
    for kind, clause_number, done, method, evidence in ANSWERS:
        assignment = heads.get(kind)
        obligation = obligations.get(clause_number)
        if assignment is None or obligation is None or not obligation.addresses(assignment.agency):
            continue
        agency, user = assignment.agency, assignment.user
        status = AgencyObligation.objects.filter(obligation=obligation, agency=agency).first()
        if status is None or not status.acknowledged_on:
            services.obligation_acknowledge(
                obligation=obligation,
                agency=agency,
                user=user,
                acknowledged_on=ACKNOWLEDGED_ON,
                method=method,
                evidence_text=evidence,
            )
            status = AgencyObligation.objects.get(obligation=obligation, agency=agency)
        if done and not status.done_at:
            services.obligation_mark_done(
                obligation=obligation,
                agency=agency,
                user=user,
                note="Đã hoàn thành theo yêu cầu.",
                done_on=DONE_ON,
            )


def seed(*, password: str) -> list[dict]:
    letter = documents_demo.letter()
    if letter is None:
        return []
    user = documents_demo.office_user()
    clauses = {c.number: c for c in letter.clauses.all()}
    for clause_number, title, description, due_on, kinds in OBLIGATIONS:
        clause = clauses[clause_number]
        if not Obligation.objects.filter(clause=clause, title=title).exists():
            services.obligation_create(
                clause=clause,
                user=user,
                title=title,
                description=description,
                due_on=due_on,
                agency_kinds=kinds,
            )
    if Agency.objects.exists():
        _answers(letter)
    return []
