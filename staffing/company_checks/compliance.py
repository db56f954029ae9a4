"""The company checks' section of the daily compliance report (clause 5 of 2629/UBND): per commune, the
outcome of each company's latest check and the follow-ups past their date."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from directives.compliance.registry import Column, register_section
from staffing.registry.models import Agency

from .constants import Outcome
from .models import CompanyCheck
from .selectors import open_follow_ups_q


def check_rows(day: datetime.date) -> list[dict]:
    """One row per commune with a check up to the day: latest outcomes and overdue follow-ups (three queries)."""
    up_to_day = CompanyCheck.objects.filter(checked_on__lte=day)
    later = up_to_day.filter(company=OuterRef("company")).filter(
        Q(checked_on__gt=OuterRef("checked_on")) | Q(checked_on=OuterRef("checked_on"), pk__gt=OuterRef("pk"))
    )
    outcomes = (
        up_to_day.exclude(Exists(later))
        .order_by()
        .values("commune_id")
        .annotate(
            checked=Count("company", distinct=True),
            **{outcome: Count("id", filter=Q(outcome=outcome)) for outcome in Outcome.values},
        )
    )
    overdue = dict(
        up_to_day.filter(open_follow_ups_q(), follow_up_on__lt=day)
        .order_by()
        .values("commune_id")
        .annotate(n=Count("id"))
        .values_list("commune_id", "n")
    )
    by_commune = {row.pop("commune_id"): row for row in outcomes}
    names = dict(Agency.objects.filter(pk__in=by_commune).values_list("pk", "name"))
    rows = [
        {"commune": names[commune_id], **row, "follow_ups_overdue": overdue.get(commune_id, 0)}
        for commune_id, row in by_commune.items()
    ]
    return sorted(rows, key=lambda row: row["commune"])


def _summary(rows: list[dict]) -> str:
    return _("%(overdue)s overdue follow-ups in %(communes)s communes") % {
        "overdue": sum(row["follow_ups_overdue"] for row in rows),
        "communes": len(rows),
    }


def register() -> None:
    register_section(
        "company_checks",
        _("Checks of companies per commune"),
        check_rows,
        order=85,
        description=_(
            "Companies checked, the outcome of each company's latest check and follow-ups past their date."
        ),
        empty=_("No company has been checked."),
        summary=_summary,
        columns=(
            Column("commune", _("Commune")),
            Column("checked", _("Companies checked"), "number"),
            Column(Outcome.PASSED, Outcome.PASSED.label, "number"),
            Column(Outcome.REMEDY, Outcome.REMEDY.label, "number"),
            Column(Outcome.VIOLATION, Outcome.VIOLATION.label, "number"),
            Column("follow_ups_overdue", _("Follow-ups overdue"), "number"),
        ),
    )
