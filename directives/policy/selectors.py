"""The one question the rest of the product asks: which work-mode policy is in force for an agency on a day."""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directives.documents.constants import PUBLIC_STATUSES, DocumentStatus, ReferenceRelation
from directives.documents.models import Document, DocumentReference
from directives.documents.selectors import history_rows
from directives.documents.services import PublishConsequence
from staffing.registry.constants import AgencyKind

from .models import RULES, WorkModePolicy


def _superseding(field: str) -> Subquery:
    """A field of the earliest published document superseding the policy's directive (a correlated subquery).

    A superseding document takes effect with its own policy, or on its issue date when it carries none (a
    letter that simply ends the restrictions).
    """
    return Subquery(
        DocumentReference.objects.filter(
            target=OuterRef("directive"),
            relation=ReferenceRelation.SUPERSEDES,
            source__status=DocumentStatus.PUBLISHED,
        )
        .annotate(takes_effect=Coalesce("source__policy__effective_from", "source__issued_on"))
        .order_by("takes_effect", "source_id")
        .values(field)[:1]
    )


def public_policies():
    """Policies of published or revoked directives, each with `superseded_on` and `superseded_by` (a number)."""
    return (
        # The clauses each rule cites come along: refusals and pages name them without another query.
        WorkModePolicy.objects.select_related("directive", *(f"{rule}_clause" for rule in RULES))
        .filter(directive__status__in=PUBLIC_STATUSES)
        .annotate(superseded_on=_superseding("takes_effect"), superseded_by=_superseding("source__number"))
    )


def _policies_overlapping(start: datetime.date, end: datetime.date):
    """Policies of published or revoked directives whose period touches [start, end], newest issued first."""
    return (
        public_policies()
        .filter(effective_from__lte=end)
        .filter(Q(effective_until__isnull=True) | Q(effective_until__gte=start))
        .filter(Q(directive__revoked_on__isnull=True) | Q(directive__revoked_on__gt=start))
        .filter(Q(superseded_on__isnull=True) | Q(superseded_on__gt=start))
        .order_by("-directive__issued_on", "-directive__published_at", "-id")
    )


def _in_force(policy: WorkModePolicy, agency_kind: str, day: datetime.date) -> bool:
    end = policy_end(policy)
    if policy.effective_from > day or (end is not None and end < day):
        return False
    return policy.applies_to_kind(agency_kind)


def policy_in_force(*, agency, day: datetime.date) -> WorkModePolicy | None:
    """The policy in force for this agency on this day, or None for normal operations (no cap).

    Where several overlap, the most recently issued published directive wins; a revoked directive's
    policy ends on the revocation date, a superseded one's when the superseding document takes effect.
    """
    for policy in _policies_overlapping(day, day):
        if _in_force(policy, agency.kind, day):
            return policy
    return None


def policies_in_force_for_days(*, agency, days) -> dict:
    """{day: policy or None} for several days with one query (the week grid, the API range)."""
    days = sorted(days)
    if not days:
        return {}
    candidates = list(_policies_overlapping(days[0], days[-1]))
    return {day: next((p for p in candidates if _in_force(p, agency.kind, day)), None) for day in days}


def policies_in_force_by_kind(*, day: datetime.date) -> dict:
    """{agency kind: policy or None} on one day with one query (district-wide tables)."""
    candidates = list(_policies_overlapping(day, day))
    return {
        kind: next((p for p in candidates if _in_force(p, kind, day)), None) for kind in AgencyKind.values
    }


def policies_in_force_by_kind_between(*, start: datetime.date, end: datetime.date) -> dict:
    """{day: {agency kind: policy or None}} for every day of [start, end] with one query (the open data)."""
    candidates = list(_policies_overlapping(start, end))
    days = (start + datetime.timedelta(days=n) for n in range((end - start).days + 1))
    return {
        day: {
            kind: next((p for p in candidates if _in_force(p, kind, day)), None) for kind in AgencyKind.values
        }
        for day in days
    }


def policy_end(policy: WorkModePolicy) -> datetime.date | None:
    """The last day the policy applies: its own end, the day before its directive's revocation, or the day
    before a superseding document takes effect (known only on policies read through `public_policies`)."""
    ends = [policy.effective_until] if policy.effective_until else []
    if policy.directive.revoked_on:
        ends.append(policy.directive.revoked_on - datetime.timedelta(days=1))
    superseded_on = getattr(policy, "superseded_on", None)
    if superseded_on:
        ends.append(superseded_on - datetime.timedelta(days=1))
    return min(ends) if ends else None


def directive_policy(document: Document) -> WorkModePolicy | None:
    """The policy a directive carries, with when a superseding document ends it."""
    return public_policies().filter(directive=document).first() if document.is_public else None


@dataclass(frozen=True)
class TimelineEntry:
    policy: WorkModePolicy
    starts_on: datetime.date
    ends_on: datetime.date | None
    state: str  # "upcoming", "current" (the winner today for some agency kind), "overridden", "ended"


def policy_timeline(*, today: datetime.date | None = None) -> list[TimelineEntry]:
    """Every policy of a public directive, newest start first, with its real period and today's state."""
    today = today or timezone.localdate()
    winners = {p.pk for p in policies_in_force_by_kind(day=today).values() if p is not None}
    entries = []
    for policy in public_policies().order_by("-effective_from", "-directive__issued_on", "-id"):
        ends_on = policy_end(policy)
        if policy.pk in winners:
            state = "current"
        elif policy.effective_from > today:
            state = "upcoming"
        elif ends_on is not None and ends_on < today:
            state = "ended"
        else:
            state = "overridden"
        entries.append(
            TimelineEntry(policy=policy, starts_on=policy.effective_from, ends_on=ends_on, state=state)
        )
    return entries


