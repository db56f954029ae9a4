"""The petitions' section of the daily compliance report (clause 2, third dash of 2629/UBND: citizens
petition online while in-person reception is suspended): per agency, petitions received and answered on
the day, still unanswered, and past their due date."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directives.compliance.registry import Column, register_section, total_at_agencies

from .constants import UNANSWERED_STATUSES
from .models import Petition


def petition_rows(day: datetime.date) -> list[dict]:
    """One row per agency with a petition received or answered on the day, or unanswered, in one query."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    unanswered = Q(status__in=UNANSWERED_STATUSES, filed_at__lt=end)
    counts = (
        Petition.objects.values("agency__name")
        .annotate(
            received=Count("id", filter=Q(filed_at__gte=start, filed_at__lt=end)),
            answered=Count("id", filter=Q(answered_at__gte=start, answered_at__lt=end)),
            unanswered=Count("id", filter=unanswered),
            overdue=Count("id", filter=unanswered & Q(due_date__lt=day)),
        )
        .filter(Q(received__gt=0) | Q(answered__gt=0) | Q(unanswered__gt=0))
        .order_by("agency__name")
    )
    return [
        {
            "agency": row["agency__name"],
            "received": row["received"],
            "answered": row["answered"],
            "unanswered": row["unanswered"],
            "overdue": row["overdue"],
        }
        for row in counts
    ]


def register() -> None:
    register_section(
        "petitions",
        _("Citizens' petitions"),
        petition_rows,
        order=72,
        description=_(
            "Per agency: petitions received and answered on the day, those still unanswered and those past "
            "their due date."
        ),
        empty=_("No petition was received, answered or is waiting for an answer."),
        summary=total_at_agencies("overdue", _("overdue petitions")),
        columns=(
            Column("agency", _("Agency")),
            Column("received", _("Received on the day"), "number"),
            Column("answered", _("Answered on the day"), "number"),
            Column("unanswered", _("Unanswered"), "number"),
            Column("overdue", _("Overdue"), "number"),
        ),
    )
