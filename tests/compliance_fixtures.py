"""A small district with one of everything the daily compliance report names (shared by its tests)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from directives.obligations.models import AgencyObligation
from staffing.registry.constants import AgencyKind, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.services import work_modes_set
from tests.directives.factories import ObligationFactory
from tests.factories import AgencyFactory, StaffMemberFactory, UserFactory, user_with_role
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.intake.constants import Channel

TODAY = datetime.date(2021, 6, 8)  # a Tuesday under 2629/UBND
NEXT_DAY = datetime.date(2021, 6, 9)


@dataclass
class SmallDistrict:
    over_cap: object
    unplanned: object
    planned: object
    empty: object
    commune: object
    obligation: object
    overdue_dossier: object
    special_case: object
    tthc: object = None  # the commune's one-stop desk and procedures, to receive more dossiers


def user_with_email(role, agency=None, *, username, email):
    user = user_with_role(role, agency, username=username)
    user.email = email
    user.save(update_fields=["email"])
    return user


def small_district() -> SmallDistrict:
    """Phòng Tư pháp over the cap today and tomorrow, Phòng Y tế without a plan, Phòng Kinh tế planned and
    within the cap, an agency with no staff, and a commune with an overdue dossier and a special case."""
    district = district_under_2629()  # 2629/UBND in force from 04/06/2021 (1/2), the commune, its officer
    actor = UserFactory(username="nguoi-lap-lich")

    over_cap = AgencyFactory(name="Phòng Tư pháp", phone="02837901111")
    staff = StaffMemberFactory.create_batch(4, agency=over_cap)
    work_modes_set(
        agency=over_cap,
        entries=[(member.pk, day, WorkModeKind.REMOTE) for member in staff[:2] for day in (TODAY, NEXT_DAY)]
        + [(member.pk, day, WorkModeKind.ON_SITE) for member in staff[2:] for day in (TODAY, NEXT_DAY)],
        actor=actor,
    )
    # Two office workers left after the plan was made: 2 at home of 2 counted, above the cap of 1.
    for leaver in staff[2:]:
        leaver.active_until = TODAY - datetime.timedelta(days=1)
        leaver.save()

    unplanned = AgencyFactory(name="Phòng Y tế", phone="02837902222")
    StaffMemberFactory.create_batch(3, agency=unplanned)

    planned = AgencyFactory(name="Phòng Kinh tế")
    member = StaffMemberFactory(agency=planned)
    work_modes_set(
        agency=planned,
        entries=[(member.pk, day, WorkModeKind.ON_SITE) for day in (TODAY, NEXT_DAY)],
        actor=actor,
    )
    empty = AgencyFactory(name="Ban Quản lý dự án", kind=AgencyKind.PUBLIC_SERVICE_UNIT)

    obligation = ObligationFactory(
        clause__document=district.policy.directive,
        title="Niêm yết danh mục thủ tục",
        due_on=TODAY - datetime.timedelta(days=2),
    )
    for done_by in (unplanned, planned, empty, district.commune):
        AgencyObligation.objects.create(
            obligation=obligation,
            agency=done_by,
            acknowledged_on=obligation.due_on,
            done_on=obligation.due_on,
            done_at=timezone.now(),
        )

    overdue_dossier = receive(district, received_at=at(datetime.date(2021, 6, 7)))  # same-day procedure
    special_case = receive(
        district,
        procedure=district.postal_refused,
        channel=Channel.IN_PERSON,
        received_at=at(TODAY, 10, 15),
        special_case_reason="Người dân cần kết quả gấp để hưởng trợ cấp",
    )
    return SmallDistrict(
        over_cap=over_cap,
        unplanned=unplanned,
        planned=planned,
        empty=empty,
        commune=district.commune,
        obligation=obligation,
        overdue_dossier=overdue_dossier,
        special_case=special_case,
        tthc=district,
    )


def report_readers():
    """The district office and leadership with e-mail addresses, and users who must not get the report."""
    return {
        "office": user_with_email(
            Role.DISTRICT_OFFICE, username="van-phong", email="vanphong@example.gov.vn"
        ),
        "leader": user_with_email(
            Role.DISTRICT_LEADERSHIP, username="lanh-dao", email="lanhdao@example.gov.vn"
        ),
    }
