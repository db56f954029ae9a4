"""Reads of obligations: each agency's state in each obligation, the matrix, follow-up and reminders due."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from directives.policy.selectors import policies_in_force_by_kind, public_policies
from staffing.registry.constants import AGENCY_MANAGER_ROLES
from staffing.registry.models import Agency, RoleAssignment
from staffing.registry.roles import roles_for

from .constants import (
    OVERDUE_REMINDER_INTERVAL_DAYS,
    OVERDUE_REMINDER_WEEKS,
    REMINDER_DAYS_AHEAD,
    ObligationState,
)
from .models import AgencyObligation, Obligation, ReminderLog


def document_obligations(document: Document) -> list[Obligation]:
    return list(
        Obligation.objects.filter(clause__document=document)
        .select_related("clause")
        .prefetch_related("agencies")
        .order_by("clause__position", "due_on", "id")
    )


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
