"""The dossier sections of the daily compliance report: overdue dossiers and special, urgent in-person
intakes (clause 3.1 b of 2629/UBND)."""

import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directives.compliance.figures import register_figures
from directives.compliance.registry import Column, register_section, total_at_agencies
from tthc.intake.constants import Channel

from .constants import OPEN_DOSSIER_STATUSES
from .models import Dossier


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )


def overdue_dossier_rows(day: datetime.date) -> list[dict]:
    """Per agency: open dossiers past their appointment date on the day, in one aggregate query."""
    overdue = Q(due_date__lt=day)
    counts = (
        Dossier.objects.filter(status__in=OPEN_DOSSIER_STATUSES)
        .values("agency__name")
        .annotate(
            overdue=Count("id", filter=overdue),
            open=Count("id"),
            oldest_due=Min("due_date", filter=overdue),
        )
        .filter(overdue__gt=0)
        .order_by("agency__name")
    )
    return [
        {
            "agency": row["agency__name"],
            "overdue": row["overdue"],
            "open": row["open"],
            "oldest_due": row["oldest_due"].isoformat(),
        }
        for row in counts
    ]


def special_case_rows(day: datetime.date) -> list[dict]:
    """Dossiers received in person on the day as special, urgent cases off the urgent list (clause 3.1 b)."""
    start, end = _day_bounds(day)
    dossiers = (
        Dossier.objects.filter(channel=Channel.IN_PERSON, received_at__gte=start, received_at__lt=end)
        .exclude(special_case_reason="")
        .select_related("agency", "procedure")
        .order_by("agency__name", "received_at", "id")
    )
    return [
        {
            "agency": dossier.agency.name,
            "code": dossier.code,
            "received": timezone.localtime(dossier.received_at).strftime("%H:%M"),
            "procedure": f"{dossier.procedure.code} – {dossier.procedure.name}",
            "reason": dossier.special_case_reason,
        }
        for dossier in dossiers
    ]


def dossier_figures(day: datetime.date) -> dict:
    """The district's dossiers of the day: received per channel, special cases in person, and open dossiers
    past their appointment date, in two aggregate queries."""
    start, end = _day_bounds(day)
    received = Dossier.objects.filter(received_at__gte=start, received_at__lt=end).aggregate(
        **{f"dossiers_{channel}": Count("id", filter=Q(channel=channel)) for channel in Channel.values},
        special_cases=Count("id", filter=Q(channel=Channel.IN_PERSON) & ~Q(special_case_reason="")),
    )
    overdue = Dossier.objects.filter(status__in=OPEN_DOSSIER_STATUSES, due_date__lt=day).count()
    return {**received, "dossiers_overdue": overdue}


def register() -> None:
    register_figures("dossiers", dossier_figures)
    register_section(
        "dossiers_overdue",
        _("Overdue dossiers"),
        overdue_dossier_rows,
        order=60,
        description=_("Open dossiers past their appointment date, per agency."),
        empty=_("No dossier is overdue."),
        summary=total_at_agencies("overdue", _("overdue dossiers")),
        columns=(
            Column("agency", _("Agency")),
            Column("overdue", _("Overdue"), "number"),
            Column("open", _("Open"), "number"),
            Column("oldest_due", _("Oldest appointment date"), "date"),
        ),
    )
    register_section(
        "special_cases",
        _("Special, urgent cases received in person"),
        special_case_rows,
        order=70,
        description=_(
            "Dossiers of procedures off the urgent list received in person on the day (clause 3.1 b)."
        ),
        empty=_("No special case was received in person on the day."),
        summary=total_at_agencies("", _("dossiers")),
        columns=(
            Column("agency", _("Agency")),
            Column("code", _("Dossier code")),
            Column("received", _("Received at")),
            Column("procedure", _("Procedure")),
            Column("reason", _("Reason")),
        ),
    )
