"""The obligations' section of the daily compliance report: overdue obligations per agency."""

import datetime

from django.utils.translation import gettext_lazy as _

from directives.compliance.registry import Column, register_section, total_at_agencies
from staffing.registry.models import Agency

from .constants import ObligationState
from .selectors import active_obligations, obligation_cells


def overdue_obligation_rows(day: datetime.date) -> list[dict]:
    """Per agency, the obligations of published directives in the overdue state on the day (not done, not
    closed or waived), read in a fixed number of queries."""
    obligations = list(active_obligations().filter(due_on__lt=day))
    if not obligations:
        return []
    agencies = list(Agency.objects.active().order_by("name"))
    late: dict = {}
    for cell in obligation_cells(obligations=obligations, agencies=agencies, today=day):
        if cell.state == ObligationState.OVERDUE:
            late.setdefault(cell.agency.pk, []).append(cell.obligation)
    return [
        {
            "agency": agency.name,
            "overdue": len(late[agency.pk]),
            "oldest_due": min(o.due_on for o in late[agency.pk]).isoformat(),
            "obligations": [f"{o.title} ({o.clause.document.number})" for o in late[agency.pk]],
        }
        for agency in agencies
        if agency.pk in late
    ]


def register() -> None:
    register_section(
        "obligations_overdue",
        _("Overdue obligations"),
        overdue_obligation_rows,
        order=50,
        description=_("Obligations from directives past their due date and not marked done, per agency."),
        empty=_("No agency has an overdue obligation."),
        summary=total_at_agencies("overdue", _("overdue obligations")),
        columns=(
            Column("agency", _("Agency")),
            Column("overdue", _("Overdue"), "number"),
            Column("oldest_due", _("Oldest due date"), "date"),
            Column("obligations", _("Obligations"), "list"),
        ),
    )
