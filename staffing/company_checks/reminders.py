"""The 07:45 notice to commune chairmen of the follow-ups of company checks due within a week or overdue
(clause 5 of 2629/UBND: communes follow the companies on their territory)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import AGENCY_MANAGER_ROLES
from staffing.registry.models import Agency
from staffing.registry.selectors import users_by_agency

from .constants import FOLLOW_UP_DUE_DAYS
from .models import CompanyCheck
from .selectors import follow_up_counts, open_follow_ups_q


def follow_ups_due_notify(*, day: datetime.date) -> int:
    """Tell the chairmen (and heads) of each commune with open follow-ups due within FOLLOW_UP_DUE_DAYS days or
    overdue (one notice per person, commune and day); returns the notifications recorded."""
    communes = Agency.objects.filter(
        pk__in=CompanyCheck.objects.filter(open_follow_ups_q()).values("commune_id")
    ).order_by("name")
    communes = list(communes)
    counts = follow_up_counts(communes, today=day)
    rows = [(commune, counts[commune.pk]) for commune in communes if any(counts.get(commune.pk, {}).values())]
    managers = users_by_agency(agency_ids=[commune.pk for commune, _n in rows], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for commune, count in rows:
            recorded += len(
                notify(
                    recipients=managers.get(commune.pk, []),
                    kind=NotificationKind.FOLLOW_UPS_DUE,
                    subject=f"agency:{commune.pk}",
                    period=day.isoformat(),
                    title=_(
                        "%(commune)s: %(due)s company follow-ups due within %(days)s days, %(overdue)s overdue"
                    )
                    % {"commune": commune.name, "days": FOLLOW_UP_DUE_DAYS, **count},
                    body=_("Check again that the companies did what the last check asked of them."),
                    link=reverse("company_checks:follow_ups", args=[commune.pk]),
                )
            )
    return recorded
