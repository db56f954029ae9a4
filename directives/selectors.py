"""The one question the rest of the product asks: which work-mode policy is in force for an agency on a day."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffing.constants import AGENCY_MANAGER_ROLES, AgencyKind
from staffing.models import Agency, RoleAssignment
from staffing.roles import roles_for

from .constants import (
    OVERDUE_REMINDER_INTERVAL_DAYS,
    OVERDUE_REMINDER_WEEKS,
    PUBLIC_STATUSES,
    REMINDER_DAYS_AHEAD,
    DocumentStatus,
    ObligationState,
    ReferenceRelation,
)
from .models import (
    AgencyObligation,
    Clause,
    Document,
    DocumentReference,
    Obligation,
    ReminderLog,
    WorkModePolicy,
)


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
        WorkModePolicy.objects.select_related("directive")
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


# Documents ---------------------------------------------------------------------------------------


def published_documents():
    """Documents anyone may read: published ones, and revoked ones (marked as such)."""
    return Document.objects.filter(status__in=PUBLIC_STATUSES)


def user_reads_drafts(user) -> bool:
    """District office, leadership and administrators read the whole register, drafts included."""
    return roles_for(user).sees_all_agencies


def documents_visible_to(user):
    return Document.objects.all() if user_reads_drafts(user) else published_documents()


def with_references(queryset, *, public_only: bool):
    """Prefetch clauses and both ends of the reference graph (only public ends when `public_only`)."""
    outgoing = DocumentReference.objects.select_related("target").order_by("relation", "target__issued_on")
    incoming = DocumentReference.objects.select_related("source").order_by("relation", "source__issued_on")
    if public_only:
        outgoing = outgoing.filter(target__status__in=PUBLIC_STATUSES)
        incoming = incoming.filter(source__status__in=PUBLIC_STATUSES)
    return queryset.prefetch_related(
        Prefetch("clauses", queryset=Clause.objects.order_by("position", "id")),
        Prefetch("outgoing_references", queryset=outgoing),
        Prefetch("incoming_references", queryset=incoming),
    )


def get_public_document(pk) -> Document:
    """A published or revoked document with its clauses and public references; drafts are 404."""
    return get_object_or_404(with_references(published_documents(), public_only=True), pk=pk)


def get_document_for_user(user, pk) -> Document:
    """The document if this user may read it (drafts only for the district office and leadership)."""
    drafts = user_reads_drafts(user)
    queryset = with_references(documents_visible_to(user), public_only=not drafts)
    return get_object_or_404(queryset.select_related("published_by", "revoked_by", "created_by"), pk=pk)


HISTORY_ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}
HISTORY_SKIPPED_FIELDS = {"id", "updated_at", "created_at", "issued_year"}


def _history_rows(records, label) -> list[dict]:
    """One row per historical record, naming the fields that changed since the object's previous record."""
    rows, previous = [], {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        fields = [f for f in record.tracked_fields if f.name not in HISTORY_SKIPPED_FIELDS]
        before = previous.get(record.id)
        changed = []
        if before is not None and record.history_type == "~":
            changed = [
                f.verbose_name for f in fields if getattr(before, f.attname) != getattr(record, f.attname)
            ]
        previous[record.id] = record
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "action": HISTORY_ACTIONS.get(record.history_type, record.history_type),
                "object": label(record),
                "changed": changed,
            }
        )
    return rows


