"""Pages of inspection teams: an agency's list (with what its head must suspend), the team form, one team
with its history and moves, and the district office's view of every team with its XLSX export."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from staffing.registry.models import Agency
from staffing.registry.roles import roles_for
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.xlsx import workbook, xlsx_response

from . import selectors, services
from .constants import ACTS, Action
from .forms import ActionForm, DistrictFilterForm, TeamForm, outsider_formset, outsider_rows


@login_required
def index(request):
    roles = roles_for(request.user)
    if roles.sees_all_agencies:
        return redirect("inspections:district")
    agencies = sorted(roles.full_view_agency_ids)
    if not agencies:
        raise Http404
    return redirect("inspections:agency", agencies[0])


@login_required
def agency_teams(request, pk):
    agency = selectors.agency_for_user(request.user, pk)
    today = timezone.localdate()
    to_suspend, policy = selectors.must_suspend(agency, today=today)
    context = {
        "agency": agency,
        "teams": selectors.agency_teams(agency),
        "to_suspend": list(to_suspend),
        "policy": policy,
        "restriction": selectors.restriction_on(agency=agency, day=today),
        "may_manage": selectors.may_manage(request.user, agency.pk),
        "today": today,
    }
    return render(request, "staffing/inspections/agency_teams.html", context)


def _form_page(request, agency, team=None):
    staff = selectors.district_staff(agency)
    initial = {}
    if team is not None:
        initial = {
            "kind": team.kind,
            "subject": team.subject,
            "inspected_organisation": team.inspected_organisation,
            "decision_number": team.decision_number,
            "decision_date": team.decision_date,
            "planned_start": team.planned_start,
            "planned_end": team.planned_end,
            "necessity": team.necessity,
            "necessity_reason": team.necessity_reason,
            "participants": list(team.participants.all()),
        }
    form = TeamForm(request.POST or None, staff=staff, initial=initial)
    formset = outsider_formset(team=team, data=request.POST or None)
    outsiders_errors = []
    conflicts = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        conflicts = selectors.home_conflicts(
            participants=list(data["participants"]), start=data["planned_start"], end=data["planned_end"]
        )
        try:
            saved = services.team_save(
                agency=agency,
                actor=request.user,
                team=team,
                outsiders=outsider_rows(formset),
                **{**data, "participants": list(data["participants"])},
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            outsiders_errors = error.message_dict.get("outsiders", []) if hasattr(error, "error_dict") else []
            add_service_errors(form, error, {"outsiders": None})
            if outsiders_errors:
                form.errors.pop("__all__", None)
        else:
            messages.success(request, _("Saved."))
            return redirect("inspections:detail", saved.pk)
    elif team is not None:
        conflicts = selectors.home_conflicts(
            participants=list(team.participants.all()), start=team.planned_start, end=team.planned_end
        )
    context = {
        "agency": agency,
        "team": team,
        "form": form,
        "formset": formset,
        "outsiders_errors": outsiders_errors,
        "conflicts": conflicts,
        "restriction": selectors.restriction_on(agency=agency, day=timezone.localdate()),
    }
    return render(request, "staffing/inspections/team_form.html", context)


@login_required
def team_new(request, pk):
    agency = selectors.agency_for_user(request.user, pk, manage=True)
    return _form_page(request, agency)


@login_required
def team_edit(request, pk):
    team = selectors.team_for_user(request.user, pk)
    if not selectors.may_manage(request.user, team.agency_id):
        raise Http404
    return _form_page(request, team.agency, team)


def _detail_context(request, team, action_form=None):
    today = timezone.localdate()
    labels = dict(Action.choices)
    to_suspend, _policy = selectors.must_suspend(team.agency, today=today)
    return {
        "team": team,
        "count": selectors.participant_count(team),
        "actions": [(a, labels[a]) for a in services.allowed_actions(team, request.user) if a in ACTS],
        "action_form": action_form or ActionForm(),
        "conflicts": selectors.home_conflicts(
            participants=list(team.participants.all()), start=team.planned_start, end=team.planned_end
        ),
        "restriction": selectors.restriction_on(agency=team.agency, day=today),
        "must_suspend": to_suspend.filter(pk=team.pk).exists(),
        "may_manage": selectors.may_manage(request.user, team.agency_id),
        "history": selectors.team_history(team),
        "action_labels": labels,
    }


@login_required
def team_detail(request, pk):
    team = selectors.team_for_user(request.user, pk)
    return render(request, "staffing/inspections/team_detail.html", _detail_context(request, team))


@login_required
@require_POST
def team_act(request, pk):
    team = selectors.team_for_user(request.user, pk)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.team_act(team=team, actor=request.user, action=form.cleaned_data["action"])
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error, {"action": None})
        else:
            messages.success(request, _("Saved."))
            if request.POST.get("next") == "agency":
                return redirect("inspections:agency", team.agency_id)
            return redirect("inspections:detail", team.pk)
    team = selectors.team_for_user(request.user, pk)
    return render(request, "staffing/inspections/team_detail.html", _detail_context(request, team, form))


def _district_filters(request):
    form = DistrictFilterForm(request.GET or None, agencies=Agency.objects.order_by("name"))
    filters = {}
    if form.is_valid():
        filters = {key: form.cleaned_data[key] for key in ("agency", "status", "start", "end")}
    return form, filters


@login_required
def district(request):
    if not roles_for(request.user).sees_all_agencies:
        raise Http404
    form, filters = _district_filters(request)
    teams = selectors.district_teams(**filters)
    return render(
        request,
        "staffing/inspections/district.html",
        {"form": form, "teams": teams, "query": request.GET.urlencode()},
    )


def _headers() -> list[str]:
    return [
        _("Agency"),
        _("Kind"),
        pgettext("inspection team", "Subject"),
        _("Organisation inspected"),
        _("Decision number"),
        _("Decision date"),
        _("Planned start"),
        _("Planned end"),
        _("Number of participants"),
        _("Participants"),
        _("Necessity"),
        _("Why the team is necessary"),
        _("Status"),
    ]


@login_required
def district_export(request):
    if not roles_for(request.user).sees_all_agencies:
        raise Http404
    _form, filters = _district_filters(request)
    output = io.BytesIO()
    book = workbook(output)
    sheet = book.add_worksheet(_("Inspection teams")[:31])
    sheet.write_row(0, 0, _headers(), book.header)
    for row, team in enumerate(selectors.district_teams(**filters), start=1):
        names = [m.full_name for m in team.participants.all()] + [str(o) for o in team.outsiders.all()]
        sheet.write_string(row, 0, team.agency.name)
        sheet.write_string(row, 1, team.get_kind_display())
        sheet.write_string(row, 2, team.subject)
        sheet.write_string(row, 3, team.inspected_organisation)
        sheet.write_string(row, 4, team.decision_number)
        for col, day in ((5, team.decision_date), (6, team.planned_start), (7, team.planned_end)):
            sheet.write_string(row, col, day.strftime("%d/%m/%Y"))
        sheet.write_number(row, 8, selectors.participant_count(team))
        sheet.write_string(row, 9, "; ".join(names), book.wrap)
        sheet.write_string(row, 10, team.get_necessity_display())
        sheet.write_string(row, 11, team.necessity_reason, book.wrap)
        sheet.write_string(row, 12, team.get_status_display())
    sheet.set_column(0, 0, 28)
    sheet.set_column(2, 3, 32)
    sheet.set_column(4, 8, 14)
    sheet.set_column(9, 9, 40)
    sheet.set_column(10, 12, 16)
    book.close()
    return xlsx_response(output, f"doan-thanh-tra-{timezone.localdate():%Y%m%d}.xlsx")
