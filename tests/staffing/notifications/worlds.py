"""Small worlds in which each reminder has something to say (shared by the reminders' tests beside each
sub-domain and by the PostgreSQL test of two runs at once)."""

import datetime

from staffing.assignments.services import assignment_create
from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.services import work_modes_set
from tests.compliance_fixtures import NEXT_DAY, TODAY, small_district, user_with_email
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role
from tests.staffing.inspections.helpers import RESTRICTED_DAY, make_team, people, policy_2629
from tests.tthc.dossiers.factories import at, district_under_2629, receive

__all__ = ["NEXT_DAY", "RESTRICTED_DAY", "TODAY"]


def plans_world() -> dict:
    """Tuesday 08/06/2021: Phòng Tư pháp over the cap today and tomorrow, Phòng Y tế without a plan, Phòng
    Kinh tế planned; a head with an e-mail address for each, and the district office."""
    district = small_district()
    return {
        "district": district,
        "over_cap_head": user_with_email(
            Role.AGENCY_HEAD, district.over_cap, username="truong-tu-phap", email="tuphap@example.gov.vn"
        ),
        "unplanned_head": user_with_email(
            Role.AGENCY_HEAD, district.unplanned, username="truong-y-te", email="yte@example.gov.vn"
        ),
        "planned_head": user_with_email(
            Role.AGENCY_HEAD, district.planned, username="truong-kinh-te", email="kinhte@example.gov.vn"
        ),
        "office": user_with_email(
            Role.DISTRICT_OFFICE, username="van-phong", email="vanphong@example.gov.vn"
        ),
    }


def assignments_world() -> dict:
    """Phòng Tư pháp on Tuesday 08/06/2021: Lê An at home without a report, Lê Bình at home with one; work
    due tomorrow, overdue, due today and due next week."""
    from staffing.assignments.services import progress_report
    from tests.factories import WorkModePolicyFactory

    WorkModePolicyFactory(directive__number="2629/UBND")
    agency = AgencyFactory(name="Phòng Tư pháp")
    head = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong")
    an_user = UserFactory(username="le-an", email="lean@example.gov.vn", first_name="Lê", last_name="An")
    binh_user = UserFactory(username="le-binh", email="lebinh@example.gov.vn")
    an = StaffMemberFactory(agency=agency, full_name="Lê An", user=an_user)
    binh = StaffMemberFactory(agency=agency, full_name="Lê Bình", user=binh_user)
    others = StaffMemberFactory.create_batch(2, agency=agency)
    work_modes_set(
        agency=agency,
        entries=[(an.pk, TODAY, WorkModeKind.REMOTE), (binh.pk, TODAY, WorkModeKind.REMOTE)]
        + [(member.pk, TODAY, WorkModeKind.ON_SITE) for member in others],
        actor=head,
    )
    start = datetime.date(2021, 6, 1)

    def assign(title, due, lead, supporters=()):
        (assignment,) = assignment_create(
            agency=agency,
            actor=head,
            title=title,
            leads=[lead],
            supporters=list(supporters),
            start_date=start,
            due_date=due,
        )
        return assignment

    due_tomorrow = assign("Thẩm định hồ sơ đất đai", NEXT_DAY, an, supporters=[binh])
    overdue = assign("Báo cáo tháng 5", datetime.date(2021, 6, 4), an)
    assign("Rà soát văn bản", TODAY, binh)
    assign("Kế hoạch quý III", datetime.date(2021, 6, 18), binh)
    progress_report(
        assignment=due_tomorrow, actor=binh_user, percent_complete=20, done="Đã đọc hồ sơ.", day=TODAY
    )
    return {
        "agency": agency,
        "head": head,
        "an": an,
        "binh": binh,
        "an_user": an_user,
        "binh_user": binh_user,
        "due_tomorrow": due_tomorrow,
        "overdue": overdue,
    }


