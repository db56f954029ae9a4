"""The world of the inspection tests: an agency under 2629/UBND's policy for June 2021, which restricts
inspections and caps a necessary team at five participants (clause 2, third dash)."""

import datetime

from directives.documents.models import Clause
from staffing.inspections import services
from staffing.inspections.constants import Necessity, TeamKind
from tests.factories import DocumentFactory, StaffMemberFactory, WorkModePolicyFactory

D = datetime.date
RESTRICTED_DAY = D(2021, 6, 14)
LAPSED_DAY = D(2021, 7, 5)  # the policy ends on 30/06/2021
JUNE_END = D(2021, 6, 30)


def policy_2629(*, max_participants=5, until=JUNE_END):
    letter = DocumentFactory(number="2629/UBND")
    clause = Clause.objects.create(document=letter, number="2", text="Tạm dừng các đoàn thanh tra, kiểm tra.")
    return WorkModePolicyFactory(
        directive=letter,
        effective_until=until,
        inspection_max_participants=max_participants,
        inspections_clause=clause,
    )


def people(agency, count, prefix="Cán bộ"):
    return [StaffMemberFactory(agency=agency, full_name=f"{prefix} {n}") for n in range(1, count + 1)]


def team_values(**overrides) -> dict:
    values = {
        "kind": TeamKind.CHECK,
        "subject": "Kiểm tra công tác chứng thực",
        "inspected_organisation": "UBND xã Phước Thạnh",
        "decision_number": "45/QĐ-PTP",
        "decision_date": D(2021, 6, 1),
        "planned_start": RESTRICTED_DAY,
        "planned_end": D(2021, 6, 18),
        "necessity": Necessity.NOT_NECESSARY,
        "necessity_reason": "",
        "participants": [],
        "outsiders": [],
    }
    values.update(overrides)
    return values


def make_team(agency, head, **overrides):
    return services.team_save(agency=agency, actor=head, **team_values(**overrides))
