"""The 07:45 notice to heads of inspection teams to suspend (clause 2 of 2629/UBND: while the policy in force
restricts inspections, teams not marked necessary are suspended)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import AGENCY_MANAGER_ROLES
from staffing.registry.selectors import users_by_agency

from .selectors import teams_to_suspend_by_agency


def teams_to_suspend_notify(*, day: datetime.date) -> int:
    """Tell the heads and commune chairmen of each agency with teams to suspend on the day (one notice per
    person, agency and day, listing the teams); returns the notifications recorded."""
    found = teams_to_suspend_by_agency(day=day)
    managers = users_by_agency(agency_ids=[agency.pk for agency, _teams in found], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for agency, teams in found:
            recorded += len(
                notify(
                    recipients=managers.get(agency.pk, []),
                    kind=NotificationKind.TEAMS_TO_SUSPEND,
                    subject=f"agency:{agency.pk}",
                    period=day.isoformat(),
                    title=_("%(agency)s: %(count)s inspection teams to suspend")
                    % {"agency": agency.name, "count": len(teams)},
                    body=_(
                        "The policy in force restricts inspections; suspend these teams or mark them "
                        "necessary: %(teams)s."
                    )
                    % {"teams": "; ".join(team.subject for team in teams)},
                    link=reverse("inspections:agency", args=[agency.pk]),
                )
            )
    return recorded
