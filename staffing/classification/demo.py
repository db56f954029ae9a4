"""Demo classification: the district's rule set from 04/06/2021 and Phòng Tư pháp's confirmed Q2/2021."""

import datetime

from staffing.registry.models import Agency, RoleAssignment

from .models import Classification, RuleSet
from .quarters import Quarter
from .selectors import figures_for_agency, rule_set_for, suggest
from .services import classification_confirm, rule_set_save


def seed(*, password: str) -> list[dict]:
    office = RoleAssignment.objects.filter(role="district_office").select_related("user").first()
    if office is None:
        return []
    if not RuleSet.objects.exists():
        rule_set_save(
            actor=office.user,
            rule_set=RuleSet(
                name="Tiêu chí xếp loại theo Công văn 2629/UBND", effective_from=datetime.date(2021, 6, 4)
            ),
        )
    agency = Agency.objects.filter(name="Phòng Tư pháp").first()
    head = RoleAssignment.objects.filter(agency=agency, role="agency_head").select_related("user").first()
    quarter = Quarter(2021, 2)
    if (
        agency is None
        or head is None
        or Classification.objects.filter(agency=agency, quarter=quarter.key).exists()
    ):
        return []
    rules = rule_set_for(quarter)
    figures = figures_for_agency(agency, quarter)
    for member in agency.staff.filter(pk__in=figures).exclude(user=head.user).order_by("pk"):
        classification_confirm(
            member=member, quarter=quarter, actor=head.user, level=suggest(figures[member.pk], rules)
        )
    return []
