"""The inspections section of a policy preview: on the day the new rules start, the planned or running
teams that would have to be suspended (not necessary while inspections are restricted) or that are over a
new participant cap, district-wide in two queries (the policies by kind, the teams with their counts)."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directives.policy.preview import PreviewProvider, PreviewSection
from directives.policy.selectors import policies_in_force_by_kind

from .constants import RUNNING_STATUSES
from .models import InspectionTeam
from .selectors import SUSPENDABLE, teams_to_suspend_by_agency

SUSPEND, OVER_CAP = "suspend", "over_cap"


def measure(scope) -> dict:
    """The teams to suspend by the reminder's own rule (teams_to_suspend_by_agency), and the necessary ones
    over the participant cap of the policy in force on the day."""
    found = {
        team.pk: (agency.name, team.subject, SUSPEND, None, None)
        for agency, teams in teams_to_suspend_by_agency(day=scope.day)
        for team in teams
    }
    policies = policies_in_force_by_kind(day=scope.day)
    necessary = (
        InspectionTeam.objects.filter(status__in=RUNNING_STATUSES)
        .exclude(SUSPENDABLE)
        .select_related("agency")
        .annotate(staff=Count("participants", distinct=True), outside=Count("outsiders", distinct=True))
        .order_by("agency__name", "planned_start", "pk")
    )
    for team in necessary:
        policy = policies.get(team.agency.kind)
        cap = (
            policy.inspection_max_participants
            if policy is not None and policy.inspections_restricted
            else None
        )
        people = team.staff + team.outside
        if cap and people > cap:
            found[team.pk] = (
                team.agency.name,
                team.subject,
                OVER_CAP,
                people,
                policy.inspection_max_participants,
            )
    return found


def compare(before: dict, after: dict, scope) -> PreviewSection:
    rows = [
        {
            "agency": agency,
            "subject": subject,
            "reason": reason,
            "people": people,
            "cap": cap,
            "new": pk not in before,
        }
        for pk, (agency, subject, reason, people, cap) in after.items()
    ]
    freed = [{"agency": before[pk][0], "subject": before[pk][1]} for pk in before if pk not in after]
    new = sum(1 for row in rows if row["new"])
    summary = (
        ngettext(
            "%(n)s inspection team to suspend or to reduce.",
            "%(n)s inspection teams to suspend or to reduce.",
            len(rows),
        )
        % {"n": len(rows)}
        if rows
        else _("No inspection team has to be suspended or reduced.")
    )
    return PreviewSection(
        key="inspections",
        title=_("Inspection teams"),
        template="staffing/inspections/preview_section.html",
        context={"rows": rows, "freed": freed, "suspend": SUSPEND},
        summary=summary,
        changes=new + len(freed),
    )


PROVIDER = PreviewProvider(key="inspections", measure=measure, compare=compare)