def document_history(document: Document) -> list[dict]:
    """Changes of the document, its clauses, references and policy, newest first (four queries)."""
    rows = _history_rows(
        document.history.select_related("history_user"),
        lambda r: _("Document %(number)s") % {"number": r.number},
    )
    rows += _history_rows(
        Clause.history.filter(document_id=document.pk).select_related("history_user"),
        lambda r: _("Clause %(number)s") % {"number": r.number},
    )
    rows += _history_rows(
        DocumentReference.history.filter(source_id=document.pk).select_related("history_user", "target"),
        lambda r: (
            _("Reference: %(relation)s %(number)s")
            % {"relation": r.get_relation_display().lower(), "number": r.target.number if r.target else "?"}
        ),
    )
    rows += _history_rows(
        WorkModePolicy.history.filter(directive_id=document.pk).select_related("history_user"),
        lambda r: (
            _("Work-mode policy %(ratio)s")
            % {"ratio": f"{r.remote_cap_numerator}/{r.remote_cap_denominator}"}
        ),
    )
    return sorted(rows, key=lambda row: row["date"], reverse=True)


def document_obligations(document: Document) -> list[Obligation]:
    return list(
        Obligation.objects.filter(clause__document=document)
        .select_related("clause")
        .prefetch_related("agencies")
        .order_by("clause__position", "due_on", "id")
    )


def reference_targets(document: Document):
    return Document.objects.exclude(pk=document.pk).order_by("-issued_on", "number")


# Obligations -------------------------------------------------------------------------------------


def active_obligations():
    """Obligations of published documents (a revoked document asks nothing more), with their addressees."""
    return (
        Obligation.objects.filter(clause__document__status=DocumentStatus.PUBLISHED)
        .select_related("clause__document", "closed_by")
        .prefetch_related(Prefetch("agencies", queryset=Agency.objects.only("pk")))
        .order_by("due_on", "clause__document__issued_on", "clause__position", "id")
    )


def _addresses(obligation: Obligation, agency) -> bool:
    return obligation.addresses(agency, explicit_agency_ids={a.pk for a in obligation.agencies.all()})


def _policy_over(policy: WorkModePolicy | None, *, kind: str, winner, today: datetime.date) -> str:
    """Why the directive's policy no longer applies to agencies of this kind today; "" while it does."""
    if policy is None or policy.effective_from > today:
        return ""
    if policy.superseded_on and policy.superseded_on <= today:
        return _("%(number)s was replaced by %(newer)s from %(day)s.") % {
            "number": policy.directive.number,
            "newer": policy.superseded_by,
            "day": policy.superseded_on.strftime("%d/%m/%Y"),
        }
    if policy.effective_until and policy.effective_until < today:
        return _("The work-mode policy of %(number)s ended on %(day)s.") % {
            "number": policy.directive.number,
            "day": policy.effective_until.strftime("%d/%m/%Y"),
        }
    if policy.applies_to_kind(kind) and winner is not None and winner.pk != policy.pk:
        return _("The work-mode policy of %(number)s was replaced by that of %(newer)s from %(day)s.") % {
            "number": policy.directive.number,
            "newer": winner.directive.number,
            "day": winner.effective_from.strftime("%d/%m/%Y"),
        }
    return ""


@dataclass(frozen=True)
class ObligationCell:
    """One agency's place in one obligation: its answer row (or None), its state and, when closed, why."""

    obligation: Obligation
    agency: Agency
    status: AgencyObligation | None
    state: str
    reason: str = ""

    @property
    def acknowledged(self) -> bool:
        return bool(self.status and self.status.acknowledged_on)


def _cell(obligation, agency, status, *, policies, winners, today) -> ObligationCell:
    if status is not None and status.done_at:
        return ObligationCell(obligation, agency, status, ObligationState.DONE)
    reason = ""
    if status is not None and status.waived_at:
        reason = _("Waived by the district office on %(day)s: %(reason)s") % {
            "day": timezone.localtime(status.waived_at).strftime("%d/%m/%Y"),
            "reason": status.waiver_reason,
        }
    elif obligation.closed_at:
        reason = _("Follow-up closed by the district office on %(day)s: %(reason)s") % {
            "day": timezone.localtime(obligation.closed_at).strftime("%d/%m/%Y"),
            "reason": obligation.closure_reason,
        }
    else:
        reason = _policy_over(
            policies.get(obligation.clause.document_id),
            kind=agency.kind,
            winner=winners.get(agency.kind),
            today=today,
        )
    if reason:
        state = ObligationState.CLOSED
    elif obligation.due_on < today:
        state = ObligationState.OVERDUE
    elif status is not None and status.acknowledged_on:
        state = ObligationState.ACKNOWLEDGED
    else:
        state = ObligationState.PENDING
    return ObligationCell(obligation, agency, status, state, reason)


