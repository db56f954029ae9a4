# LAYOUT-SHIM: removed by the coordinator after the merge
"""What the policy in force means for one agency today, in numbers a head can act on (clauses 2 and 6).

The provider of `directives.policy.panels.agency_panels`, kept here only until the staffing helper's copy in
`staffing/workmodes/` registers itself from StaffingConfig.ready(); DirectivesConfig.ready() registers this
one meanwhile.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from staffing.models import Agency
from staffing.roles import roles_for
from staffing.workmode_selectors import DaySummary, work_mode_days

MAX_AGENCIES = 5


@dataclass(frozen=True)
class AgencyCap:
    agency: Agency
    summary: DaySummary  # counted, exempt, remote, cap and the policy of the day
    can_plan: bool

    @property
    def exact_share(self) -> Decimal | None:
        """Counted staff times the share before rounding down (9 × 1/2 = 4.5), to show how the cap is found."""
        policy = self.summary.policy
        if policy is None:
            return None
        exact = Decimal(self.summary.counted * policy.remote_cap_numerator) / policy.remote_cap_denominator
        return exact.quantize(Decimal("0.01")).normalize()

    @property
    def rounded(self) -> bool:
        return self.exact_share is not None and self.exact_share != self.summary.cap


def agency_caps_for_user(user, *, day: datetime.date) -> list[AgencyCap]:
    """The user's own agencies (heads first) with today's count and cap; none for district-wide roles."""
    roles = roles_for(user)
    if roles.sees_all_agencies:
        return []
    managed = roles.managed_agency_ids
    agencies = sorted(
        Agency.objects.filter(pk__in=roles.visible_agency_ids), key=lambda a: (a.pk not in managed, a.name)
    )[:MAX_AGENCIES]
    return [
        AgencyCap(agency, work_mode_days(agency=agency, start=day, end=day)[day], agency.pk in managed)
        for agency in agencies
    ]
