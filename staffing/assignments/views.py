"""Pages of assigned work: the head's board and the new-assignment form, one assignment with its reports and
review, the staff member's own list, the district office's view of work that stalls."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.models import Agency, StaffMember
from staffing.registry.roles import roles_for
from staffing.registry.selectors import agencies_managed_by, get_agency_for_user
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .constants import Action
from .forms import ActionForm, AssignmentForm, BoardFilterForm, DeputyForm, ReportForm, ThresholdsForm
from .models import Deputy, ProgressReport, StallThresholds

BOARD_PAGE_SIZE = 50


@login_required
def index(request):
    """Heads go to their agency's board (or choose one), everyone else to their own work."""
    roles = roles_for(request.user)
    agencies = list(agencies_managed_by(request.user)) if roles.managed_agency_ids else []
    deputy_for = selectors.deputy_agency_ids(request.user)
    if deputy_for and not roles.sees_all_agencies:
        agencies += [a for a in Agency.objects.filter(pk__in=deputy_for) if a not in agencies]
    if len(agencies) == 1:
        return redirect("assignments:board", agencies[0].pk)
    if agencies:
        return render(request, "staffing/assignments/agency_choice.html", {"agencies": agencies})
    if roles.sees_all_agencies:
        return redirect("assignments:stalled")
    return redirect("assignments:mine")


def _staff(agency, today):
    return StaffMember.objects.filter(agency=agency).active_on(today).order_by("full_name", "pk")


@login_required
def board(request, pk):
    agency = get_agency_for_user(request.user, pk)
    if agency.pk not in selectors.board_agency_ids(request.user):
        raise Http404
    today = timezone.localdate()
    staff = _staff(agency, today)
    form = BoardFilterForm(request.GET or None, staff=staff)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {"assignee": data["assignee"], "status": data["status"], "statutory": data["statutory"]}
        if data["due_within"] is not None:
            filters["due_before"] = today + datetime.timedelta(days=data["due_within"])
    rows = selectors.board_queryset(agency, today=today, filters=filters)
    page = Paginator(rows, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "agency": agency,
        "rows": selectors.with_flags(page.object_list),
        "page": page,
        "query": query.urlencode(),
        "form": form,
        "today": today,
        "counts": selectors.counts_per_person(agency),
        "silent_home_workers": selectors.home_workers_without_report(agency, today),
        "may_assign": services.may_assign(request.user, agency),
        "other_agencies": [a for a in agencies_managed_by(request.user) if a.pk != agency.pk],
        "may_name_deputies": roles_for(request.user).can_manage_agency(agency.pk),
        "deputies": Deputy.objects.filter(agency=agency).select_related("staff").order_by("staff__full_name"),
        "deputy_form": DeputyForm(staff=staff.filter(user__isnull=False)),
        "stalling": rows.filter(flag_stalling=1).count(),
    }
    return render(request, "staffing/assignments/board.html", context)


@login_required
def assignment_new(request, pk):
    agency = get_agency_for_user(request.user, pk)
    if not services.may_assign(request.user, agency):
        raise Http404
    today = timezone.localdate()
    form = AssignmentForm(
        request.POST or None,
        request.FILES or None,
        staff=_staff(agency, today),
        initial={"start_date": today},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.assignment_create(agency=agency, actor=request.user, **form.service_kwargs())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Assigned to %(names)s.") % {"names": ", ".join(a.lead.full_name for a in created)},
            )
            if len(created) == 1:
                return redirect("assignments:detail", created[0].pk)
            return redirect("assignments:board", agency.pk)
    return render(request, "staffing/assignments/assignment_form.html", {"agency": agency, "form": form})


def _detail_context(request, assignment, *, report_form=None, action_form=None):
    actions = services.allowed_actions(assignment, request.user)
    is_assignee = services.is_assignee(assignment, roles_for(request.user).staff_member_id)
    return {
        "assignment": assignment,
        "reports": assignment.reports.select_related("staff"),
        "actions": actions,
        "action_labels": dict(Action.choices),
        "flags": selectors.flags_of(assignment),
        "report_form": report_form
        or (
            ReportForm(initial={"percent_complete": assignment.percent_complete})
            if is_assignee and assignment.status in ("assigned", "in_progress")
            else None
        ),
        "action_form": action_form or ActionForm(),
        "may_review": services.may_assign(request.user, assignment.agency),
        "history": assignment.history.select_related("history_user").order_by("-history_date")[:20],
    }


