"""Reads of the procedure catalogue and the urgent in-person list (clause 3.1 of 2629/UBND)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Subquery
from django.shortcuts import get_object_or_404

from directives.selectors import policy_in_force
from staffing.constants import AgencyKind
from staffing.models import Agency

from .constants import ONLINE_INTAKE_MIN_LEVEL, Channel, ProcedureLevel, UrgentListStatus
from .models import Procedure, UrgentList, UrgentListItem


def _published_in_force(day: datetime.date):
    """Published versions already in force on the day, the one in force first.

    A new version supersedes the previous one from its own effective date; two versions from the same
    date are settled by the higher version number.
    """
    return UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED, effective_from__lte=day).order_by(
        "-effective_from", "-version"
    )


def urgent_list_in_force(day: datetime.date) -> UrgentList | None:
    """The published version of the urgent list in force on the day, with its directive, or None."""
    return _published_in_force(day).select_related("directive").first()


def urgent_item_for(procedure, day: datetime.date) -> UrgentListItem | None:
    """The procedure's entry (with its conditions) on the list in force on the day, or None (one query)."""
    in_force = _published_in_force(day).values("pk")[:1]
    return (
        UrgentListItem.objects.select_related("urgent_list", "procedure")
        .filter(urgent_list=Subquery(in_force), procedure=procedure)
        .first()
    )


def urgent_list_items(urgent_list: UrgentList):
    return urgent_list.items.select_related("procedure").order_by("procedure__code")


def published_urgent_lists():
    return UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED).select_related("directive")


def previous_published_version(urgent_list: UrgentList) -> UrgentList | None:
    """The published version just before this one (by version number)."""
    return (
        UrgentList.objects.filter(status=UrgentListStatus.PUBLISHED, version__lt=urgent_list.version)
        .order_by("-version")
        .first()
    )


def urgent_list_diff(old: UrgentList | None, new: UrgentList) -> dict:
    """What `new` adds, removes and changes (conditions) compared with `old`: three lists of items."""
    new_items = {item.procedure_id: item for item in urgent_list_items(new)}
    old_items = {item.procedure_id: item for item in urgent_list_items(old)} if old else {}
    added = [item for pid, item in new_items.items() if pid not in old_items]
    removed = [item for pid, item in old_items.items() if pid not in new_items]
    changed = [
        (old_items[pid], item)
        for pid, item in new_items.items()
        if pid in old_items and old_items[pid].conditions != item.conditions
    ]
    return {"added": added, "removed": removed, "changed": changed}


def procedures_public():
    """The active catalogue, as the public and the API see it."""
    return Procedure.objects.filter(is_active=True).order_by("code")


def procedure_fields() -> list[str]:
    return list(
        procedures_public().exclude(field="").order_by("field").values_list("field", flat=True).distinct()
    )


# Intake arrangements (clause 4 of 2629/UBND) ------------------------------------------------------


def agency_handles(agency, procedure) -> bool:
    """Whether this agency handles the procedure: by the kinds the procedure names, else by its level.

    A procedure naming no agency kind is handled at its level: commune-level procedures by the communes
    and the township, district-level ones by the specialised offices.
    """
    if procedure.agency_kinds:
        return agency.kind in procedure.agency_kinds
    if agency.is_commune_level:
        return procedure.level in (ProcedureLevel.COMMUNE, ProcedureLevel.COMMUNE_AND_DISTRICT)
    if agency.kind == AgencyKind.SPECIALISED_OFFICE:
        return procedure.level in (ProcedureLevel.DISTRICT, ProcedureLevel.COMMUNE_AND_DISTRICT)
    return False


def procedures_for_agency(agency, procedures=None) -> list[Procedure]:
    """The active procedures this agency handles (see agency_handles)."""
    if procedures is None:
        procedures = procedures_public()
    return [p for p in procedures if agency_handles(agency, p)]


def channels_open(procedure, *, restricted: bool, urgent_item) -> dict[str, bool]:
    """Which channels receive this procedure (clause 3.1 of 2629/UBND): online for online public services of
    level 3 or 4, by public post where the procedure accepts it, in person unless the policy restricts
    in-person intake and the procedure is not on the urgent list in force."""
    return {
        Channel.ONLINE: procedure.online_level >= ONLINE_INTAKE_MIN_LEVEL,
        Channel.POSTAL: procedure.postal_intake_accepted,
        Channel.IN_PERSON: not restricted or urgent_item is not None,
    }


@dataclass(frozen=True)
class ProcedureChannels:
    procedure: Procedure
    online: bool
    postal: bool
    in_person: bool
    urgent_item: UrgentListItem | None


@dataclass(frozen=True)
class IntakeArrangements:
    agency: object
    day: datetime.date
    policy: object  # directives.models.WorkModePolicy or None: normal operations
    urgent_list: UrgentList | None
    procedures: list[ProcedureChannels]
    channels: dict = field(default_factory=dict)  # Channel value -> number of procedures open on it

    @property
    def in_person_restricted(self) -> bool:
        return bool(self.policy and self.policy.in_person_intake_restricted)

    @property
    def citizen_reception_suspended(self) -> bool:
        return bool(self.policy and self.policy.citizen_reception_suspended)

    @property
    def inspections_restricted(self) -> bool:
        return bool(self.policy and self.policy.inspections_restricted)

    @property
    def free_postal_return(self) -> bool:
        return bool(self.policy and self.policy.free_postal_return)

    @property
    def hotline(self) -> str:
        return self.agency.phone

    @property
    def email(self) -> str:
        return self.agency.email


def intake_arrangements(agency, day: datetime.date) -> IntakeArrangements:
    """How the agency receives dossiers on the day, all derived from the policy in force (clause 3.1).

    Three queries whatever the size of the catalogue: the policy, the list in force, the procedures.
    """
    policy = policy_in_force(agency=agency, day=day)
    restricted = bool(policy and policy.in_person_intake_restricted)
    urgent_list = urgent_list_in_force(day)
    items = {}
    if urgent_list is not None:
        items = {item.procedure_id: item for item in urgent_list.items.all()}
    rows = []
    counts = dict.fromkeys(Channel.values, 0)
    for procedure in procedures_for_agency(agency):
        item = items.get(procedure.pk)
        open_on = channels_open(procedure, restricted=restricted, urgent_item=item)
        row = ProcedureChannels(
            procedure=procedure,
            online=open_on[Channel.ONLINE],
            postal=open_on[Channel.POSTAL],
            in_person=open_on[Channel.IN_PERSON],
            urgent_item=item,
        )
        counts[Channel.ONLINE] += row.online
        counts[Channel.POSTAL] += row.postal
        counts[Channel.IN_PERSON] += row.in_person
        rows.append(row)
    return IntakeArrangements(
        agency=agency, day=day, policy=policy, urgent_list=urgent_list, procedures=rows, channels=counts
    )


def public_agencies():
    return Agency.objects.active().order_by("kind", "name")


def get_public_agency(pk) -> Agency:
    return get_object_or_404(public_agencies(), pk=pk)
