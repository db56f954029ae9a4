"""Every URL of the product for every kind of user: who may open it, and that nothing of agency B shows to,
or changes by the hand of, agency A's people.

ROUTES holds one decision per URL pattern (admin, static and media aside). A URL added later without a
decision here fails `test_every_url_has_a_decision`: whoever adds it says who may use it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from directives.documents.constants import DocumentKind, ReferenceRelation
from directives.documents.models import Document, DocumentReference
from directives.documents.services import document_create, document_publish, reference_add
from directives.obligations.constants import AcknowledgementMethod
from directives.obligations.models import Obligation
from directives.obligations.services import obligation_acknowledge, obligation_create
from directives.policy.services import policy_set
from staffing.assignments.models import Assignment, Deputy
from staffing.assignments.services import assignment_create, deputy_name
from staffing.classification.models import Classification, RuleSet
from staffing.classification.quarters import Quarter
from staffing.classification.services import classification_confirm
from staffing.companies.importers import CompanyImporter
from staffing.companies.models import Company
from staffing.companies.services import company_save
from staffing.companies.taxcodes import check_digit
from staffing.company_checks.models import CompanyCheck, CriteriaSet
from staffing.company_checks.services import check_record, criteria_set_save
from staffing.inspections.models import InspectionTeam
from staffing.inspections.services import team_save
from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.notifications.services import notify
from staffing.outbox.constants import Status as OutboxStatus
from staffing.outbox.models import OutboxMessage
from staffing.registry.constants import AgencyKind, Role, StaffCategory
from staffing.registry.importers import StaffImporter
from staffing.registry.models import Agency, StaffMember
from staffing.registry.services import staff_member_link_user, staff_member_save
from staffing.toolkit.importing import template_csv
from staffing.workmodes.forms import cell_name
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.directives.factories import PDF_BYTES, policy_values
from tests.factories import UserFactory, user_with_role
from tests.tthc.dossiers.factories import district_under_2629, receive
from tthc.calendar.importers import CalendarDayImporter
from tthc.catalogue.importers import ProcedureImporter
from tthc.catalogue.models import Procedure
from tthc.dossiers.models import Dossier
from tthc.reception.models import Petition, ReceptionSlot
from tthc.reception.services import petition_file, reception_slot_add
from tthc.urgent_lists.models import UrgentList
from tthc.urgent_lists.services import urgent_list_create_draft

pytestmark = pytest.mark.django_db

D = datetime.date
WEEK_DAY = D(2021, 6, 7)  # Monday of the first full week under 2629/UBND

# Who asks: nobody signed in, four people of agency A, and the two district-wide roles.
ROLES = ("anonymous", "head", "officer", "chairman", "staff", "leadership", "office")
AGENCY_A_ROLES = ("head", "officer", "chairman", "staff")

OK = "ok"  # served: 2xx, or a redirect that is not to the log-in page
DENY = "deny"  # 403 or 404
LOGIN = "login"  # anonymous: sent to the log-in page (401/403 from the API)


# The world: agencies A and B, their people, a directive with its policy and obligation, procedures, an
# urgent list, staff, work modes and a dossier in each agency -----------------------------------------


@dataclass
class World:
    users: dict
    agency_a: Agency
    agency_b: Agency
    staff_b: StaffMember
    staff_b2: StaffMember
    directive: Document
    draft: Document
    second_directive: Document
    reference: DocumentReference
    obligation: Obligation
    urgent_draft: UrgentList
    birth: Procedure
    marriage: Procedure
    dossier_a: Dossier
    dossier_b: Dossier
    assignment_b: Assignment
    classification_b: Classification
    deputy_b: Deputy
    rule_set: RuleSet
    team_b: InspectionTeam
    company_b: Company
    notification_b: Notification
    check_b: CompanyCheck
    criteria_unused: CriteriaSet
    petition_b: Petition
    slot_b: ReceptionSlot
    failed_message: OutboxMessage
    markers_b: list = field(default_factory=list)


def _pdf(name="van-ban.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def _tax_code(first_eight: str) -> str:
    """A tax code built for the test (no real company's): the first nine digits whose check is not 10."""
    for last in range(10):
        nine = f"{first_eight}{last}"
        if check_digit(nine) != 10:
            return nine + str(check_digit(nine))
    raise AssertionError(first_eight)


def build_world() -> World:
    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    leadership = user_with_role(Role.DISTRICT_LEADERSHIP, username="lanh-dao")
    directive = document_create(
        user=office,
        kind=DocumentKind.OFFICIAL_LETTER,
        number="2629/UBND",
        issuer="Ủy ban nhân dân huyện",
        issued_on=D(2021, 6, 4),
        subject="Thay đổi phương thức làm việc",
        attachment=_pdf(),
        clauses=[
            {"number": "1", "text": "Thực hiện nghiêm Công văn 2579/UBND và 2600/UBND."},
            {"number": "2", "text": "Không quá 1/2 làm việc tại nhà."},
        ],
    )
    document_publish(document=directive, user=office)
    directive.refresh_from_db()
    policy_set(directive=directive, user=office, **policy_values())
    second = document_create(
        user=office,
        kind=DocumentKind.OFFICIAL_LETTER,
        number="2600/UBND",
        issuer="Ủy ban nhân dân huyện",
        issued_on=D(2021, 5, 31),
        subject="Phòng, chống dịch",
        clauses=[{"number": "1", "text": "Tăng cường phòng, chống dịch."}],
    )
    document_publish(document=second, user=office)
    obligation = obligation_create(
        clause=directive.clauses.get(number="1"),
        user=office,
        title="Quán triệt Công văn 2629/UBND",
        due_on=D(2021, 6, 11),
        agency_kinds=[AgencyKind.COMMUNE_COMMITTEE],
    )
    draft = document_create(
        user=office,
        kind=DocumentKind.OFFICIAL_LETTER,
        number="2700/UBND",
        issuer="Ủy ban nhân dân huyện",
        issued_on=D(2021, 6, 20),
        subject="Dự thảo chưa ban hành",
        attachment=_pdf("du-thao.pdf"),
        clauses=[{"number": "1", "text": "Dự thảo."}],
    )
    reference = reference_add(source=draft, target=directive, relation=ReferenceRelation.AMENDS, user=office)

    district_a = district_under_2629()
    district_b = district_under_2629(commune_name="UBND xã Phước Hiệp", statistics_code="27529")
    agency_a, agency_b = district_a.commune, district_b.commune
    head_b = user_with_role(Role.AGENCY_HEAD, agency_b, username="truong-b")
    users = {
        "head": user_with_role(Role.AGENCY_HEAD, agency_a, username="truong-a"),
        "officer": district_a.officer,
        "chairman": user_with_role(Role.COMMUNE_CHAIRMAN, agency_a, username="chu-tich-a"),
        "staff": UserFactory(username="can-bo-a"),
        "leadership": leadership,
        "office": office,
        "head_b": head_b,
        "officer_b": district_b.officer,
    }
    member_a = staff_member_save(
        agency=agency_a,
        staff_code="PT-001",
        full_name="Lê Thị Công Chức A",
        category=StaffCategory.CIVIL_SERVANT,
        mobile_phone="0901000001",
    )
    staff_member_link_user(member=member_a, user=users["staff"])
    staff_b = staff_member_save(
        agency=agency_b,
        staff_code="PH-001",
        full_name="Võ Thị Bê Một",
        category=StaffCategory.CIVIL_SERVANT,
        mobile_phone="0902000001",
    )
    staff_b2 = staff_member_save(
        agency=agency_b,
        staff_code="PH-002",
        full_name="Đặng Văn Bê Hai",
        category=StaffCategory.CIVIL_SERVANT,
        mobile_phone="0902000002",
    )
    work_modes_set(agency=agency_b, entries=[(staff_b.pk, WEEK_DAY, "remote")], actor=office)
    obligation_acknowledge(
        obligation=obligation,
        agency=agency_b,
        user=head_b,
        acknowledged_on=WEEK_DAY,
        method=AcknowledgementMethod.MEETING,
        evidence_file=_pdf("bien-ban.pdf"),
    )
    urgent_draft = urgent_list_create_draft(
        by=office,
        directive=directive,
        title="Danh mục sửa đổi",
        copy_from=UrgentList.objects.get(status="published"),
    )
    dossier_a = receive(district_a)
    (assignment_b,) = assignment_create(
        agency=agency_b,
        actor=head_b,
        title="Thẩm định hồ sơ của xã Bê",
        leads=[staff_b],
        start_date=WEEK_DAY,
        due_date=D(2021, 6, 11),
        statutory=True,
        legal_basis="Điều 16 Luật Hộ tịch",
        attachment=_pdf("nhiem-vu.pdf"),
    )
    staff_member_link_user(member=staff_b2, user=UserFactory(username="be-hai"))
    deputy_b = deputy_name(agency=agency_b, actor=head_b, member=staff_b2)
    classification_b = classification_confirm(
        member=staff_b2, quarter=Quarter(2021, 2), actor=head_b, level="done"
    )
    team_b = team_save(
        agency=agency_b,
        actor=head_b,
        kind="check",
        subject="Kiểm tra hộ tịch của xã Bê",
        inspected_organisation="Ấp Bê",
        decision_number="12/QĐ-UBND",
        decision_date=D(2021, 6, 1),
        planned_start=D(2021, 6, 14),
        planned_end=D(2021, 6, 18),
        necessity="not_necessary",
        participants=[staff_b],
    )
    dossier_b = receive(
        district_b,
        applicant_name="Huỳnh Văn Bê Dân",
        applicant_id_number="079190000777",
        applicant_phone="0911222333",
    )
    company_b = company_save(
        commune=agency_b,
        name="Công ty TNHH Bê Bí Mật",
        tax_code=_tax_code("97000001"),
        workforce=40,
        working_online=10,
        contact_phone="0913777888",
    ).company
    # One person's inbox is nobody else's: agency B's head's notification, unread.
    (notification_b,) = notify(
        recipients=[head_b],
        kind=NotificationKind.NO_PLAN_TOMORROW,
        subject=f"agency:{agency_b.pk}",
        period="2021-06-08",
        title="Thông báo riêng của trưởng Bê",
        body="Nội dung chỉ trưởng Bê được đọc.",
        link=f"/work-modes/agencies/{agency_b.pk}/week/",
    )
    office_sets = [
        criteria_set_save(
            actor=office,
            criteria_set=CriteriaSet(name=name, workplace_kind=kind, effective_from=D(2021, 6, 4)),
            criteria=[("Không đeo khẩu trang", 3), ("Không giãn cách", 2)],
        )
        for name, kind in (("Bộ tiêu chí chung", ""), ("Bộ tiêu chí thương mại", "trade"))
    ]
    check_b = check_record(
        actor=head_b,
        company=company_b,
        checked_on=D(2021, 6, 10),
        checked_by=staff_b,
        on_site_count=30,
        online_count=10,
        at_risk=[office_sets[0].criteria.first().pk],
        outcome="remedy",
        requested="Yêu cầu riêng của xã Bê",
        follow_up_on=D(2021, 6, 17),
    )
    petition_b = petition_file(
        agency=agency_b,
        filer_name="Lý Thị Bê Kiến Nghị",
        filer_phone="0911444555",
        content="Phản ánh riêng của xã Bê.",
        attachment=_pdf("kien-nghi.pdf"),
    )
    slot_b = reception_slot_add(
        agency=agency_b,
        actor=head_b,
        weekday=1,
        starts_at=datetime.time(7, 30),
        ends_at=datetime.time(11, 30),
        place="Phòng tiếp công dân xã Bê",
    )
    failed_message = OutboxMessage.objects.create(
        key="scope:failed",
        kind="planning_reminder",
        to="truong-b@example.gov.vn",
        subject="Nhắc lập kế hoạch",
        body_text="Nội dung",
        status=OutboxStatus.FAILED,
        attempts=11,
        last_error="SMTPServerDisconnected: refused",
    )
    return World(
        users=users,
        agency_a=agency_a,
        agency_b=agency_b,
        staff_b=staff_b,
        staff_b2=staff_b2,
        directive=directive,
        draft=draft,
        second_directive=second,
        reference=reference,
        obligation=obligation,
        urgent_draft=urgent_draft,
        birth=district_a.birth,
        marriage=district_a.marriage,
        dossier_a=dossier_a,
        dossier_b=dossier_b,
        assignment_b=assignment_b,
        classification_b=classification_b,
        deputy_b=deputy_b,
        rule_set=RuleSet.objects.create(name="Tiêu chí thử", effective_from=D(2021, 6, 4)),
        team_b=team_b,
        company_b=company_b,
        notification_b=notification_b,
        check_b=check_b,
        criteria_unused=office_sets[1],
        petition_b=petition_b,
        slot_b=slot_b,
        failed_message=failed_message,
        markers_b=[
            notification_b.title,
            notification_b.body,
            team_b.subject,
            check_b.requested,
            company_b.name,
            company_b.tax_code,
            company_b.contact_phone,
            petition_b.code,
            petition_b.filer_name,
            petition_b.content,
            assignment_b.title,
            agency_b.name,
            staff_b.full_name,
            staff_b.mobile_phone,
            dossier_b.code,
            dossier_b.applicant_name,
            dossier_b.applicant_id_number,
        ],
    )


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


# What a write would change: every row of the tables that carry the product's data -------------------

WATCHED_APPS = ("staffing", "directives", "tthc")


def snapshot() -> dict:
    """Every row of every table of the product's apps (history tables included)."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for label in WATCHED_APPS
        for model in apps.get_app_config(label).get_models()
    }


def changed_tables(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


# Decisions ---------------------------------------------------------------------------------------


def audience(**decisions) -> dict:
    missing = set(ROLES) - set(decisions)
    assert not missing, missing
    return decisions


PUBLIC = audience(**dict.fromkeys(ROLES, OK))
SIGNED_IN = audience(anonymous=LOGIN, **dict.fromkeys(ROLES[1:], OK))
# Agency B's data, or the district's register: district office and leadership read it, agency A does not.
DISTRICT_READERS = audience(anonymous=LOGIN, **dict.fromkeys(AGENCY_A_ROLES, DENY), leadership=OK, office=OK)
# Changing agency B's data or the district's register: the district office only (leadership reads only).
DISTRICT_WRITERS = audience(
    anonymous=LOGIN, **dict.fromkeys(AGENCY_A_ROLES, DENY), leadership=DENY, office=OK
)
# Agency B's own acts (its one-stop desk, its head's acknowledgements): nobody outside agency B.
AGENCY_B_ONLY = audience(anonymous=LOGIN, **dict.fromkeys(ROLES[1:], DENY))


# One person's own data (a notification): nobody else, whatever their role.
NOBODY_ELSE = audience(anonymous=LOGIN, **dict.fromkeys(ROLES[1:], DENY))


def but(base: dict, **changes) -> dict:
    return {**base, **changes}


@dataclass(frozen=True)
class Route:
    """One URL's decision.

    access: what each role gets from `method` (POST-only views say "post"). payload: a valid body; everyone
    posts it and the database must not change, except for `writer`, whose POST must change it (the
    positive control that shows the payload would have worked).
    """

    access: dict
    args: Callable = lambda w: {}
    query: Callable | None = None
    method: str = "get"
    payload: Callable | None = None
    writer: str | None = None
    as_json: bool = False


def _staff_form(**overrides) -> dict:
    data = {
        "staff_code": "PH-099",
        "full_name": "Phan Thị Mới",
        "position": "Chuyên viên",
        "category": "civil_servant",
        "duty_group": "regular",
        "mobile_phone": "0903000099",
        "email": "",
        "active_from": "",
        "active_until": "",
    }
    return {**data, **overrides}


def _document_form(number: str, **extra) -> dict:
    data = {
        "kind": "official_letter",
        "number": number,
        "issuer": "Ủy ban nhân dân huyện",
        "issued_on": "20/06/2021",
        "subject": "Văn bản thử",
        "clauses-TOTAL_FORMS": "1",
        "clauses-INITIAL_FORMS": "0",
        "clauses-0-number": "1",
        "clauses-0-text": "Nội dung.",
    }
    return {**data, **extra}


def _draft_edit_form(w: World) -> dict:
    clause = w.draft.clauses.get()
    return _document_form(
        "2700/UBND",
        subject="Dự thảo đã sửa",
        **{"clauses-INITIAL_FORMS": "1", "clauses-0-id": str(clause.pk), "clauses-0-text": "Dự thảo sửa."},
    )


def _dossier_form(w: World) -> dict:
    return {
        "procedure": w.birth.pk,
        "channel": "online",
        "received_date": "07/06/2021",
        "received_time": "09:30",
        "applicant_name": "Tô Thị Nộp",
        "applicant_id_number": "079190000888",
        "applicant_phone": "0912345678",
        "applicant_email": "",
        "applicant_address": "Ấp 2",
        "documents_received": "Tờ khai",
        "result_delivery": "",
        "special_case_reason": "",
    }


def _procedure_csv() -> SimpleUploadedFile:
    content = template_csv(ProcedureImporter()).replace(b"1.001193", b"9.999001")
    return SimpleUploadedFile("thu-tuc.csv", content, content_type="text/csv")


def _staff_csv() -> SimpleUploadedFile:
    return SimpleUploadedFile("can-bo.csv", template_csv(StaffImporter(agency=None)), content_type="text/csv")


def _calendar_csv() -> SimpleUploadedFile:
    return SimpleUploadedFile("lich.csv", template_csv(CalendarDayImporter()), content_type="text/csv")


def _team_form(w: World, subject: str) -> dict:
    return {
        "kind": "check",
        "subject": subject,
        "inspected_organisation": "Ấp Bê",
        "decision_number": "13/QĐ-UBND",
        "decision_date": "01/06/2021",
        "planned_start": "14/06/2021",
        "planned_end": "18/06/2021",
        "necessity": "not_necessary",
        "necessity_reason": "",
        "participants": [w.staff_b2.pk],
        "outsiders-TOTAL_FORMS": "1",
        "outsiders-INITIAL_FORMS": "0",
        "outsiders-0-full_name": "",
        "outsiders-0-organisation": "",
    }


def _team_json(w: World) -> dict:
    return {
        "kind": "check",
        "subject": "Đoàn mới",
        "inspected_organisation": "Ấp Bê",
        "decision_number": "14/QĐ-UBND",
        "decision_date": "2021-06-01",
        "planned_start": "2021-06-14",
        "planned_end": "2021-06-18",
        "necessity": "not_necessary",
        "participants": [w.staff_b2.pk],
    }


def _company_form(w: World, **overrides) -> dict:
    data = {
        "name": "Công ty TNHH Bê Đổi Tên",
        "tax_code": w.company_b.tax_code,
        "sector": "trade",
        "workforce": "40",
        "working_online": "20",
        "status": "active",
        "closed_on": "",
    }
    return {**data, **overrides}


def _company_csv() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "doanh-nghiep.csv", template_csv(CompanyImporter(commune=None)), content_type="text/csv"
    )


# The register of companies of a commune (clause 5): its roles but plain staff read it, the district reads all.
COMPANY_READERS = audience(
    anonymous=LOGIN, head=OK, officer=OK, chairman=OK, staff=DENY, leadership=OK, office=OK
)
# The commune's managers (its chairman or head) and the district office add companies and import.
COMPANY_ADDERS = but(DISTRICT_WRITERS, head=OK, chairman=OK)


def _check_form(w: World) -> dict:
    return {
        "checked_on": "11/06/2021",
        "mode": "remote",
        "checked_by": w.staff_b.pk,
        "on_site_count": "20",
        "online_count": "20",
        "outcome": "passed",
        "requested": "",
        "follow_up_on": "",
    }


def _criteria_form(name: str, kind: str = "", day: str = "01/10/2021") -> dict:
    return {"name": name, "workplace_kind": kind, "effective_from": day, "criteria_text": "2 | Khẩu trang"}


def _tomorrow() -> str:
    return (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")


B = "agency_b"
ROUTES: dict[str, Route] = {
    # Project pages and accounts
    "public-home": Route(PUBLIC),
    "home": Route(SIGNED_IN),
    "healthz": Route(PUBLIC),
    "favicon": Route(PUBLIC),
    "login": Route(PUBLIC, payload=lambda w: {"username": "truong-b", "password": "sai-mat-khau"}),
    "logout": Route(but(SIGNED_IN, anonymous=OK), method="post"),
    "password_change": Route(SIGNED_IN),
    "password_change_done": Route(SIGNED_IN),
    "password_reset": Route(PUBLIC, payload=lambda w: {"email": "khong-co@example.com"}),
    "password_reset_done": Route(PUBLIC),
    "password_reset_confirm": Route(PUBLIC, args=lambda w: {"uidb64": "MQ", "token": "sai-ma"}),
    "password_reset_complete": Route(PUBLIC),
    "set_language": Route(PUBLIC, method="post", payload=lambda w: {"language": "en", "next": "/"}),
    "api-schema": Route(PUBLIC),
    "api-docs": Route(PUBLIC),
    # API
    "api-agency-list": Route(SIGNED_IN),
    "api-agency-staff": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "api-agency-work-modes": Route(
        DISTRICT_READERS,
        args=lambda w: {"agency_id": w.agency_b.pk},
        query=lambda w: {"from": "2021-06-07", "to": "2021-06-13"},
        payload=lambda w: {"entries": [{"staff": w.staff_b2.pk, "date": "2021-06-08", "mode": "remote"}]},
        writer="office",
        as_json=True,
    ),
    "api-directive-list": Route(PUBLIC),
    "api-directive-detail": Route(PUBLIC, args=lambda w: {"pk": w.directive.pk}),
    "api-policy": Route(PUBLIC, query=lambda w: {"agency": w.agency_b.pk, "date": "2021-06-07"}),
    "api-procedure-list": Route(PUBLIC),
    "api-urgent-list": Route(PUBLIC, query=lambda w: {"date": "2021-06-07"}),
    "api-agency-intake": Route(PUBLIC, args=lambda w: {"pk": w.agency_b.pk}),
    "api-dossier-receive": Route(
        AGENCY_B_ONLY,
        method="post",
        payload=lambda w: {
            "procedure": w.birth.code,
            "agency": w.agency_b.pk,
            "channel": "online",
            "applicant": {
                "full_name": "Tô Thị Nộp",
                "id_number": "079190000888",
                "phone": "0912345678",
                "address": "Ấp 2, xã Phước Thạnh",
            },
            "received_at": "2021-06-07T10:00:00+07:00",
        },
        writer="officer_b",
        as_json=True,
    ),
    "api-dossier-status": Route(
        PUBLIC, args=lambda w: {"code": w.dossier_b.code}, query=lambda w: {"phone": "0911222333"}
    ),
    # tthc: reception. Filing is public (its GET gives the limits); writes are proven in tests/tthc/reception.
    "api-agency-reception": Route(PUBLIC, args=lambda w: {"pk": w.agency_b.pk}),
    "api-petition-file": Route(PUBLIC),
    "api-petition-status": Route(
        PUBLIC, args=lambda w: {"code": w.petition_b.code}, query=lambda w: {"phone": "0911444555"}
    ),
    "api-agency-petitions": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "api-petition-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.petition_b.pk}),
    "api-petition-assign": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"assignee": w.staff_b.pk},
        writer="office",
        as_json=True,
    ),
    "api-petition-answer": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"answer": "Đã xử lý."},
        writer="office",
        as_json=True,
    ),
    "api-petition-close": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"note": "Kiến nghị trùng."},
        writer="office",
        as_json=True,
    ),
    # staffing
    "staffing:directory": Route(PUBLIC),
    "staffing:agency-list": Route(SIGNED_IN),
    "staffing:agency-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "staffing:staff-list": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "staffing:staff-create": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: _staff_form(),
        writer="office",
    ),
    "staffing:staff-import": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: {"file": _staff_csv()},
        writer="office",
    ),
    "staffing:staff-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.staff_b.pk}),
    "staffing:staff-edit": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.staff_b.pk},
        payload=lambda w: _staff_form(
            staff_code="PH-001", full_name="Võ Thị Bê Đổi Tên", mobile_phone="0902000001"
        ),
        writer="office",
    ),
    "staffing:import-start": Route(
        but(DISTRICT_WRITERS, head=OK, chairman=OK)  # a head lands on the import of their own agency
    ),
    "staffing:import-template-csv": Route(but(DISTRICT_WRITERS, head=OK, chairman=OK)),
    "staffing:import-template-xlsx": Route(but(DISTRICT_WRITERS, head=OK, chairman=OK)),
    "staffing:my-page": Route(
        but(SIGNED_IN, head=DENY, officer=DENY, chairman=DENY, leadership=DENY, office=DENY)
    ),
    # companies per commune (clause 5)
    "companies:list": Route(COMPANY_READERS),
    "companies:export": Route(COMPANY_READERS),
    "companies:create": Route(
        COMPANY_ADDERS,
        payload=lambda w: {**_company_form(w, tax_code=_tax_code("97000002")), "commune": w.agency_b.pk},
    ),
    "companies:import": Route(COMPANY_ADDERS, payload=lambda w: {"file": _company_csv()}),
    "companies:import-template-csv": Route(COMPANY_ADDERS),
    "companies:import-template-xlsx": Route(COMPANY_ADDERS),
    "companies:detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.company_b.pk}),
    "companies:edit": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.company_b.pk},
        payload=lambda w: _company_form(w),
        writer="office",
    ),
    "api-commune-companies": Route(
        DISTRICT_READERS,
        args=lambda w: {"commune_id": w.agency_b.pk},
        payload=lambda w: {"name": "Công ty Mới Qua API", "tax_code": _tax_code("97000003"), "workforce": 5},
        writer="office",
        as_json=True,
    ),
    "api-company-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.company_b.pk}),
    # each person's own inbox: another's notification is 404 to everyone, the district included
    # Open data (clause 4): public files with counts only, no personal data.
    "opendata:index": Route(PUBLIC),
    "opendata:datapackage": Route(PUBLIC),
    "opendata:download": Route(PUBLIC, args=lambda w: {"name": "compliance", "fmt": "csv"}),
    "notifications:inbox": Route(SIGNED_IN),
    "notifications:open": Route(NOBODY_ELSE, args=lambda w: {"pk": w.notification_b.pk}),
    "notifications:read": Route(
        NOBODY_ELSE, method="post", args=lambda w: {"pk": w.notification_b.pk}, payload=lambda w: {}
    ),
    "notifications:read_all": Route(SIGNED_IN, method="post"),
    "notifications:preferences": Route(SIGNED_IN),
    "api-my-notifications": Route(SIGNED_IN),
    "api-notification-read": Route(
        NOBODY_ELSE, method="post", args=lambda w: {"pk": w.notification_b.pk}, payload=lambda w: {}
    ),
    # checks of companies by their commune (clause 5): the commune's readers, the district; the commune's
    # managers and the district office record
    "company_checks:index": Route(COMPANY_READERS),
    "company_checks:district": Route(DISTRICT_READERS),
    "company_checks:district_export": Route(DISTRICT_READERS),
    "company_checks:commune": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "company_checks:follow_ups": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "company_checks:company": Route(DISTRICT_READERS, args=lambda w: {"pk": w.company_b.pk}),
    "company_checks:check_new": Route(
        DISTRICT_WRITERS, args=lambda w: {"pk": w.company_b.pk}, payload=_check_form, writer="office"
    ),
    "company_checks:check": Route(DISTRICT_READERS, args=lambda w: {"pk": w.check_b.pk}),
    "company_checks:check_edit": Route(
        DISTRICT_WRITERS, args=lambda w: {"pk": w.check_b.pk}, payload=_check_form, writer="office"
    ),
    "company_checks:follow_up_close": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.check_b.pk},
        payload=lambda w: {"note": "Đã khắc phục"},
        writer="office",
    ),
    "company_checks:criteria": Route(
        DISTRICT_READERS, payload=lambda w: _criteria_form("Bộ tiêu chí mới"), writer="office"
    ),
    "company_checks:criteria_edit": Route(
        DISTRICT_READERS,
        args=lambda w: {"pk": w.criteria_unused.pk},
        payload=lambda w: _criteria_form("Bộ tiêu chí thương mại (sửa)", "trade", "04/06/2021"),
        writer="office",
    ),
    "company_checks:bands": Route(
        DISTRICT_READERS, payload=lambda w: {"bands_text": "50 | Thấp\n100 | Cao"}, writer="office"
    ),
    "api-commune-checks": Route(
        DISTRICT_READERS,
        args=lambda w: {"commune_id": w.agency_b.pk},
        payload=lambda w: {
            "company": w.company_b.pk,
            "checked_on": "2021-06-11",
            "checked_by": w.staff_b.pk,
            "on_site_count": 20,
            "online_count": 20,
            "outcome": "passed",
        },
        writer="office",
        as_json=True,
    ),
    "api-company-check": Route(DISTRICT_READERS, args=lambda w: {"pk": w.check_b.pk}),
    "api-company-check-criteria": Route(SIGNED_IN),
    # work modes
    # assigned work
    "assignments:index": Route(SIGNED_IN),
    "assignments:board": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "assignments:new": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: {
            "title": "Việc mới",
            "leads": [w.staff_b2.pk],
            "start_date": "07/06/2021",
            "due_date": "11/06/2021",
            "priority": "normal",
        },
        writer="office",
    ),
    "assignments:deputy_add": Route(
        but(DISTRICT_WRITERS, leadership=DENY),
        method="post",
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: {"staff": w.staff_b.pk},
    ),
    "assignments:deputy_remove": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.deputy_b.pk},
        payload=lambda w: {},
        writer="office",
    ),
    "assignments:detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.assignment_b.pk}),
    "assignments:act": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.assignment_b.pk},
        payload=lambda w: {"action": "cancel", "comment": "Không còn cần thiết."},
        writer="office",
    ),
    "assignments:report": Route(
        AGENCY_B_ONLY,
        args=lambda w: {"pk": w.assignment_b.pk},
        payload=lambda w: {"percent_complete": "10", "done": "Đã làm."},
    ),
    "assignments:attachment": Route(
        DISTRICT_READERS, args=lambda w: {"kind": "assignment", "pk": w.assignment_b.pk}
    ),
    "assignments:mine": Route(SIGNED_IN),
    "assignments:stalled": Route(DISTRICT_READERS),
    "assignments:thresholds": Route(
        DISTRICT_WRITERS,
        payload=lambda w: {"due_within_working_days": "4", "silent_days": "3"},
        writer="office",
    ),
    "api-my-assignments": Route(SIGNED_IN),
    "api-assignment-reports": Route(
        AGENCY_B_ONLY,
        method="post",
        args=lambda w: {"pk": w.assignment_b.pk},
        payload=lambda w: {"percent_complete": 10, "done": "Đã làm."},
        as_json=True,
    ),
    "api-agency-assignments": Route(
        DISTRICT_READERS,
        args=lambda w: {"agency_id": w.agency_b.pk},
        payload=lambda w: {
            "title": "Việc mới",
            "leads": [w.staff_b2.pk],
            "start_date": "2021-06-07",
            "due_date": "2021-06-11",
        },
        writer="office",
        as_json=True,
    ),
    # inspection teams
    "inspections:index": Route(but(SIGNED_IN, staff=DENY)),
    "inspections:agency": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "inspections:new": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: _team_form(w, "Đoàn mới"),
        writer="office",
    ),
    "inspections:detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.team_b.pk}),
    "inspections:edit": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.team_b.pk},
        payload=lambda w: _team_form(w, "Kiểm tra hộ tịch (sửa)"),
        writer="office",
    ),
    "inspections:act": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.team_b.pk},
        payload=lambda w: {"action": "suspend"},
        writer="office",
    ),
    "inspections:district": Route(DISTRICT_READERS),
    "inspections:export": Route(DISTRICT_READERS),
    "api-agency-inspection-teams": Route(
        DISTRICT_READERS,
        args=lambda w: {"agency_id": w.agency_b.pk},
        payload=_team_json,
        writer="office",
        as_json=True,
    ),
    "api-inspection-team": Route(DISTRICT_READERS, args=lambda w: {"pk": w.team_b.pk}),
    "api-inspection-team-actions": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.team_b.pk},
        payload=lambda w: {"action": "suspend"},
        writer="office",
        as_json=True,
    ),
    # quarterly classification
    "classification:quarter": Route(
        DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}, query=lambda w: {"quarter": "2021-Q2"}
    ),
    "classification:confirm": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: {
            "quarter": "2021-Q2",
            "staff": w.staff_b.pk,
            "level": "done",
            "reason": "Đã xem xét.",
        },
        writer="office",
    ),
    "classification:export": Route(
        DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}, query=lambda w: {"quarter": "2021-Q2"}
    ),
    "classification:reopen": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.classification_b.pk},
        payload=lambda w: {"reason": "Xem xét lại."},
        writer="office",
    ),
    "classification:mine": Route(SIGNED_IN),
    "classification:rules": Route(
        DISTRICT_READERS,
        payload=lambda w: {
            "name": "Tiêu chí mới",
            "effective_from": "01/10/2021",
            "excellent_on_time_percent": "100",
            "excellent_exceeds_percent": "50",
            "good_on_time_percent": "100",
            "good_max_below": "0",
            "done_on_time_percent": "70",
            "report_percent": "80",
        },
        writer="office",
    ),
    "classification:rule_edit": Route(
        DISTRICT_READERS,
        args=lambda w: {"pk": w.rule_set.pk},
        payload=lambda w: {
            "name": "Tiêu chí thử (sửa)",
            "effective_from": "04/06/2021",
            "excellent_on_time_percent": "100",
            "excellent_exceeds_percent": "60",
            "good_on_time_percent": "100",
            "good_max_below": "0",
            "done_on_time_percent": "70",
            "report_percent": "80",
        },
        writer="office",
    ),
    "api-agency-classifications": Route(
        DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}, query=lambda w: {"quarter": "2021-Q2"}
    ),
    "work_modes:agencies": Route(but(DISTRICT_READERS, head=OK, chairman=OK)),
    "work_modes:week": Route(
        but(DISTRICT_WRITERS, leadership=OK),  # leadership reads the grid; its POST is refused
        args=lambda w: {"pk": w.agency_b.pk},
        query=lambda w: {"week": "2021-W23"},
        payload=lambda w: {"action": "save", cell_name(w.staff_b2.pk, D(2021, 6, 8)): "remote"},
        writer="office",
    ),
    "work_modes:week_summary": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.agency_b.pk},
        payload=lambda w: {cell_name(w.staff_b2.pk, D(2021, 6, 8)): "remote"},
    ),
    "work_modes:day_history": Route(
        DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk, "day": "2021-06-07"}
    ),
    "work_modes:today": Route(DISTRICT_READERS, args=lambda w: {"pk": w.agency_b.pk}),
    "work_modes:staff_history": Route(DISTRICT_READERS, args=lambda w: {"pk": w.staff_b.pk}),
    "work_modes:mine": Route(SIGNED_IN),
    "work_modes:district": Route(DISTRICT_READERS),
    # directives
    "directives:public_list": Route(PUBLIC),
    "directives:public_detail": Route(PUBLIC, args=lambda w: {"pk": w.directive.pk}),
    "directives:attachment": Route(
        but(DISTRICT_READERS, anonymous=DENY),
        args=lambda w: {"pk": w.draft.pk},  # a draft's PDF
    ),
    "directives:policy": Route(PUBLIC),
    "directives:register_list": Route(DISTRICT_READERS),
    "directives:document_create": Route(
        DISTRICT_WRITERS, payload=lambda w: _document_form("3000/UBND"), writer="office"
    ),
    "directives:register_detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.draft.pk}),
    "directives:document_edit": Route(
        DISTRICT_WRITERS, args=lambda w: {"pk": w.draft.pk}, payload=_draft_edit_form, writer="office"
    ),
    "directives:document_publish": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.draft.pk},
        payload=lambda w: {},
        writer="office",
    ),
    "directives:document_revoke": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.second_directive.pk},
        payload=lambda w: {"revoked_on": timezone.localdate().strftime("%d/%m/%Y"), "reason": "Hết hiệu lực"},
        writer="office",
    ),
    "directives:reference_add": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.draft.pk},
        payload=lambda w: {"relation": ReferenceRelation.REFERS_TO, "target": w.second_directive.pk},
        writer="office",
    ),
    "directives:reference_remove": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.draft.pk, "reference_pk": w.reference.pk},
        payload=lambda w: {},
        writer="office",
    ),
    "directives:policy_edit": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.directive.pk},
        payload=lambda w: {"effective_from": "04/06/2021", "ratio": "2/3"},
        writer="office",
    ),
    # The preview saves nothing: a GET of the directive's saved policy.
    "directives:policy_preview": Route(DISTRICT_WRITERS, args=lambda w: {"pk": w.directive.pk}),
    "directives:policy_compare": Route(
        PUBLIC, query=lambda w: {"a": w.directive.policy.pk, "b": w.directive.policy.pk}
    ),
    "directives:obligation_create": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.directive.pk},
        payload=lambda w: {
            "clause": w.directive.clauses.get(number="2").pk,
            "title": "Báo cáo danh sách làm việc tại nhà",
            "due_on": "15/06/2021",
        },
        writer="office",
    ),
    "directives:my_obligations": Route(SIGNED_IN),
    "directives:obligation_matrix_export": Route(DISTRICT_READERS),
    "directives:obligation_follow_up": Route(
        DISTRICT_READERS, args=lambda w: {"obligation_id": w.obligation.pk}
    ),
    "directives:obligation_close": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"obligation_id": w.obligation.pk},
        payload=lambda w: {"close-reason": "Toàn huyện đã thực hiện"},
        writer="office",
    ),
    "directives:obligation_reopen": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"obligation_id": w.obligation.pk},
        payload=lambda w: {},
    ),
    "directives:obligation_waive": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"obligation_id": w.obligation.pk, "agency_id": w.agency_b.pk},
        payload=lambda w: {"waive-reason": "Không có cán bộ làm việc tại nhà"},
        writer="office",
    ),
    "directives:obligation_waiver_cancel": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"obligation_id": w.obligation.pk, "agency_id": w.agency_b.pk},
        payload=lambda w: {},
    ),
    "dashboard:dashboard": Route(DISTRICT_READERS),
    "directives:compliance_list": Route(DISTRICT_READERS),
    "directives:compliance_detail": Route(
        DISTRICT_READERS, args=lambda w: {"day": timezone.localdate().isoformat()}
    ),
    "directives:compliance_send": Route(
        DISTRICT_WRITERS, method="post", payload=lambda w: {}, writer="office"
    ),
    # The outbox names addresses and subjects of every e-mail: district-wide readers; the office retries.
    "outbox:list": Route(DISTRICT_READERS),
    "outbox:retry": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.failed_message.pk},
        payload=lambda w: {},
        writer="office",
    ),
    "directives:obligation_matrix": Route(DISTRICT_READERS),
    "directives:agency_obligations": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "directives:obligation_acknowledge": Route(
        AGENCY_B_ONLY,
        args=lambda w: {"agency_id": w.agency_b.pk, "obligation_id": w.obligation.pk},
        payload=lambda w: {"acknowledged_on": "08/06/2021", "method": "written", "evidence_text": "Công văn"},
        writer="head_b",
    ),
    "directives:obligation_done": Route(
        AGENCY_B_ONLY,
        method="post",
        args=lambda w: {"agency_id": w.agency_b.pk, "obligation_id": w.obligation.pk},
        payload=lambda w: {"note": "Đã đăng tải"},
        writer="head_b",
    ),
    "directives:obligation_evidence": Route(
        DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk, "obligation_id": w.obligation.pk}
    ),
    # tthc: public
    "tthc:procedure-list": Route(PUBLIC),
    "tthc:procedure-detail": Route(PUBLIC, args=lambda w: {"code": w.birth.code}),
    "tthc:public-urgent-list": Route(PUBLIC),
    "tthc:public-urgent-list-feed": Route(PUBLIC),
    "tthc:public-urgent-list-versions": Route(PUBLIC),
    "tthc:public-urgent-list-version": Route(PUBLIC, args=lambda w: {"version": 1}),
    "tthc:public-urgent-list-diff": Route(PUBLIC),
    "tthc:public-agency-index": Route(PUBLIC),
    "tthc:public-agency-arrangements": Route(PUBLIC, args=lambda w: {"pk": w.agency_b.pk}),
    "tthc:dossier-lookup": Route(PUBLIC, payload=lambda w: {"code": w.dossier_b.code, "phone": "0900000000"}),
    # tthc: the district office's catalogue and urgent list
    "tthc:procedure-import": Route(
        DISTRICT_WRITERS, payload=lambda w: {"file": _procedure_csv()}, writer="office"
    ),
    "tthc:procedure-import-template-csv": Route(DISTRICT_WRITERS),
    "tthc:procedure-import-template-xlsx": Route(DISTRICT_WRITERS),
    "tthc:calendar": Route(DISTRICT_READERS),
    "tthc:calendar-import": Route(
        DISTRICT_WRITERS, payload=lambda w: {"file": _calendar_csv()}, writer="office"
    ),
    "tthc:calendar-load": Route(DISTRICT_WRITERS, payload=lambda w: {"year": "2027"}, writer="office"),
    "tthc:calendar-import-template-csv": Route(DISTRICT_WRITERS),
    "tthc:calendar-import-template-xlsx": Route(DISTRICT_WRITERS),
    "tthc:urgent-list-index": Route(DISTRICT_READERS),
    "tthc:urgent-list-create": Route(
        DISTRICT_WRITERS,
        method="post",
        payload=lambda w: {"directive": w.directive.pk, "title": "Danh mục mới", "note": ""},
        writer="office",
    ),
    "tthc:urgent-list-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.urgent_draft.pk}),
    "tthc:urgent-list-new": Route(
        DISTRICT_WRITERS,
        method="post",
        payload=lambda w: {"directive": w.directive.pk, "title": "Danh mục trên một trang", "note": ""},
        writer="office",
    ),
    "tthc:urgent-list-compose": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"pk": w.urgent_draft.pk},
        payload=lambda w: {
            "directive": w.directive.pk,
            "title": "Danh mục đã soạn",
            "note": "",
            "procedures": [w.birth.pk, w.marriage.pk],
        },
        writer="office",
    ),
    "tthc:urgent-list-publish": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.urgent_draft.pk},
        payload=lambda w: {"effective_from": _tomorrow()},
        writer="office",
    ),
    "tthc:urgent-list-discard": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.urgent_draft.pk},
        payload=lambda w: {},
        writer="office",
    ),
    # tthc: dossiers
    # The officer and the head land on A's own dossiers.
    "tthc:dossier-home": Route(but(DISTRICT_READERS, officer=OK, head=OK, chairman=OK)),
    "tthc:dossier-office": Route(DISTRICT_READERS),
    "tthc:dossier-cutoff": Route(DISTRICT_READERS, payload=lambda w: {}),
    "tthc:dossier-extension": Route(
        DISTRICT_WRITERS,
        payload=lambda w: {
            "procedures": [w.birth.pk],
            "agencies": [w.agency_b.pk],
            "working_days": "2",
            "reason": "Giãn cách xã hội",
        },
        writer="office",
    ),
    "tthc:dossier-list": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "tthc:dossier-receive": Route(
        AGENCY_B_ONLY, args=lambda w: {"agency_id": w.agency_b.pk}, payload=_dossier_form, writer="officer_b"
    ),
    "tthc:dossier-channel-hint": Route(
        AGENCY_B_ONLY,
        args=lambda w: {"agency_id": w.agency_b.pk},
        query=lambda w: {"procedure": w.birth.pk, "received_date": "07/06/2021"},
    ),
    "tthc:dossier-free-postage": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "tthc:dossier-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.dossier_b.pk}),
    "tthc:dossier-receipt": Route(DISTRICT_READERS, args=lambda w: {"pk": w.dossier_b.pk}),
    "tthc:dossier-transition": Route(
        AGENCY_B_ONLY,
        method="post",
        args=lambda w: {"pk": w.dossier_b.pk},
        payload=lambda w: {"to_status": "processing", "note": "Chuyển xử lý"},
        writer="officer_b",
    ),
    # tthc: reception. The receipt opens only in the browser that filed the petition.
    "tthc:public-reception": Route(PUBLIC, args=lambda w: {"pk": w.agency_b.pk}),
    "tthc:petition-file": Route(PUBLIC, args=lambda w: {"pk": w.agency_b.pk}),
    "tthc:petition-receipt": Route(audience(**dict.fromkeys(ROLES, DENY))),
    "tthc:petition-lookup": Route(
        PUBLIC, payload=lambda w: {"code": w.petition_b.code, "phone": "0900000000"}
    ),
    "tthc:petition-home": Route(SIGNED_IN),
    "tthc:petition-office": Route(DISTRICT_READERS),
    "tthc:petition-settings": Route(
        DISTRICT_WRITERS, payload=lambda w: {"answer_within_working_days": 7}, writer="office"
    ),
    "tthc:petition-list": Route(DISTRICT_READERS, args=lambda w: {"agency_id": w.agency_b.pk}),
    "tthc:reception-schedule": Route(
        DISTRICT_WRITERS,
        args=lambda w: {"agency_id": w.agency_b.pk},
        payload=lambda w: {"form": "channels", "hotline": "0283 111 222", "email": "", "note": ""},
        writer="office",
    ),
    "tthc:reception-slot-remove": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"agency_id": w.agency_b.pk, "pk": w.slot_b.pk},
        payload=lambda w: {},
        writer="office",
    ),
    "tthc:petition-detail": Route(DISTRICT_READERS, args=lambda w: {"pk": w.petition_b.pk}),
    "tthc:petition-attachment": Route(DISTRICT_READERS, args=lambda w: {"pk": w.petition_b.pk}),
    "tthc:petition-assign": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"assignee": w.staff_b.pk},
        writer="office",
    ),
    "tthc:petition-answer": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"answer": "Đã xử lý."},
        writer="office",
    ),
    "tthc:petition-close": Route(
        DISTRICT_WRITERS,
        method="post",
        args=lambda w: {"pk": w.petition_b.pk},
        payload=lambda w: {"note": "Kiến nghị trùng."},
        writer="office",
    ),
}

# The decision that matters most, written out once more: these answer anyone, signed in or not.
PUBLIC_ROUTES = frozenset(
    {
        "public-home",
        "healthz",
        "favicon",
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "set_language",
        "api-schema",
        "api-docs",
        "api-directive-list",
        "api-directive-detail",
        "api-policy",
        "api-procedure-list",
        "api-urgent-list",
        "api-agency-intake",
        "api-dossier-status",
        "staffing:directory",
        "directives:public_list",
        "directives:public_detail",
        "directives:policy",
        "directives:policy_compare",
        "opendata:index",
        "opendata:datapackage",
        "opendata:download",
        "tthc:procedure-list",
        "tthc:procedure-detail",
        "tthc:public-urgent-list",
        "tthc:public-urgent-list-feed",
        "tthc:public-urgent-list-versions",
        "tthc:public-urgent-list-version",
        "tthc:public-urgent-list-diff",
        "tthc:public-agency-index",
        "tthc:public-agency-arrangements",
        "tthc:dossier-lookup",
        "api-agency-reception",
        "api-petition-file",
        "api-petition-status",
        "tthc:public-reception",
        "tthc:petition-file",
        "tthc:petition-lookup",
    }
)
SKIPPED_PREFIXES = ("admin/", "static/", "media/")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield route, name


def project_urls() -> dict[str, str]:
    """{route name (or pattern when unnamed): pattern} of every URL but the admin's, static and media."""
    urls = {}
    for route, name in _walk(get_resolver().url_patterns):
        if route.lstrip("^").startswith(SKIPPED_PREFIXES):
            continue
        urls[name or route] = route
    return urls


# Requests ---------------------------------------------------------------------------------------


def require_url(name: str) -> None:
    if name not in project_urls():
        pytest.skip(f"{name} is not in the URLconf: test_every_url_has_a_decision names it")


def client_for(world: World, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def url_of(name: str, world: World) -> str:
    return reverse(name, kwargs=ROUTES[name].args(world))


def send(client: Client, name: str, world: World, method: str):
    route = ROUTES[name]
    url = url_of(name, world)
    if method == "get":
        return client.get(url, route.query(world) if route.query else {})
    if route.query:
        url = f"{url}?{'&'.join(f'{k}={v}' for k, v in route.query(world).items())}"
    data = route.payload(world) if route.payload else {}
    if route.as_json:
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


def outcome(response) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if status in (301, 302, 303) and location.startswith(reverse("login")):
        return LOGIN
    if status in (401, 403) and response.request["PATH_INFO"].startswith("/api/"):
        return LOGIN if not response.wsgi_request.user.is_authenticated else DENY
    if status in (403, 404):
        return DENY
    if 200 <= status < 400:
        return OK
    return f"status {status}"


def assert_no_agency_b_data(response, world: World, context: str) -> None:
    if getattr(response, "streaming", False):
        return
    body = response.content.decode(errors="replace")
    leaked = [marker for marker in world.markers_b if marker in body]
    assert not leaked, f"{context}: a refusal shows agency B's data {leaked}"


# Tests ------------------------------------------------------------------------------------------


def test_every_url_has_a_decision():
    urls = project_urls()
    undecided = sorted(set(urls) - set(ROUTES))
    stale = sorted(set(ROUTES) - set(urls))
    assert not undecided, f"New URLs without an access decision in ROUTES: {undecided}"
    assert not stale, f"ROUTES names URLs that no longer exist: {stale}"


def test_the_public_table_is_the_one_the_decisions_say():
    public_by_decision = {name for name, route in ROUTES.items() if route.access["anonymous"] == OK}
    assert public_by_decision == PUBLIC_ROUTES


def test_every_role_has_a_decision_for_every_url():
    for name, route in ROUTES.items():
        assert set(route.access) == set(ROLES), name
        assert route.method in ("get", "post"), name


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_each_role_gets_what_the_table_decides_and_nothing_of_agency_b(name, world):
    require_url(name)
    route = ROUTES[name]
    seen = {}
    for role in ROLES:
        if route.method == "post" and route.access[role] == OK and route.writer == role:
            continue  # the writer's own POST is the positive control of the write test
        before = snapshot() if route.method == "post" else None
        response = send(client_for(world, role), name, world, route.method)
        seen[role] = outcome(response)
        if seen[role] != OK:
            assert_no_agency_b_data(response, world, f"{name} as {role}")
        if before is not None and role != route.writer:
            assert changed_tables(before, snapshot()) == [], f"{name}: {role}'s POST changed the database"
    wrong = {
        role: f"got {got}, decided {route.access[role]}"
        for role, got in seen.items()
        if got != route.access[role]
    }
    assert not wrong, f"{name}: {wrong}"


WRITE_ROUTES = sorted(name for name, route in ROUTES.items() if route.writer)


@pytest.mark.parametrize("name", WRITE_ROUTES)
def test_writes_across_agencies_and_by_leadership_change_nothing(name, world):
    require_url(name)
    route = ROUTES[name]
    for role in ROLES:
        if role == route.writer:
            continue
        before = snapshot()
        response = send(client_for(world, role), name, world, "post")
        assert changed_tables(before, snapshot()) == [], f"{name}: {role}'s POST changed the database"
        if role == "anonymous":
            assert outcome(response) == LOGIN, name
        else:
            assert response.status_code in (403, 404, 405), f"{name}: {role} got {response.status_code}"
    # The same request from the one who may write does change it: the refusals above were not an accident.
    before = snapshot()
    response = send(client_for(world, route.writer), name, world, "post")
    assert response.status_code < 400, (name, response.status_code)
    assert changed_tables(before, snapshot()), f"{name}: the writer's POST changed nothing"


def test_leadership_reads_the_district_but_every_post_is_refused_or_harmless(world):
    urls = project_urls()
    for name, route in ROUTES.items():
        if name in PUBLIC_ROUTES or name in ("logout", "password_change") or name not in urls:
            continue
        before = snapshot()
        response = send(client_for(world, "leadership"), name, world, "post")
        assert changed_tables(before, snapshot()) == [], f"{name}: leadership's POST changed the database"
        if route.payload is not None:
            assert response.status_code in (403, 404, 405), f"{name}: leadership got {response.status_code}"


def test_admin_site_needs_a_staff_account(world):
    response = client_for(world, "anonymous").get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client_for(world, "head").get("/admin/").status_code == 302


# Cross-agency writes that name agency A in the address but agency B's rows in the body -----------------


def test_head_of_a_cannot_plan_agency_b_staff_through_agency_a_api(world):
    before = snapshot()
    response = client_for(world, "head").post(
        reverse("api-agency-work-modes", args=[world.agency_a.pk]),
        {"entries": [{"staff": world.staff_b2.pk, "date": "2021-06-08", "mode": "remote"}]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert world.staff_b2.full_name not in response.content.decode()
    assert changed_tables(before, snapshot()) == []


def test_head_of_a_cannot_plan_agency_b_staff_through_agency_a_week_page(world):
    before = WorkMode.objects.filter(agency=world.agency_b).count()
    client_for(world, "head").post(
        reverse("work_modes:week", args=[world.agency_a.pk]) + "?week=2021-W23",
        {"action": "save", cell_name(world.staff_b2.pk, D(2021, 6, 8)): "remote"},
    )
    assert WorkMode.objects.filter(agency=world.agency_b).count() == before
    assert not WorkMode.objects.filter(staff=world.staff_b2).exists()


def test_officer_of_a_cannot_move_agency_b_dossier_nor_receive_for_b_through_the_api(world):
    before = snapshot()
    officer = client_for(world, "officer")
    transition = officer.post(
        reverse("tthc:dossier-transition", args=[world.dossier_b.pk]), {"to_status": "processing"}
    )
    api = officer.post(
        reverse("api-dossier-receive"),
        {
            "procedure": world.birth.code,
            "agency": world.agency_b.pk,
            "channel": "online",
            "applicant": {
                "full_name": "Tô Thị Nộp",
                "id_number": "079190000888",
                "phone": "0912345678",
                "address": "Ấp 2, xã Phước Thạnh",
            },
            "received_at": "2021-06-07T10:00:00+07:00",
        },
        content_type="application/json",
    )
    assert (transition.status_code, api.status_code) == (404, 404)
    assert world.agency_b.name not in api.content.decode()
    assert changed_tables(before, snapshot()) == []


def test_head_of_a_cannot_read_agency_b_evidence_through_agency_a_address(world):
    response = client_for(world, "head").get(
        reverse("directives:obligation_evidence", args=[world.agency_a.pk, world.obligation.pk])
    )
    assert response.status_code == 404


def test_each_inbox_holds_only_its_owners_notifications(world):
    owner = Client()
    owner.force_login(world.notification_b.recipient)
    assert world.notification_b.title in owner.get(reverse("notifications:inbox")).content.decode()
    for role in ROLES[1:]:
        page = client_for(world, role).get(reverse("notifications:inbox")).content.decode()
        assert world.notification_b.title not in page, role
        api = client_for(world, role).get(reverse("api-my-notifications")).json()
        assert world.notification_b.pk not in [row["id"] for row in api["results"]], role
    opened = owner.get(reverse("notifications:open", args=[world.notification_b.pk]))
    assert opened["Location"] == world.notification_b.link