@login_required
def assignment_detail(request, pk):
    assignment = selectors.assignment_for_user(request.user, pk)
    return render(
        request, "staffing/assignments/assignment_detail.html", _detail_context(request, assignment)
    )


@login_required
@require_POST
def assignment_act(request, pk):
    assignment = selectors.assignment_for_user(request.user, pk)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.assignment_act(
                assignment=assignment,
                actor=request.user,
                action=form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
                quality=form.cleaned_data["quality"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error, {"action": None})
        else:
            messages.success(request, _("Saved."))
            return redirect("assignments:detail", assignment.pk)
    assignment.refresh_from_db()
    context = _detail_context(request, assignment, action_form=form)
    return render(request, "staffing/assignments/assignment_detail.html", context, status=200)


@login_required
def report_new(request, pk):
    """One step from the phone: how far, what was done, what is next."""
    assignment = selectors.assignment_for_user(request.user, pk)
    if not services.is_assignee(assignment, roles_for(request.user).staff_member_id):
        raise Http404  # only the lead and the supporting assignees report on the work
    form = ReportForm(
        request.POST or None, request.FILES or None, initial={"percent_complete": assignment.percent_complete}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report(assignment=assignment, actor=request.user, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error, {"assignment": None})
        else:
            messages.success(request, _("Your progress report was sent to your head."))
            return redirect(request.POST.get("next") or reverse("assignments:mine"))
    return render(request, "staffing/assignments/report_form.html", {"assignment": assignment, "form": form})


@login_required
def mine(request):
    roles = roles_for(request.user)
    today = timezone.localdate()
    rows = []
    if roles.staff_member_id:
        rows = selectors.with_flags(
            selectors.own_work(roles.staff_member_id, today).order_by("due_date", "pk")
        )
        rows.sort(key=lambda row: (not row[0].is_open, row[0].due_date))
    return render(
        request,
        "staffing/assignments/mine.html",
        {
            "rows": rows,
            "today": today,
            "linked": bool(roles.staff_member_id),
            "staff_id": roles.staff_member_id,
        },
    )


@login_required
def stalled(request):
    roles = roles_for(request.user)
    if not roles.sees_all_agencies:
        raise Http404
    today = timezone.localdate()
    return render(
        request,
        "staffing/assignments/stalled.html",
        {
            "rows": selectors.stalling_by_agency(today=today),
            "thresholds": StallThresholds.current(),
            "today": today,
            "may_edit": roles.is_district_manager,
        },
    )


@login_required
def thresholds(request):
    if not roles_for(request.user).is_district_manager:
        raise Http404
    current = StallThresholds.current()
    form = ThresholdsForm(
        request.POST or None,
        initial={
            "due_within_working_days": current.due_within_working_days,
            "silent_days": current.silent_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.stall_thresholds_set(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("assignments:stalled")
    return render(request, "staffing/assignments/thresholds.html", {"form": form})


@login_required
def attachment(request, kind, pk):
    """An attachment, only to those who may read its assignment."""
    if kind == "assignment":
        assignment = selectors.assignment_for_user(request.user, pk)
        file = assignment.attachment
    elif kind == "report":
        report = ProgressReport.objects.filter(pk=pk).first()
        if report is None:
            raise Http404
        selectors.assignment_for_user(request.user, report.assignment_id)
        file = report.attachment
    else:
        raise Http404
    if not file:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rpartition("/")[2])


@login_required
@require_POST
def deputy_add(request, pk):
    agency = get_agency_for_user(request.user, pk, manage=True)
    form = DeputyForm(request.POST, staff=_staff(agency, timezone.localdate()).filter(user__isnull=False))
    if form.is_valid():
        try:
            services.deputy_name(agency=agency, actor=request.user, member=form.cleaned_data["staff"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s may now assign and review this agency's work.")
                % {"name": form.cleaned_data["staff"].full_name},
            )
    else:
        messages.error(request, _("Choose a staff member with an account."))
    return redirect("assignments:board", agency.pk)


@login_required
@require_POST
def deputy_remove(request, pk):
    deputy = Deputy.objects.filter(pk=pk).first()
    if deputy is None or not roles_for(request.user).can_manage_agency(deputy.agency_id):
        raise Http404
    services.deputy_remove(deputy=deputy, actor=request.user)
    messages.success(request, _("Saved."))
    return redirect("assignments:board", deputy.agency_id)
