"""The intake channel rule of clause 3.1 of 2629/UBND, in one place.

- 3.1 a: online intake for online public services of level 3 or 4; by public post where the procedure
  accepts it;
- 3.1 b: while the policy in force restricts in-person intake, in person only for the procedures on the
  urgent list in force that day, or as a recorded special, urgent case.

The intake service (tthc.dossiers.receive), the channel hint of the intake form and each agency's
published arrangements (tthc.intake.selectors) all read the channels from here.
"""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from directives.policy.selectors import policy_in_force
from tthc.urgent_lists.selectors import urgent_item_for

from .constants import ONLINE_INTAKE_MIN_LEVEL, Channel


def in_person_restricted(policy) -> bool:
    """Whether the policy in force (None: normal operations) restricts in-person intake (clause 3.1 b)."""
    return bool(policy and policy.in_person_intake_restricted)


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
class ChannelRule:
    channel: str
    is_open: bool
    special_case_only: bool = False
    refusal: str = ""

    @property
    def label(self) -> str:
        return Channel(self.channel).label


@dataclass(frozen=True)
class IntakeRules:
    """Which channels may receive a dossier of this procedure at this agency on this day, and why."""

    day: datetime.date
    policy: object
    urgent_item: object
    channels: dict

    def open_channels_text(self) -> str:
        parts = []
        for rule in self.channels.values():
            if rule.is_open:
                parts.append(str(rule.label).lower())
            elif rule.special_case_only:
                parts.append(_("in person only as a recorded special, urgent case"))
        return ", ".join(parts) if parts else _("none")


def _refusals(*, procedure, policy, day: datetime.date) -> dict[str, str]:
    """Why each channel would be closed: what the officer (or the API client) is told."""
    refusals = {
        Channel.ONLINE: _(
            "This procedure is an online public service of level %(level)s only; online intake needs "
            "level %(min)s or higher."
        )
        % {"level": procedure.online_level, "min": ONLINE_INTAKE_MIN_LEVEL},
        Channel.POSTAL: _("This procedure is not received through the public postal service."),
    }
    if in_person_restricted(policy):
        refusals[Channel.IN_PERSON] = _(
            "In-person intake is restricted by %(citation)s: this procedure is not on "
            "the list of special, urgent procedures received in person in force on %(day)s. "
            "To receive it in person, record the special, urgent case and its reason."
        ) % {"citation": policy.intake_citation, "day": date_format(day, "SHORT_DATE_FORMAT")}
    return refusals


def intake_rules(*, agency, procedure, day: datetime.date) -> IntakeRules:
    """The channels open for this procedure at this agency on this day under the policy in force."""
    policy = policy_in_force(agency=agency, day=day)
    restricted = in_person_restricted(policy)
    urgent_item = urgent_item_for(procedure, day) if restricted else None
    open_on = channels_open(procedure, restricted=restricted, urgent_item=urgent_item)
    refusals = _refusals(procedure=procedure, policy=policy, day=day)
    channels = {
        channel: ChannelRule(
            channel,
            is_open,
            # Clause 3.1 b: a closed in-person channel still opens for a recorded special, urgent case.
            special_case_only=channel == Channel.IN_PERSON and not is_open,
            refusal="" if is_open else refusals[channel],
        )
        for channel, is_open in open_on.items()
    }
    return IntakeRules(day=day, policy=policy, urgent_item=urgent_item, channels=channels)
