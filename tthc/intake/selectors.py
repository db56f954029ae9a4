"""Each agency's intake arrangements on a day, as clause 4 of 2629/UBND asks it to publish them: the
channels of the clause 3.1 rule (tthc.intake.rules) for every procedure it handles."""

import datetime
from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404

from directives.policy.selectors import policies_in_force_by_kind, policy_in_force
from staffing.registry.models import Agency
from tthc.catalogue.models import Procedure
from tthc.catalogue.selectors import procedures_for_agency, procedures_public
from tthc.urgent_lists.models import UrgentList, UrgentListItem
from tthc.urgent_lists.selectors import urgent_list_in_force

from .constants import Channel
from .rules import channels_open, in_person_restricted


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
        return in_person_restricted(self.policy)

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


def _channels_of(agency, procedures, *, restricted: bool, items: dict) -> tuple[list, dict]:
    """The channel rule applied to every procedure the agency handles: its rows and the count per channel."""
    rows = []
    counts = dict.fromkeys(Channel.values, 0)
    for procedure in procedures_for_agency(agency, procedures):
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
    return rows, counts


def _urgent_items(urgent_list) -> dict:
    return {item.procedure_id: item for item in urgent_list.items.all()} if urgent_list is not None else {}


def intake_arrangements(agency, day: datetime.date) -> IntakeArrangements:
    """How the agency receives dossiers on the day, all derived from the policy in force (clause 3.1) through
    the channel rule of tthc.intake.rules.

    Three queries whatever the size of the catalogue: the policy, the list in force, the procedures.
    """
    policy = policy_in_force(agency=agency, day=day)
    urgent_list = urgent_list_in_force(day)
    rows, counts = _channels_of(
        agency, None, restricted=in_person_restricted(policy), items=_urgent_items(urgent_list)
    )
    return IntakeArrangements(
        agency=agency, day=day, policy=policy, urgent_list=urgent_list, procedures=rows, channels=counts
    )


def district_intake_arrangements(day: datetime.date) -> list[IntakeArrangements]:
    """Every active agency's arrangements on the day (the open data), in five queries whatever the number of
    agencies: the agencies, the policies by kind, the list in force and its items, the catalogue."""
    policies = policies_in_force_by_kind(day=day)
    urgent_list = urgent_list_in_force(day)
    items = _urgent_items(urgent_list)
    procedures = list(procedures_public())
    arrangements = []
    for agency in public_agencies():
        policy = policies.get(agency.kind)
        rows, counts = _channels_of(agency, procedures, restricted=in_person_restricted(policy), items=items)
        arrangements.append(
            IntakeArrangements(
                agency=agency,
                day=day,
                policy=policy,
                urgent_list=urgent_list,
                procedures=rows,
                channels=counts,
            )
        )
    return arrangements


def public_agencies():
    return Agency.objects.active().order_by("kind", "name")


def get_public_agency(pk) -> Agency:
    return get_object_or_404(public_agencies(), pk=pk)
