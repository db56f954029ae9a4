"""Open data of the work-mode policies (clause 4 of 2629/UBND): every published policy with its period and
rules, and which policy is in force for each kind of agency on each day of a period."""

from django.utils.translation import gettext_lazy as _

from directives.opendata.registry import Field, Resource

from .selectors import policies_in_force_by_kind_between, policy_end, public_policies

_DIRECTIVE = (
    Field("directive_number", "string", _("Number and symbol of the directive")),
    Field("directive_issued_on", "date", _("Issue date of the directive")),
)
_RULES = (
    Field("remote_share", "string", _("Work-from-home share (at most)"), _("For example 1/2.")),
    Field("remote_share_numerator", "integer", _("Work-from-home share: numerator")),
    Field("remote_share_denominator", "integer", _("Work-from-home share: denominator")),
    Field("in_person_intake_restricted", "boolean", _("In-person intake restricted")),
    Field("citizen_reception_suspended", "boolean", _("In-person citizen reception suspended")),
    Field("inspections_restricted", "boolean", _("Inspections restricted")),
)


def _rules(policy) -> dict:
    return {
        "directive_number": policy.directive.number,
        "directive_issued_on": policy.directive.issued_on,
        "remote_share": policy.ratio_display,
        "remote_share_numerator": policy.remote_cap_numerator,
        "remote_share_denominator": policy.remote_cap_denominator,
        "in_person_intake_restricted": policy.in_person_intake_restricted,
        "citizen_reception_suspended": policy.citizen_reception_suspended,
        "inspections_restricted": policy.inspections_restricted,
    }


def policy_rows(start, end):
    policies = public_policies().order_by("effective_from", "directive__issued_on", "pk")
    for policy in policies:
        yield {
            **_rules(policy),
            "effective_from": policy.effective_from,
            "effective_to": policy_end(policy),
            "agency_kinds": ";".join(policy.agency_kinds),
            "exempt_duty_groups": ";".join(policy.exempt_duty_groups),
            "pre_cutoff_date": policy.pre_cutoff_date,
            "free_postal_return": policy.free_postal_return,
            "status": policy.directive.status,
        }


def policies_in_force_rows(start, end):
    for day, by_kind in policies_in_force_by_kind_between(start=start, end=end).items():
        for kind, policy in by_kind.items():
            row = {"day": day, "agency_kind": kind}
            if policy is not None:
                row.update(_rules(policy))
            yield row


POLICIES = Resource(
    name="policies",
    title=_("Work-mode policies"),
    description=_(
        "Every published work-mode policy: its directive, the period it applies (to the day before a "
        "superseding document takes effect or its directive is revoked), and its rules."
    ),
    fields=(
        Field("directive_number", "string", _("Number and symbol of the directive"), required=True),
        *_DIRECTIVE[1:],
        Field("effective_from", "date", _("Effective from"), required=True),
        Field("effective_to", "date", _("Effective to"), _("Empty: until further notice.")),
        *_RULES,
        Field("agency_kinds", "string", _("Agency kinds covered"), _("Separated by ';'; empty: every kind.")),
        Field("exempt_duty_groups", "string", _("Exempt duty groups"), _("Separated by ';'.")),
        Field("pre_cutoff_date", "date", _("Cut-off date for dossiers received earlier")),
        Field("free_postal_return", "boolean", _("Free postal return")),
        Field("status", "string", _("Status of the directive"), _("published or revoked.")),
    ),
    rows=policy_rows,
)

POLICIES_IN_FORCE = Resource(
    name="policies-in-force",
    title=_("Policy in force per agency kind and day"),
    description=_(
        "For each day of the period and each kind of agency, the policy in force (empty directive: normal "
        "operations), "
        "read by the same rule that the cap and the intake checks use."
    ),
    fields=(
        Field("day", "date", _("Day"), required=True),
        Field("agency_kind", "string", _("Agency kind"), required=True),
        *_DIRECTIVE,
        *_RULES,
    ),
    rows=policies_in_force_rows,
    periodic=True,
    primary_key=("day", "agency_kind"),
)
