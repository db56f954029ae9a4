"""Obligation pages: the head's list and answer, the office's matrix (with its XLSX export) and the follow-up
of one obligation across agencies, where the office reads the evidence, waives an agency or closes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directives.documents.models import Document
from directives.documents.selectors import require_office, require_register_reader, user_reads_drafts
from staffing.registry.constants import AgencyKind
from staffing.registry.models import Agency
from staffing.registry.roles import roles_for
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.xlsx import xlsx_response

from . import selectors, services
from .constants import ObligationState
from .export import matrix_workbook
from .forms import AcknowledgeForm, DoneForm, ObligationForm, ReasonForm


def _kind_filter(request) -> str:
    kind = request.GET.get("kind", "")
    return kind if kind in AgencyKind.values else ""


# The office -----------------------------------------------------------------------------------------


@login_required
def obligation_matrix(request):
    require_register_reader(request)
    kind = _kind_filter(request)
    matrix = selectors.obligation_matrix(kind=kind)
    return render(
        request,
        "directives/obligations/obligation_matrix.html",
        {"matrix": matrix, "kind": kind, "kinds": AgencyKind.choices, "states": ObligationState},
    )


@login_required
def obligation_matrix_export(request):
    """The matrix as a workbook: one sheet as on screen, one row per agency and obligation with the evidence."""
    require_register_reader(request)
    matrix = selectors.obligation_matrix(kind=_kind_filter(request))
    return xlsx_response(matrix_workbook(matrix), f"obligations-{matrix['today']:%Y-%m-%d}.xlsx")


@login_required
def obligation_follow_up(request, obligation_id):
    """One obligation across the agencies it addresses: who answered, when, how, with what evidence."""
    require_register_reader(request)
    obligation = selectors.get_obligation_for_office(obligation_id)
    follow_up = selectors.obligation_follow_up(obligation=obligation)
    cells = follow_up["cells"]
    state = request.GET.get("state", "")
    if state in ObligationState.values:
        cells = [cell for cell in cells if cell.state == state]
    else:
        state = ""
    can_edit = roles_for(request.user).is_district_manager
    return render(
        request,
        "directives/obligations/obligation_follow_up.html",
        {
            "obligation": obligation,
            "cells": cells,
            "cells_total": len(follow_up["cells"]),
            "totals": follow_up["totals"],
            "state": state,
            "can_edit": can_edit,
            "close_form": ReasonForm(prefix="close") if can_edit and not obligation.closed_at else None,
            "states": ObligationState,
        },
    )


def _follow_up_url(obligation, agency=None) -> str:
    url = reverse("directives:obligation_follow_up", args=[obligation.pk])
    return f"{url}#agency-{agency.pk}" if agency else url


@login_required
def obligation_close(request, obligation_id):
    require_office(request)
    obligation = selectors.get_obligation_for_office(obligation_id)
    form = ReasonForm(request.POST or None, prefix="close")
    if request.method == "POST" and form.is_valid():
        try:
            services.obligation_close(
                obligation=obligation, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The follow-up of this obligation is closed: no more reminders."))
            return redirect(_follow_up_url(obligation))
    return render(
        request,
        "directives/obligations/obligation_reason_form.html",
        {"obligation": obligation, "form": form, "action": "close"},
    )


@login_required
@require_POST
def obligation_reopen(request, obligation_id):
    require_office(request)
    obligation = selectors.get_obligation_for_office(obligation_id)
    try:
        services.obligation_reopen(obligation=obligation, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The follow-up of this obligation is open again."))
    return redirect(_follow_up_url(obligation))


def _office_cell(request, obligation_id, agency_id):
    require_office(request)
    obligation = selectors.get_obligation_for_office(obligation_id)
    agency = get_object_or_404(Agency, pk=agency_id)
    if not obligation.addresses(agency):
        raise Http404
    return obligation, agency


@login_required
def obligation_waive(request, obligation_id, agency_id):
    obligation, agency = _office_cell(request, obligation_id, agency_id)
    form = ReasonForm(request.POST or None, prefix="waive")
    if request.method == "POST" and form.is_valid():
        try:
            services.obligation_waive(
                obligation=obligation, agency=agency, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("%(agency)s is waived from this obligation.") % {"agency": agency.name}
            )
            return redirect(_follow_up_url(obligation, agency))
    return render(
        request,
        "directives/obligations/obligation_reason_form.html",
        {"obligation": obligation, "agency": agency, "form": form, "action": "waive"},
    )


@login_required
@require_POST
def obligation_waiver_cancel(request, obligation_id, agency_id):
    obligation, agency = _office_cell(request, obligation_id, agency_id)
    try:
        services.obligation_waiver_cancel(obligation=obligation, agency=agency, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The waiver of %(agency)s is cancelled: the obligation applies again.")
            % {"agency": agency.name},
        )
    return redirect(_follow_up_url(obligation, agency))


# Agencies -------------------------------------------------------------------------------------------


@login_required
def my_obligations(request):
    """A head lands on their own agency's obligations; someone heading several chooses one."""
    roles = roles_for(request.user)
    if roles.sees_all_agencies and not roles.managed_agency_ids:
        return redirect("directives:obligation_matrix")
    agencies = list(selectors.obligation_agencies_for_user(request.user).order_by("name"))
    if len(agencies) == 1:
        return redirect("directives:agency_obligations", agency_id=agencies[0].pk)
    return render(request, "directives/obligations/my_obligations.html", {"agencies": agencies})