def obligation_cells(*, obligations, agencies, today: datetime.date, statuses=None) -> list[ObligationCell]:
    """Every (obligation, addressed agency) cell, obligation by obligation, in three queries whatever the
    number of rows: the agencies' answers (unless given), the directives' policies and today's winners."""
    obligations, agencies = list(obligations), list(agencies)
    if statuses is None:
        statuses = AgencyObligation.objects.filter(
            obligation__in=[o.pk for o in obligations], agency__in=[a.pk for a in agencies]
        ).select_related("acknowledged_by", "done_by", "waived_by")
    by_pair = {(s.obligation_id, s.agency_id): s for s in statuses}
    document_ids = {o.clause.document_id for o in obligations}
    policies = {p.directive_id: p for p in public_policies().filter(directive_id__in=document_ids)}
    winners = policies_in_force_by_kind(day=today) if policies else {}
    cells = []
    for obligation in obligations:
        explicit = {a.pk for a in obligation.agencies.all()}
        for agency in agencies:
            if obligation.addresses(agency, explicit_agency_ids=explicit):
                status = by_pair.get((obligation.pk, agency.pk))
                cells.append(
                    _cell(obligation, agency, status, policies=policies, winners=winners, today=today)
                )
    return cells


def obligation_cell(*, obligation: Obligation, agency, today: datetime.date | None = None) -> ObligationCell:
    """The one cell of this agency in this obligation (the obligation must address it)."""
    statuses = AgencyObligation.objects.filter(obligation=obligation, agency=agency)
    cells = obligation_cells(
        obligations=[obligation], agencies=[agency], today=today or timezone.localdate(), statuses=statuses
    )
    return cells[0]


def obligations_for_agency(*, agency, today: datetime.date | None = None) -> list[ObligationCell]:
    """The obligations addressed to this agency with its state in each (six queries in all)."""
    obligations = [o for o in active_obligations() if _addresses(o, agency)]
    return obligation_cells(obligations=obligations, agencies=[agency], today=today or timezone.localdate())


def obligation_matrix(*, kind: str = "", today: datetime.date | None = None) -> dict:
    """Agencies × obligations, each cell an ObligationCell or None when not addressed; seven queries."""
    today = today or timezone.localdate()
    agencies = list(Agency.objects.active().order_by("kind", "name"))
    if kind:
        agencies = [a for a in agencies if a.kind == kind]
    obligations = list(active_obligations())
    cells = {
        (c.obligation.pk, c.agency.pk): c
        for c in obligation_cells(obligations=obligations, agencies=agencies, today=today)
    }
    totals = dict.fromkeys(ObligationState.values, 0)
    columns = {o.pk: dict.fromkeys(ObligationState.values, 0) for o in obligations}
    for cell in cells.values():
        totals[cell.state] += 1
        columns[cell.obligation.pk][cell.state] += 1
    rows = [
        {"agency": agency, "cells": [cells.get((o.pk, agency.pk)) for o in obligations]}
        for agency in agencies
    ]
    return {
        "today": today,
        "obligations": obligations,
        "column_totals": [columns[o.pk] for o in obligations],
        "rows": rows,
        "totals": totals,
    }


def get_obligation_for_office(pk) -> Obligation:
    """An obligation of a published directive, for the district office's follow-up page; 404 otherwise."""
    return get_object_or_404(active_obligations(), pk=pk)