def policy_summary_today(*, today: datetime.date | None = None) -> dict:
    """Today's policy for the district: one policy when every agency kind shares it, else one per kind."""
    today = today or timezone.localdate()
    by_kind = policies_in_force_by_kind(day=today)
    distinct = {p.pk if p else None for p in by_kind.values()}
    rows = [
        {"kind": kind, "label": AgencyKind(kind).label, "policy": policy} for kind, policy in by_kind.items()
    ]
    common = next(iter(by_kind.values())) if len(distinct) == 1 else None
    return {"today": today, "uniform": len(distinct) == 1, "policy": common, "by_kind": rows}


def policy_history(document: Document) -> list[dict]:
    """The changes of the directive's policy, for the register's history of the document (one query)."""
    return history_rows(
        WorkModePolicy.history.filter(directive_id=document.pk).select_related("history_user"),
        lambda r: (
            _("Work-mode policy %(ratio)s")
            % {"ratio": f"{r.remote_cap_numerator}/{r.remote_cap_denominator}"}
        ),
    )


def replaced_policy(document: Document) -> WorkModePolicy | None:
    """The policy of the latest directive this one supersedes or amends (to start its own policy from)."""
    return (
        WorkModePolicy.objects.filter(
            directive__incoming_references__source=document,
            directive__incoming_references__relation__in=(
                ReferenceRelation.SUPERSEDES,
                ReferenceRelation.AMENDS,
            ),
            directive__status=DocumentStatus.PUBLISHED,
        )
        .select_related("directive")
        .order_by("-directive__issued_on", "-directive_id")
        .first()
    )


def publish_consequences(document: Document) -> list:
    """What publishing `document` does to the policies in force: for each directive it supersedes that
    carries a policy, the day that policy ends, and what applies from then."""
    own = WorkModePolicy.objects.filter(directive=document).first()
    ends_on = own.effective_from if own else document.issued_on
    superseded = WorkModePolicy.objects.filter(
        directive__incoming_references__source=document,
        directive__incoming_references__relation=ReferenceRelation.SUPERSEDES,
        directive__status=DocumentStatus.PUBLISHED,
    ).select_related("directive")
    consequences = []
    for old in superseded:
        values = {
            "old": old.directive.number,
            "share": old.ratio_display,
            "date": date_format(ends_on, "SHORT_DATE_FORMAT"),
            "new": document.number,
        }
        if own is not None:
            text = _(
                "The policy of %(old)s (at most %(share)s at home) ends on %(date)s; from that day the policy of "
                "%(new)s applies (at most %(new_share)s at home)."
            ) % {**values, "new_share": own.ratio_display}
            consequences.append(PublishConsequence(text=text))
        else:
            text = (
                _(
                    "The policy of %(old)s (at most %(share)s at home) ends on %(date)s and %(new)s carries none: "
                    "from that day no agency has a cap, and in-person intake is no longer restricted."
                )
                % values
            )
            consequences.append(PublishConsequence(text=text, ends_rules=True))
    return consequences


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _day_or(value, empty) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else empty


POLICY_FIELDS = (
    # (label, how to read the value)
    (gettext_lazy("Effective from"), lambda p: _day_or(p.effective_from, "—")),
    (gettext_lazy("Effective until"), lambda p: _day_or(policy_end(p), _("until further notice"))),
    (gettext_lazy("Maximum share of staff working from home"), lambda p: p.ratio_display),
    (
        gettext_lazy("Agency kinds it applies to"),
        lambda p: ", ".join(map(str, p.agency_kind_labels)) or _("every kind"),
    ),
    (
        gettext_lazy("Duty groups outside the cap"),
        lambda p: ", ".join(map(str, p.exempt_duty_group_labels)) or _("none"),
    ),
    (gettext_lazy("In-person citizen reception suspended"), lambda p: _yes_no(p.citizen_reception_suspended)),
    (
        gettext_lazy("Unnecessary inspections suspended, necessary ones limited"),
        lambda p: _yes_no(p.inspections_restricted),
    ),
    (
        gettext_lazy("Maximum participants of a necessary inspection"),
        lambda p: str(p.inspection_max_participants) if p.inspection_max_participants else _("no limit"),
    ),
    (
        gettext_lazy("In-person intake only for the urgent list"),
        lambda p: _yes_no(p.in_person_intake_restricted),
    ),
    (
        gettext_lazy("Dossiers received before this date are returned by post"),
        lambda p: _day_or(p.pre_cutoff_date, "—"),
    ),
    (gettext_lazy("Free postal return encouraged"), lambda p: _yes_no(p.free_postal_return)),
)


def policy_differences(old: WorkModePolicy, new: WorkModePolicy) -> list[dict]:
    """Each field of two policies side by side: both values, whether it changed, and from which day the
    second one's value applies (its first day) — the comparison page and the public policy page."""
    # Their ends need `superseded_on` (public_policies' annotation): re-read only what lacks it.
    missing = [p.pk for p in (old, new) if not hasattr(p, "superseded_on")]
    if missing:
        annotated = {p.pk: p for p in public_policies().filter(pk__in=missing)}
        old, new = annotated.get(old.pk, old), annotated.get(new.pk, new)
    rows = []
    for label, read in POLICY_FIELDS:
        before, after = str(read(old)), str(read(new))
        rows.append(
            {
                "label": label,
                "a": before,
                "b": after,
                "changed": before != after,
                "from": new.effective_from if before != after else None,
            }
        )
    return rows
