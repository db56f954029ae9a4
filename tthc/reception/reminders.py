"""The 07:45 notice to heads of the petitions of their agency due by the next working day or overdue
(citizens are answered by the due date the district office set)."""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import AGENCY_MANAGER_ROLES
from staffing.registry.selectors import users_by_agency
from tthc.calendar.working_days import add_working_days, is_working_day

from .constants import UNANSWERED_STATUSES
from .models import Petition


def petitions_due_notify(*, day: datetime.date) -> int:
    """On a working day, tell the heads and commune chairmen of each agency how many unanswered petitions
    are due by the next working day and how many are overdue (one notice per person, agency and day)."""
    if not is_working_day(day):
        return 0
    due_by = add_working_days(day, 1)
    rows = list(
        Petition.objects.filter(status__in=UNANSWERED_STATUSES, due_date__lte=due_by)
        .exclude(due_date=day)
        .values("agency_id", "agency__name")
        .annotate(
            overdue=Count("pk", filter=Q(due_date__lt=day)), due=Count("pk", filter=Q(due_date__gt=day))
        )
        .order_by("agency__name")
    )
    managers = users_by_agency(agency_ids=[row["agency_id"] for row in rows], roles=AGENCY_MANAGER_ROLES)
    recorded = 0
    with translation.override(settings.LANGUAGE_CODE):
        for row in rows:
            values = {
                "agency": row["agency__name"],
                "due": row["due"],
                "overdue": row["overdue"],
                "day": due_by.strftime("%d/%m/%Y"),
            }
            recorded += len(
                notify(
                    recipients=managers.get(row["agency_id"], []),
                    kind=NotificationKind.PETITIONS_DUE,
                    subject=f"agency:{row['agency_id']}",
                    period=day.isoformat(),
                    title=_("%(agency)s: %(due)s petitions due by %(day)s, %(overdue)s overdue") % values,
                    body=_("Assign each petition and answer the citizen by its due date."),
                    link=reverse("tthc:petition-list", args=[row["agency_id"]]),
                )
            )
    return recorded