@login_required
def agency_obligations(request, agency_id):
    agency = selectors.get_agency_for_obligations(request.user, agency_id)
    can_act = agency.pk in roles_for(request.user).managed_agency_ids
    rows = selectors.obligations_for_agency(agency=agency)
    return render(
        request,
        "directives/obligations/agency_obligations.html",
        {
            "agency": agency,
            "rows": rows,
            "can_act": can_act,
            "reads_district": user_reads_drafts(request.user),
            "states": ObligationState,
        },
    )


def _answer_page(request, agency, cell, *, form=None, done_form=None):
    """The head's page for one obligation: acknowledge with evidence, then mark done."""
    status = cell.status
    if form is None:
        initial = {"acknowledged_on": timezone.localdate()}
        if status and status.acknowledged_on:
            initial = {
                "acknowledged_on": status.acknowledged_on,
                "method": status.method,
                "evidence_text": status.evidence_text,
            }
        form = AcknowledgeForm(initial=initial)
    return render(
        request,
        "directives/obligations/acknowledge_form.html",
        {
            "agency": agency,
            "cell": cell,
            "obligation": cell.obligation,
            "status": status,
            "form": form,
            "done_form": done_form or DoneForm(initial={"done_on": timezone.localdate()}),
            "states": ObligationState,
        },
    )


@login_required
def obligation_acknowledge(request, agency_id, obligation_id):
    agency = selectors.get_agency_for_obligations(request.user, agency_id, act=True)
    cell = selectors.get_obligation_for_agency(agency, obligation_id)
    if request.method != "POST":
        return _answer_page(request, agency, cell)
    form = AcknowledgeForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.obligation_acknowledge(
                obligation=cell.obligation, agency=agency, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Acknowledgement recorded."))
            return redirect("directives:agency_obligations", agency_id=agency.pk)
    return _answer_page(request, agency, cell, form=form)


@login_required
@require_POST
def obligation_done(request, agency_id, obligation_id):
    agency = selectors.get_agency_for_obligations(request.user, agency_id, act=True)
    cell = selectors.get_obligation_for_agency(agency, obligation_id)
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.obligation_mark_done(
                obligation=cell.obligation,
                agency=agency,
                user=request.user,
                note=form.cleaned_data["note"],
                done_on=form.cleaned_data["done_on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Marked as done."))
            return redirect("directives:agency_obligations", agency_id=agency.pk)
    return _answer_page(request, agency, cell, done_form=form)


@login_required
def obligation_evidence(request, agency_id, obligation_id):
    agency = selectors.get_agency_for_obligations(request.user, agency_id)
    status = selectors.get_obligation_for_agency(agency, obligation_id).status
    if status is None or not status.evidence_file:
        raise Http404
    return FileResponse(status.evidence_file.open("rb"), as_attachment=True)


@login_required
def obligation_create(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    form = ObligationForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.obligation_create(
                clause=data["clause"],
                user=request.user,
                title=data["title"],
                description=data["description"],
                due_on=data["due_on"],
                agency_kinds=data["agency_kinds"],
                agencies=data["agencies"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Obligation added."))
            return redirect("directives:register_detail", pk=pk)
    return render(
        request, "directives/obligations/obligation_form.html", {"document": document, "form": form}
    )