def stalled_world() -> dict:
    """assignments_world with two pieces of statutory work stalling on 08/06/2021 (one due on 10/06 and
    silent since its start, one overdue since 07/06); the head and the district office have addresses."""
    world = assignments_world()
    world["head"].email = "truongphong@example.gov.vn"
    world["head"].save(update_fields=["email"])
    world["office"] = user_with_email(
        Role.DISTRICT_OFFICE, username="van-phong", email="vanphong@example.gov.vn"
    )

    def statutory(title, due, lead):
        (assignment,) = assignment_create(
            agency=world["agency"],
            actor=world["head"],
            title=title,
            leads=[lead],
            start_date=datetime.date(2021, 6, 1),
            due_date=due,
            statutory=True,
            legal_basis="Điều 61 Luật Đất đai",
        )
        return assignment

    world["silent"] = statutory("Giải quyết tranh chấp đất đai", datetime.date(2021, 6, 10), world["an"])
    world["late"] = statutory("Trả lời kiến nghị cử tri", datetime.date(2021, 6, 7), world["binh"])
    return world


def dossiers_world() -> dict:
    """The commune's desk on Tuesday 08/06/2021: one dossier overdue since 07/06, one due tomorrow, one due
    today (not a reminder); its one-stop officer has an e-mail address."""
    district = district_under_2629()
    district.officer.email = "motcua@example.gov.vn"
    district.officer.save(update_fields=["email"])
    overdue = receive(district, received_at=at(datetime.date(2021, 6, 7)))
    due_tomorrow = receive(district, received_at=at(datetime.date(2021, 6, 7)))
    due_tomorrow.due_date = NEXT_DAY
    due_tomorrow.save(update_fields=["due_date"])
    receive(district, received_at=at(TODAY))
    return {
        "district": district,
        "officer": district.officer,
        "overdue": overdue,
        "due_tomorrow": due_tomorrow,
    }


def inspections_world() -> dict:
    """Phòng Tư pháp on 14/06/2021 under a policy that restricts inspections: one team not marked necessary
    still planned; a second agency's team is necessary."""
    policy_2629()
    agency = AgencyFactory(name="Phòng Tư pháp")
    head = user_with_email(Role.AGENCY_HEAD, agency, username="truong-tu-phap", email="tuphap@example.gov.vn")
    team = make_team(agency, head, participants=people(agency, 2))
    calm = AgencyFactory(name="Phòng Y tế")
    calm_head = user_with_email(Role.AGENCY_HEAD, calm, username="truong-y-te", email="yte@example.gov.vn")
    make_team(
        calm,
        calm_head,
        participants=people(calm, 2, prefix="Y tế"),
        necessity="necessary",
        necessity_reason="Kiểm tra an toàn thực phẩm theo yêu cầu khẩn cấp.",
    )
    return {"agency": agency, "head": head, "team": team, "calm_head": calm_head}


def petitions_world() -> dict:
    """A commune on Tuesday 08/06/2021 with one unanswered petition overdue, one due tomorrow and one due next
    week; its chairman has an e-mail address."""
    from tests.tthc.reception.factories import commune_with_reception, file
    from tthc.reception.models import Petition

    commune = commune_with_reception()
    commune.head.email = "chutich@example.gov.vn"
    commune.head.save(update_fields=["email"])
    overdue, due, later = (file(commune.agency, filed_at=at(datetime.date(2021, 6, 1))) for _n in range(3))
    for petition, due_date in (
        (overdue, datetime.date(2021, 6, 7)),
        (due, NEXT_DAY),
        (later, datetime.date(2021, 6, 18)),
    ):
        Petition.objects.filter(pk=petition.pk).update(due_date=due_date)
    return {"commune": commune, "chairman": commune.head, "overdue": overdue, "due": due}


def follow_ups_world() -> dict:
    """A commune on Thursday 10/06/2021 whose check of one company asked for a follow-up on 15/06/2021."""
    from staffing.company_checks.services import check_record
    from tests.staffing.company_checks.factories import commune_setup, criteria

    office = user_with_role(Role.DISTRICT_OFFICE, username="van-phong-kiem-tra")
    setup = commune_setup()
    checklist = criteria(office)
    setup.chairman.email = "chutich@example.gov.vn"
    setup.chairman.save(update_fields=["email"])
    check = check_record(
        actor=setup.chairman,
        company=setup.company,
        checked_on=datetime.date(2021, 6, 10),
        mode="on_site",
        checked_by=setup.inspector,
        on_site_count=40,
        online_count=60,
        at_risk=[checklist.criteria.order_by("-weight").first().pk],
        outcome="remedy",
        requested="Bố trí giãn cách tại xưởng.",
        follow_up_on=datetime.date(2021, 6, 15),
    )
    return {"commune": setup.commune, "chairman": setup.chairman, "check": check}
