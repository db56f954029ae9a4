"""The companies' section of the daily compliance report (clause 5 of 2629/UBND): per commune, operating
companies, their workforce and the share of employees working online."""

import datetime

from django.utils.translation import gettext_lazy as _

from directives.compliance.registry import Column, register_section
from staffing.registry.models import Agency

from .selectors import online_share_by_commune


def commune_rows(day: datetime.date) -> list[dict]:
    """One row per commune with operating companies, ordered by name (two queries)."""
    figures = online_share_by_commune()
    names = dict(Agency.objects.filter(pk__in=figures).values_list("pk", "name"))
    rows = [
        {
            "commune": names[commune_id],
            "companies": row["companies"],
            "workforce": row["workforce"],
            "online": row["online"],
            "percent": f"{row['percent']}%" if row["percent"] is not None else None,
        }
        for commune_id, row in figures.items()
    ]
    return sorted(rows, key=lambda row: row["commune"])


def _summary(rows: list[dict]) -> str:
    return _("%(companies)s companies in %(communes)s communes") % {
        "companies": sum(row["companies"] for row in rows),
        "communes": len(rows),
    }


def register() -> None:
    register_section(
        "companies_per_commune",
        _("Companies per commune"),
        commune_rows,
        order=80,
        description=_(
            "Operating companies of each commune, their workforce and the employees working online."
        ),
        empty=_("No company is registered."),
        summary=_summary,
        columns=(
            Column("commune", _("Commune")),
            Column("companies", _("Companies"), "number"),
            Column("workforce", _("Workforce"), "number"),
            Column("online", _("Working online"), "number"),
            Column("percent", _("Share online")),
        ),
    )
