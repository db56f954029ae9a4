"""The clause 3.2 section of a policy preview: the open dossiers that the new cut-off would cover on the
day the rules start (pre_cutoff_dossiers, the notices page's own selector), that is the notices to send."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directives.policy.preview import PreviewProvider, PreviewSection

from .selectors import pre_cutoff_dossiers

SHOWN = 50


def measure(scope) -> dict:
    return {
        dossier.pk: (dossier.code, dossier.agency.name, dossier.received_at, dossier.notice_sent)
        for dossier in pre_cutoff_dossiers(today=scope.day)
    }


def compare(before: dict, after: dict, scope) -> PreviewSection:
    added = [
        {"code": code, "agency": agency, "received_at": received_at, "notice_sent": sent}
        for pk, (code, agency, received_at, sent) in after.items()
        if pk not in before
    ]
    dropped = [pk for pk in before if pk not in after]
    to_send = sum(1 for row in added if not row["notice_sent"])
    per_agency: dict = {}
    for row in added:
        per_agency[row["agency"]] = per_agency.get(row["agency"], 0) + 1
    summary = (
        ngettext(
            "%(n)s more open dossier falls under the cut-off: %(send)s clause 3.2 notice(s) to send.",
            "%(n)s more open dossiers fall under the cut-off: %(send)s clause 3.2 notice(s) to send.",
            len(added),
        )
        % {"n": len(added), "send": to_send}
        if added
        else _("The cut-off covers no more open dossier.")
    )
    return PreviewSection(
        key="dossiers",
        title=_("Dossiers received before the cut-off (clause 3.2)"),
        template="tthc/dossiers/preview_section.html",
        context={
            "added": added[:SHOWN],
            "more": max(len(added) - SHOWN, 0),
            "per_agency": sorted(per_agency.items()),
            "dropped": len(dropped),
            "notices_url": reverse("tthc:dossier-cutoff"),
        },
        summary=summary,
        changes=len(added) + len(dropped),
    )


PROVIDER = PreviewProvider(key="dossiers", measure=measure, compare=compare)
