"""The inspection sections of the daily compliance report (clause 2, third dash of 2629/UBND): teams per
agency, teams to suspend while the policy restricts inspections, and necessary teams above its limit."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from directives.compliance.registry import (
    Column,
    agencies_only,
    policies_by_kind,
    register_section,
    total_at_agencies,
)

from .constants import RUNNING_STATUSES, Necessity, TeamStatus
from .models import InspectionTeam


def _restricting_policies(day: datetime.date) -> dict:
    """{agency kind: policy} of the policies in force on the day that restrict inspections (one query)."""
    return {
        kind: policy
        for kind, policy in policies_by_kind(day).items()
        if policy is not None and policy.inspections_restricted
    }


def team_count_rows(day: datetime.date) -> list[dict]:
    """Per agency with a planned, active or suspended team: how many of each, in one aggregate query."""
    counts = (
        InspectionTeam.objects.filter(status__in=(*RUNNING_STATUSES, TeamStatus.SUSPENDED))
        .values("agency__name")
        .annotate(
            planned=Count("id", filter=Q(status=TeamStatus.PLANNED)),
            active=Count("id", filter=Q(status=TeamStatus.ACTIVE)),
            suspended=Count("id", filter=Q(status=TeamStatus.SUSPENDED)),
        )
        .order_by("agency__name")
    )
    return [
        {
            "agency": row["agency__name"],
            "planned": row["planned"],
            "active": row["active"],
            "suspended": row["suspended"],
        }
        for row in counts
    ]


def _running_teams(kinds, **filters):
    return (
        InspectionTeam.objects.filter(status__in=RUNNING_STATUSES, agency__kind__in=kinds, **filters)
        .select_related("agency")
        .annotate(
            staff_count=Count("participants", distinct=True), outsider_count=Count("outsiders", distinct=True)
        )
        .order_by("agency__name", "planned_start", "pk")
    )


def _team_row(team) -> dict:
    return {
        "agency": team.agency.name,
        "decision": team.decision_number,
        "subject": team.subject,
        "status": team.status,
        "planned_start": team.planned_start.isoformat(),
        "participants": team.staff_count + team.outsider_count,
    }


def to_suspend_rows(day: datetime.date) -> list[dict]:
    """Teams not marked necessary, planned or running, at agencies whose policy restricts inspections."""
    policies = _restricting_policies(day)
    if not policies:
        return []
    return [_team_row(team) for team in _running_teams(list(policies), necessity=Necessity.NOT_NECESSARY)]


def over_limit_rows(day: datetime.date) -> list[dict]:
    """Necessary teams, planned or running, with more participants than the policy in force allows."""
    policies = {
        kind: policy
        for kind, policy in _restricting_policies(day).items()
        if policy.inspection_max_participants
    }
    rows = []
    for team in _running_teams(list(policies), necessity=Necessity.NECESSARY):
        maximum = policies[team.agency.kind].inspection_max_participants
        if team.staff_count + team.outsider_count > maximum:
            rows.append({**_team_row(team), "maximum": maximum})
    return rows


def register() -> None:
    team_columns = (
        Column("agency", _("Agency")),
        Column("decision", _("Decision number")),
        Column("subject", _("Subject")),
        Column("status", _("Status"), choices=TeamStatus),
        Column("planned_start", _("Planned start"), "date"),
        Column("participants", _("Participants"), "number"),
    )
    register_section(
        "inspection_teams",
        _("Inspection teams per agency"),
        team_count_rows,
        order=75,
        description=_("Planned, active and suspended inspection and check teams, per agency."),
        empty=_("No agency has a planned, active or suspended team."),
        summary=agencies_only,
        columns=(
            Column("agency", _("Agency")),
            Column("planned", _("Planned"), "number"),
            Column("active", _("Active"), "number"),
            Column("suspended", _("Suspended"), "number"),
        ),
    )
    register_section(
        "inspection_teams_to_suspend",
        _("Inspection teams to suspend"),
        to_suspend_rows,
        order=76,
        description=_(
            "Teams not marked necessary that are planned or running while the policy in force restricts "
            "inspections."
        ),
        empty=_("No team has to be suspended."),
        summary=total_at_agencies("", _("teams")),
        columns=team_columns,
    )
    register_section(
        "inspection_teams_over_limit",
        _("Necessary teams above the participant limit"),
        over_limit_rows,
        order=77,
        description=_("Necessary teams with more participants than the policy in force allows."),
        empty=_("Every necessary team is within the participant limit."),
        summary=total_at_agencies("", _("teams")),
        columns=(*team_columns, Column("maximum", _("Maximum"), "number")),
    )
