"""The citizen-reception section of a policy preview: the agencies whose in-person reception is suspended
or resumes on the day the new rules start (two queries: the policies by kind, the agencies)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directives.policy.preview import PreviewProvider, PreviewSection
from directives.policy.selectors import policies_in_force_by_kind
from staffing.registry.models import Agency


def measure(scope) -> dict:
    policies = policies_in_force_by_kind(day=scope.day)
    return {
        agency.pk: (agency.name, bool((p := policies.get(agency.kind)) and p.citizen_reception_suspended))
        for agency in Agency.objects.active().order_by("name")
    }


def compare(before: dict, after: dict, scope) -> PreviewSection:
    suspended = [name for pk, (name, now) in after.items() if now and not before.get(pk, (name, False))[1]]
    resumed = [name for pk, (name, now) in after.items() if not now and before.get(pk, (name, False))[1]]
    changed = len(suspended) + len(resumed)
    summary = (
        ngettext(
            "Citizen reception changes at %(n)s agency.",
            "Citizen reception changes at %(n)s agencies.",
            changed,
        )
        % {"n": changed}
        if changed
        else _("Citizen reception stays as it is at every agency.")
    )
    return PreviewSection(
        key="reception",
        title=_("Citizen reception"),
        template="tthc/reception/preview_section.html",
        context={"suspended": suspended, "resumed": resumed},
        summary=summary,
        changes=changed,
    )


PROVIDER = PreviewProvider(key="reception", measure=measure, compare=compare)
