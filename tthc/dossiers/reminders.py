"""The 07:45 notice to one-stop officers of the open dossiers of their agency due by the next working day or
overdue (decree 61/2018: the result is returned by the appointment date)."""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from staffing.notifications.constants import NotificationKind
from staffing.notifications.services import notify
from staffing.registry.constants import Role
from staffing.registry.selectors import users_by_agency
from tthc.calendar.working_days import add_working_days, is_working_day

from .constants import OPEN_DOSSIER_STATUSES
from .models import Dossier


def dossiers_due_notify(*, day: datetime.date) -> int:
    """On a working day, tell each agency's one-stop officers how many of its open dossiers are due by the
    next working day and how many are overdue (one notice per officer, agency and day); returns how many."""
    if not is_working_day(day):
        return 0
    due_by = add_working_days(day, 1)
    rows = (
        Dossier.objects.filter(status__in=OPEN_DOSSIER_STATUSES, due_date__lte=due_by)
        .exclude(due_date=day)
        .values("agency_id", "agency__name")
        .annotate(
            overdue=Count("pk", filter=Q(due_date__lt=day)), due=Count("pk", filter=Q(due_date__gt=day))
        )
        .order_by("agency__name")
    )
    rows = list(rows)
    officers = users_by_agency(agency_ids=[row["agency_id"] for row in rows], roles=[Role.ONE_STOP_OFFICER])
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
                    recipients=officers.get(row["agency_id"], []),
                    kind=NotificationKind.DOSSIERS_DUE,
                    subject=f"agency:{row['agency_id']}",
                    period=day.isoformat(),
                    title=_("%(agency)s: %(due)s dossiers due by %(day)s, %(overdue)s overdue") % values,
                    body=_(
                        "Return the results by their appointment dates; for an overdue dossier, send the "
                        "applicant a written apology with a new date."
                    ),
                    link=reverse("tthc:dossier-list", args=[row["agency_id"]]),
                )
            )
    return recorded