def obligation_follow_up(*, obligation: Obligation, today: datetime.date | None = None) -> dict:
    """Each addressed agency's answer to one obligation (date, how, evidence, done), with state totals."""
    agencies = Agency.objects.active().order_by("kind", "name")
    cells = obligation_cells(obligations=[obligation], agencies=agencies, today=today or timezone.localdate())
    totals = dict.fromkeys(ObligationState.values, 0)
    for cell in cells:
        totals[cell.state] += 1
    return {"cells": cells, "totals": totals}


def obligation_agencies_for_user(user):
    """Agencies whose obligations the user may read: the whole district for district roles."""
    roles = roles_for(user)
    if roles.sees_all_agencies:
        return Agency.objects.active()
    return Agency.objects.filter(pk__in=roles.visible_agency_ids)


def get_agency_for_obligations(user, agency_id, *, act: bool = False):
    """The agency if the user may read its obligations, or with `act`, answer them (its head only); else 404."""
    roles = roles_for(user)
    allowed = int(agency_id) in roles.managed_agency_ids if act else roles.can_view_agency(int(agency_id))
    if not allowed:
        raise Http404
    return get_object_or_404(Agency, pk=agency_id)


def get_obligation_for_agency(agency, obligation_id) -> ObligationCell:
    """An obligation addressed to this agency with the agency's cell; 404 when not addressed."""
    obligation = get_object_or_404(active_obligations(), pk=obligation_id)
    if not _addresses(obligation, agency):
        raise Http404
    return obligation_cell(obligation=obligation, agency=agency)


def _reminder_due(*, due_on: datetime.date, day: datetime.date, last: datetime.date | None) -> bool:
    """Once when the due date comes near, again on the due date, on the first overdue day, then weekly for a
    few weeks: a head who has not acted after that hears from the district office, not from a daily e-mail."""
    if day <= due_on:
        return last is None or (day == due_on and last < due_on)
    if (day - due_on).days > OVERDUE_REMINDER_WEEKS * 7:
        return False
    return last is None or last <= due_on or (day - last).days >= OVERDUE_REMINDER_INTERVAL_DAYS


def obligations_needing_reminder(*, day: datetime.date) -> list[ObligationCell]:
    """Cells not done and still required whose reminder falls on `day` (see `_reminder_due`)."""
    obligations = list(
        active_obligations().filter(
            due_on__lte=day + datetime.timedelta(days=REMINDER_DAYS_AHEAD),
            due_on__gte=day - datetime.timedelta(weeks=OVERDUE_REMINDER_WEEKS),
        )
    )
    if not obligations:
        return []
    last_sent = {
        (row["obligation_id"], row["agency_id"]): row["last"]
        for row in ReminderLog.objects.filter(obligation__in=obligations)
        .values("obligation_id", "agency_id")
        .annotate(last=Max("day"))
    }
    agencies = Agency.objects.active().order_by("name")
    return [
        cell
        for cell in obligation_cells(obligations=obligations, agencies=agencies, today=day)
        if cell.state not in (ObligationState.DONE, ObligationState.CLOSED)
        and _reminder_due(
            due_on=cell.obligation.due_on, day=day, last=last_sent.get((cell.obligation.pk, cell.agency.pk))
        )
    ]


def reminder_recipients(*, agencies) -> dict[int, list[str]]:
    """{agency id: e-mail addresses of its heads}, falling back to the agency's own address."""
    result: dict[int, list[str]] = {}
    assignments = (
        RoleAssignment.objects.filter(
            agency__in=agencies, role__in=AGENCY_MANAGER_ROLES, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("agency_id", "user__email")
        .order_by("agency_id", "user__email")
    )
    for agency_id, email in assignments:
        result.setdefault(agency_id, [])
        if email not in result[agency_id]:
            result[agency_id].append(email)
    for agency in agencies:
        if agency.pk not in result and agency.email:
            result[agency.pk] = [agency.email]
    return result
