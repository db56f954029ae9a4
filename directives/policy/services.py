"""The one write of the policy: set (create or change) the work-mode policy a published directive carries."""

import contextlib
import contextvars
import datetime
import math
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from directives.documents.models import Document
from directives.documents.services import by_user, document_publish
from staffing.registry.constants import AgencyKind, DutyGroup

from .models import RULES, WorkModePolicy


def _clause_errors(directive: Document, clauses: dict) -> dict:
    """Each rule cites a clause of its own directive, never another document's."""
    errors = {}
    for rule, clause in clauses.items():
        if rule not in RULES:
            raise ValueError(rule)
        if clause is not None and clause.document_id != directive.pk:
            errors[f"{rule}_clause"] = ValidationError(
                _("Choose a clause of %(number)s.") % {"number": directive.number},
                code="clause_of_another_document",
            )
    return errors


def _check_published(directive: Document) -> None:
    """A draft may carry its policy before it is published (it applies only once the document is); a revoked
    directive carries none any more."""
    if not (directive.is_published or directive.is_draft):
        raise ValidationError(
            _("Only a draft or published directive carries a policy; %(number)s is %(status)s.")
            % {"number": directive.number, "status": directive.get_status_display().lower()},
            code="directive_not_published",
        )


def _share_errors(numerator: int | None, denominator: int | None) -> dict[str, str]:
    """Clause 2's share of staff working from home: a fraction no larger than the whole."""
    if denominator is None or denominator < 1:
        return {"remote_cap_denominator": _("The denominator of the share must be at least 1.")}
    if numerator is None or numerator < 0:
        return {"remote_cap_numerator": _("The numerator of the share cannot be negative.")}
    if numerator > denominator:
        return {"remote_cap_numerator": _("The share working from home cannot be more than the whole staff.")}
    return {}


def _period_errors(
    directive: Document, effective_from: datetime.date | None, effective_until: datetime.date | None
) -> dict[str, str]:
    if effective_from is None:
        return {"effective_from": _("Enter the date the policy takes effect.")}
    if effective_from < directive.issued_on:
        return {
            "effective_from": _("The policy cannot take effect before the directive was issued (%(day)s).")
            % {"day": directive.issued_on.strftime("%d/%m/%Y")}
        }
    if effective_until and effective_until < effective_from:
        return {"effective_until": _("The end date cannot be before the start date.")}
    return {}


def _choice_errors(agency_kinds: list[str], exempt_duty_groups: list[str]) -> dict[str, str]:
    errors = {}
    if set(agency_kinds) - set(AgencyKind.values):
        errors["agency_kinds"] = _("Choose agency kinds from the list.")
    if set(exempt_duty_groups) - (set(DutyGroup.values) - {DutyGroup.REGULAR}):
        errors["exempt_duty_groups"] = _("Choose exempt duty groups from the list.")
    return errors


def _inspection_errors(
    inspections_restricted: bool, inspection_max_participants: int | None
) -> dict[str, str]:
    if inspection_max_participants is None:
        return {}
    if not inspections_restricted:
        return {
            "inspection_max_participants": _(
                "A maximum number of participants only applies when inspections are restricted."
            )
        }
    if inspection_max_participants < 1:
        return {"inspection_max_participants": _("A necessary inspection needs at least one participant.")}
    return {}


def _lowest_terms(numerator: int, denominator: int) -> tuple[int, int]:
    # Stored in lowest terms, so 2/4 and 1/2 read (and compare) the same everywhere.
    divisor = math.gcd(numerator, denominator) or 1
    return numerator // divisor, denominator // divisor


@transaction.atomic
def policy_set(
    *,
    directive: Document,
    user=None,
    effective_from: datetime.date,
    effective_until: datetime.date | None = None,
    remote_cap_numerator: int,
    remote_cap_denominator: int,
    agency_kinds: Iterable[str] = (),
    exempt_duty_groups: Iterable[str] = (),
    citizen_reception_suspended: bool = False,
    inspections_restricted: bool = False,
    inspection_max_participants: int | None = None,
    in_person_intake_restricted: bool = False,
    pre_cutoff_date: datetime.date | None = None,
    free_postal_return: bool = False,
    clauses: dict | None = None,
) -> WorkModePolicy:
    """Create or change the one policy a directive carries (every change kept in its history); a draft's
    policy applies from the day its document is published."""
    directive = Document.objects.select_for_update().get(pk=directive.pk)
    _check_published(directive)
    agency_kinds = sorted(set(agency_kinds or ()))
    exempt_duty_groups = sorted(set(exempt_duty_groups or ()))
    errors = {
        **_share_errors(remote_cap_numerator, remote_cap_denominator),
        **_period_errors(directive, effective_from, effective_until),
        **_choice_errors(agency_kinds, exempt_duty_groups),
        **_inspection_errors(inspections_restricted, inspection_max_participants),
        **_clause_errors(directive, clauses or {}),
    }
    if errors:
        raise ValidationError(errors, code="invalid_policy")

    policy = WorkModePolicy.objects.filter(directive=directive).first() or WorkModePolicy(directive=directive)
    policy.effective_from = effective_from
    policy.effective_until = effective_until
    policy.remote_cap_numerator, policy.remote_cap_denominator = _lowest_terms(
        remote_cap_numerator, remote_cap_denominator
    )
    policy.agency_kinds = agency_kinds
    policy.exempt_duty_groups = exempt_duty_groups
    policy.citizen_reception_suspended = citizen_reception_suspended
    policy.inspections_restricted = inspections_restricted
    policy.inspection_max_participants = inspection_max_participants if inspections_restricted else None
    policy.in_person_intake_restricted = in_person_intake_restricted
    policy.pre_cutoff_date = pre_cutoff_date
    policy.free_postal_return = free_postal_return
    for rule in RULES:
        if clauses is not None:
            setattr(policy, f"{rule}_clause", clauses.get(rule))
    policy.full_clean()
    by_user(policy, user).save()
    if directive.is_published:
        policy_applied(policy)
    return policy


# Who hears that a policy now applies (published with its directive, or changed while published): the
# sub-domains whose saved data the new rules judge register here (config.composition). A preview applies the
# change inside a savepoint it rolls back: listeners are not called then.
_applied_listeners: list = []


def register_policy_applied_listener(listener) -> None:
    if listener not in _applied_listeners:
        _applied_listeners.append(listener)


_previewing = contextvars.ContextVar("policy_previewing", default=False)


def previewing() -> bool:
    """True while a preview applies a change it will roll back (directives.policy.preview)."""
    return _previewing.get()


@contextlib.contextmanager
def as_preview():
    token = _previewing.set(True)
    try:
        yield
    finally:
        _previewing.reset(token)


def policy_applied(policy: WorkModePolicy) -> None:
    if previewing():
        return
    for listener in _applied_listeners:
        listener(policy)


def document_published(document: Document) -> None:
    """document_publish's listener: a directive published with its policy applies it from now on."""
    policy = WorkModePolicy.objects.filter(directive=document).select_related("directive").first()
    if policy is not None:
        policy_applied(policy)


@transaction.atomic
def policy_set_and_publish(*, directive: Document, user=None, **values) -> WorkModePolicy:
    """The clerk's last step on a draft: save its policy and publish the directive together."""
    policy_set(directive=directive, user=user, **values)
    document_publish(document=directive, user=user)
    return WorkModePolicy.objects.select_related("directive").get(directive=directive)
