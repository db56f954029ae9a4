"""The district of the preview tests: small_district under 2629/UBND (1/2), Phòng Văn hóa with 2 of 4 at home
on 08/06/2021 and a head with an address, and the draft 3015/UBND that supersedes 2629/UBND with 1/4 and no
exempt duty group from 08/06/2021."""

import datetime

from directives.documents.constants import DocumentStatus, ReferenceRelation
from directives.documents.models import Document
from directives.documents.services import reference_add
from directives.policy.services import policy_set
from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.services import work_modes_set
from tests.compliance_fixtures import TODAY, small_district, user_with_email
from tests.factories import AgencyFactory, DocumentFactory, StaffMemberFactory, UserFactory

RULES = {
    "effective_from": TODAY,
    "remote_cap_numerator": 1,
    "remote_cap_denominator": 4,
    "exempt_duty_groups": [],
    "citizen_reception_suspended": True,
    "inspections_restricted": True,
    "in_person_intake_restricted": True,
    "pre_cutoff_date": datetime.date(2021, 6, 3),
    "free_postal_return": True,
}


def preview_world():
    district = small_district()
    planner = UserFactory(username="lap-lich")
    culture = AgencyFactory(name="Phòng Văn hóa")
    staff = StaffMemberFactory.create_batch(4, agency=culture)
    work_modes_set(
        agency=culture,
        entries=[
            (m.pk, TODAY, WorkModeKind.REMOTE if i < 2 else WorkModeKind.ON_SITE) for i, m in enumerate(staff)
        ],
        actor=planner,
    )
    head = user_with_email(
        Role.AGENCY_HEAD, culture, username="truong-van-hoa", email="vanhoa@example.gov.vn"
    )
    letter = DocumentFactory(
        number="3015/UBND", issued_on=datetime.date(2021, 6, 7), status=DocumentStatus.DRAFT
    )
    old = Document.objects.get(number="2629/UBND")
    reference_add(source=letter, target=old, relation=ReferenceRelation.SUPERSEDES)
    policy_set(directive=letter, **RULES)
    return {"district": district, "culture": culture, "head": head, "letter": letter, "old": old}
