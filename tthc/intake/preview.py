"""The intake section of a policy preview: on the day the new rules start, the procedures whose in-person
intake becomes allowed or refused, and at how many agencies, by the channel rule of clause 3.1
(district_intake_arrangements, five queries for the district) before the change and inside it."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directives.policy.preview import PreviewProvider, PreviewSection

from .selectors import district_intake_arrangements


def measure(scope) -> dict:
    """{procedure code: (name, {agency name open in person})} on the scope's day."""
    open_at: dict = {}
    for arrangements in district_intake_arrangements(scope.day):
        for row in arrangements.procedures:
            name, agencies = open_at.setdefault(row.procedure.code, (row.procedure.name, set()))
            if row.in_person:
                agencies.add(arrangements.agency.name)
    return open_at


def compare(before: dict, after: dict, scope) -> PreviewSection:
    refused, allowed = [], []
    for code in sorted(after):
        name, now = after[code]
        was = before.get(code, (name, set()))[1]
        if was - now:
            refused.append({"code": code, "name": name, "agencies": sorted(was - now)})
        if now - was:
            allowed.append({"code": code, "name": name, "agencies": sorted(now - was)})
    changed = len(refused) + len(allowed)
    summary = (
        ngettext(
            "%(n)s procedure changes its in-person intake.",
            "%(n)s procedures change their in-person intake.",
            changed,
        )
        % {"n": changed}
        if changed
        else _("In-person intake stays as it is for every procedure.")
    )
    return PreviewSection(
        key="intake",
        title=_("Intake: in-person intake of the procedures"),
        template="tthc/intake/preview_section.html",
        context={"refused": refused, "allowed": allowed, "day": scope.day},
        summary=summary,
        changes=changed,
    )


PROVIDER = PreviewProvider(key="intake", measure=measure, compare=compare)
