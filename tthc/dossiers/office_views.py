"""The district office's dossier pages: special cases and the free-postage ledger, the clause 3.2 notices
of dossiers received before the cut-off, and extensions of due dates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from staffing.toolkit.forms import add_service_errors
from tthc.calendar.working_days import years_without_calendar

from .forms import DossierExtensionForm
from .selectors import (
    dossier_agencies_for_user,
    extension_choices,
    free_postage_ledger,
    may_read_district_dossiers,
    may_run_district_dossier_actions,
    open_dossier_counts,
    pre_cutoff_dates,
    pre_cutoff_dossiers,
    special_case_counts,
)
from .services import dossiers_extend
from .tasks import send_pre_cutoff_notices


def _cutoff_dates(today) -> list[str]:
    return [day.strftime("%d/%m/%Y") for day in sorted(set(pre_cutoff_dates(today=today).values()))]


def _require_district_reader(user):
    if not may_read_district_dossiers(user):
        raise Http404


@login_required
def dossier_office(request):
    """Special cases per agency (clause 3.1 b), the free-postage ledger, open and overdue dossiers."""
    _require_district_reader(request.user)
    today = timezone.localdate()
    agencies = list(dossier_agencies_for_user(request.user).order_by("name"))
    counts = open_dossier_counts([a.pk for a in agencies], today=today)
    return render(
        request,
        "tthc/dossiers/office.html",
        {
            "special_cases": special_case_counts(),
            "ledger": free_postage_ledger(),
            "open_rows": [
                {"agency": a, **counts[a.pk]} for a in agencies if counts.get(a.pk, {}).get("open")
            ],
            "can_act": may_run_district_dossier_actions(request.user),
            "cutoffs": _cutoff_dates(today),
            "missing_years": years_without_calendar(today),
        },
    )


@login_required
def dossier_cutoff(request):
    """Clause 3.2: open dossiers received before the cut-off; the office sends their applicants the notice."""
    _require_district_reader(request.user)
    today = timezone.localdate()
    dossiers = pre_cutoff_dossiers(today=today)
    if request.method == "POST":
        if not may_run_district_dossier_actions(request.user):
            raise Http404
        ids = list(
            dossiers.filter(notice_sent=False).exclude(applicant_email="").values_list("pk", flat=True)
        )
        if ids:
            actor_id = request.user.pk
            transaction.on_commit(lambda: send_pre_cutoff_notices.delay(ids, actor_id))
        messages.success(
            request,
            ngettext(
                "%(count)d notice is being sent.",
                "%(count)d notices are being sent.",
                len(ids),
            )
            % {"count": len(ids)},
        )
        return redirect("tthc:dossier-cutoff")
    rows = list(dossiers)
    return render(
        request,
        "tthc/dossiers/cutoff.html",
        {
            "rows": rows,
            "pending": sum(1 for d in rows if not d.notice_sent and d.applicant_email),
            "without_email": sum(1 for d in rows if not d.applicant_email),
            "cutoffs": _cutoff_dates(today),
            "can_act": may_run_district_dossier_actions(request.user),
        },
    )


@login_required
def dossier_extension(request):
    """Extend the due date of every open dossier of chosen procedures and agencies by N working days."""
    if not may_run_district_dossier_actions(request.user):
        raise Http404
    form = DossierExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = dossiers_extend(
                procedures=list(form.cleaned_data["procedures"]),
                agencies=list(form.cleaned_data["agencies"]),
                working_days=form.cleaned_data["working_days"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "The due date of %(count)d open dossier was extended.",
                    "The due dates of %(count)d open dossiers were extended.",
                    count,
                )
                % {"count": count},
            )
            return redirect("tthc:dossier-office")
    chosen_agencies = form.chosen("agencies")
    procedures, agency_groups = extension_choices(
        procedures=form.fields["procedures"].queryset, agencies=form.fields["agencies"].queryset
    )
    return render(
        request,
        "tthc/dossiers/extension.html",
        {
            "form": form,
            "procedures": procedures,
            "agency_groups": agency_groups,
            "chosen_procedures": form.chosen("procedures"),
            "chosen_agencies": chosen_agencies,
            "open_kinds": {
                kind
                for kind, _label, choices in agency_groups
                if any(c.obj.pk in chosen_agencies for c in choices)
            },
        },
    )
