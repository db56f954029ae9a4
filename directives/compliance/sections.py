"""The report's own opening section: the work-mode policy in force on the day (it informs; it lists nothing to
correct, see `registry.INFORMATIVE_SECTIONS`)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from staffing.registry.constants import AgencyKind

from .registry import Column, next_working_day, policies_by_kind, register_section


class PolicyMeasure(models.TextChoices):
    CITIZEN_RECEPTION_SUSPENDED = "citizen_reception_suspended", _("in-person citizen reception suspended")
    INSPECTIONS_RESTRICTED = "inspections_restricted", _("inspections restricted")
    IN_PERSON_INTAKE_RESTRICTED = (
        "in_person_intake_restricted",
        _("in-person intake only for the urgent list"),
    )
    FREE_POSTAL_RETURN = "free_postal_return", _("free postal return")


def policy_rows(day: datetime.date) -> list[dict]:
    """One row per policy in force on the day, with the agency kinds it governs (an empty list when it governs
    them all; kinds under no policy get a row of their own), and the same for the next working day when the
    policies change by then."""
    rows, previous = [], None
    for when in (day, next_working_day(day)):
        by_kind = policies_by_kind(when)
        if by_kind == previous:
            break  # the next working day keeps the same policies: one row says it
        previous = by_kind
        groups: dict = {}
        for kind, policy in by_kind.items():
            groups.setdefault(policy.pk if policy else None, (policy, []))[1].append(kind)
        for policy, kinds in groups.values():
            row = {"day": when.isoformat(), "kinds": [] if len(groups) == 1 else kinds}
            if policy is None:
                row["directive"] = None
            else:
                row.update(
                    directive=policy.directive.number,
                    ratio=policy.ratio_display,
                    effective_from=policy.effective_from.isoformat(),
                    effective_until=policy.effective_until.isoformat() if policy.effective_until else None,
                    measures=[measure for measure in PolicyMeasure.values if getattr(policy, measure)],
                )
            rows.append(row)
    return rows


def register() -> None:
    register_section(
        "policy_in_force",
        _("Policy in force"),
        policy_rows,
        order=10,
        description=_(
            "The work-mode policy of the directives in force on the day, and on the next working day when it "
            "changes by then."
        ),
        columns=(
            Column("day", _("Day"), "date"),
            Column("directive", _("Document"), empty=_("none: normal operations, no cap")),
            Column("ratio", _("Work-from-home share")),
            Column("effective_from", _("Effective from"), "date"),
            Column("effective_until", _("Effective until"), "date", empty=_("until further notice")),
            Column("kinds", _("Agency kinds"), "list", choices=AgencyKind, empty=_("every kind")),
            Column("measures", _("Measures"), "list", choices=PolicyMeasure),
        ),
    )
