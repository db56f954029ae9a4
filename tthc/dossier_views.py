"""Dossier pages: the one-stop desk's list, intake, detail and receipt; the district office's clause 3.2
notices, extensions and reports; the public status look-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from .calendar import years_without_calendar
from .catalogue_forms import add_service_errors
from .constants import OPEN_DOSSIER_STATUSES, DossierStatus
from .dossier_forms import (
    ChannelHintForm,
    DossierExtensionForm,
    DossierReceiveForm,
    DossierTransitionForm,
    StatusLookupForm,
    add_intake_errors,
)
from .dossier_selectors import (
    NO_OPEN_DOSSIERS,
    dossier_agencies_for_user,
    dossier_trail,
    dossiers_for_agency,
    extension_choices,
    free_postage_ledger,
    free_postage_returns,
    get_agency_for_dossiers,
    get_dossier_for_user,
    lookup_dossier,
    may_read_district_dossiers,
    may_receive_dossiers,
    may_run_district_dossier_actions,
    open_dossier_counts,
    pre_cutoff_dates,
    pre_cutoff_dossiers,
    receipt_place,
    special_case_counts,
)
from .dossier_services import (
    allowed_transitions,
    dossier_receive,
    dossier_transition,
    dossiers_extend,
    intake_rules,
)
from .dossier_throttles import PublicLookupThrottle
from .filters import DossierFilter
from .tasks import send_pre_cutoff_notices

PAGE_SIZE = 25


def _cutoff_dates(today) -> list[str]:
    return [day.strftime("%d/%m/%Y") for day in sorted(set(pre_cutoff_dates(today=today).values()))]


def _require_district_reader(user):
    if not may_read_district_dossiers(user):
        raise Http404


# The one-stop desk ---------------------------------------------------------------------------------


@login_required
def dossier_home(request):
    """Straight to the desk of one's agency; a chooser for the district office and multi-agency officers."""
    agencies = list(dossier_agencies_for_user(request.user).order_by("name"))
    if not agencies:
        raise Http404
    if len(agencies) == 1 and not may_read_district_dossiers(request.user):
        return redirect("tthc:dossier-list", agencies[0].pk)
    today = timezone.localdate()
    counts = open_dossier_counts([a.pk for a in agencies], today=today)
    rows = [{"agency": a, **counts.get(a.pk, NO_OPEN_DOSSIERS)} for a in agencies]
    return render(
        request,
        "tthc/dossiers/home.html",
        {"rows": rows, "district": may_read_district_dossiers(request.user)},
    )


@login_required
def dossier_list(request, agency_id):
    """The desk's list: open dossiers, soonest appointment first, until the officer filters otherwise."""
    agency = get_agency_for_dossiers(request.user, agency_id)
    today = timezone.localdate()
    query = request.GET.copy()
    query.pop("page", None)
    filterset = DossierFilter(
        query, queryset=dossiers_for_agency(agency, today=today), agency=agency, today=today
    )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "tthc/dossiers/list.html",
        {
            "agency": agency,
            "form": filterset.form,
            "filtered": bool(query),
            "page_obj": page,
            "query": query.urlencode(),
            "can_receive": may_receive_dossiers(request.user, agency.pk),
            "counts": open_dossier_counts([agency.pk], today=today).get(agency.pk, NO_OPEN_DOSSIERS),
            "today": today,
        },
    )


@login_required
def dossier_receive_view(request, agency_id):
    """The counter's form; a received dossier opens on its receipt, ready to print and hand over."""
    agency = get_agency_for_dossiers(request.user, agency_id, receive=True)
    form = DossierReceiveForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = dossier_receive(agency=agency, actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_intake_errors(form, exc)
        else:
            messages.success(
                request,
                _("Dossier %(code)s received; appointment date %(due)s. Print the receipt for the applicant.")
                % {"code": dossier.code, "due": dossier.due_date.strftime("%d/%m/%Y")},
            )
            return redirect("tthc:dossier-receipt", dossier.pk)
    procedure, day = form.chosen_procedure_and_day()
    rules = intake_rules(agency=agency, procedure=procedure, day=day) if procedure and day else None
    return render(
        request,
        "tthc/dossiers/receive.html",
        {"agency": agency, "form": form, "rules": rules, "chosen": form.data.get("channel", "")},
    )


@login_required
@require_GET
def dossier_channel_hint(request, agency_id):
    """The htmx partial under the procedure field: which channels are open for it on the intake day, and
    whether the channel chosen so far is one of them."""
    agency = get_agency_for_dossiers(request.user, agency_id, receive=True)
    form = ChannelHintForm(request.GET)
    rules, chosen = None, ""
    if form.is_valid():
        day = form.cleaned_data["received_date"] or timezone.localdate()
        rules = intake_rules(agency=agency, procedure=form.cleaned_data["procedure"], day=day)
        chosen = form.cleaned_data["channel"]
    return render(request, "tthc/dossiers/_channel_hint.html", {"rules": rules, "chosen": chosen})


@login_required
def dossier_detail(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    can_act = may_receive_dossiers(request.user, dossier.agency_id)
    today = timezone.localdate()
    return render(
        request,
        "tthc/dossiers/detail.html",
        {
            "dossier": dossier,
            "trail": dossier_trail(dossier),
            "transitions": [DossierStatus(s) for s in allowed_transitions(dossier.status)] if can_act else [],
            "transition_form": DossierTransitionForm(),
            "can_act": can_act,
            "is_overdue": dossier.status in OPEN_DOSSIER_STATUSES and dossier.due_date < today,
        },
    )


@login_required
@require_POST
def dossier_transition_view(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    if not may_receive_dossiers(request.user, dossier.agency_id):
        raise Http404
    form = DossierTransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The step could not be recorded: check the note and the postage."))
        return redirect("tthc:dossier-detail", dossier.pk)
    try:
        dossier = dossier_transition(
            dossier=dossier,
            to_status=form.cleaned_data["to_status"],
            actor=request.user,
            note=form.cleaned_data["note"],
            postage_amount=form.cleaned_data["postage_amount"],
        )
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("Dossier %(code)s: %(status)s.")
            % {"code": dossier.code, "status": dossier.get_status_display()},
        )
    return redirect("tthc:dossier-detail", dossier.pk)


@login_required
def dossier_receipt(request, pk):
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả, to print and hand over (or post) to the applicant."""
    dossier = get_dossier_for_user(request.user, pk)
    documents = [line.strip() for line in dossier.documents_received.splitlines() if line.strip()]
    return render(
        request,
        "tthc/dossiers/receipt.html",
        {
            "dossier": dossier,
            "documents": documents,
            "place": receipt_place(dossier.agency),
            "can_receive": may_receive_dossiers(request.user, dossier.agency_id),
        },
    )


@login_required
def dossier_free_postage(request, agency_id):
    """The free-postage ledger of one agency: each free postal return and the postage booked."""
    agency = get_agency_for_dossiers(request.user, agency_id)
    returns = free_postage_returns(agency)
    page = Paginator(returns, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "tthc/dossiers/free_postage.html",
        {
            "agency": agency,
            "page_obj": page,
            "totals": free_postage_ledger().filter(pk=agency.pk).first(),
            "can_receive": may_receive_dossiers(request.user, agency.pk),
        },
    )


# The district office -------------------------------------------------------------------------------


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


# Public -------------------------------------------------------------------------------------------


def dossier_lookup(request):
    """Anyone with a dossier code and the applicant's phone sees its status; any wrong pair says only
    "not found", and each client gets a limited number of tries."""
    # POST keeps the phone number out of addresses, browser history and server logs.
    form = StatusLookupForm(request.POST or None)
    dossier = None
    not_found = throttled = False
    status = 200
    if form.is_valid():
        throttle = PublicLookupThrottle()
        if not throttle.allow_request(request, None):
            throttled, status = True, 429
        else:
            dossier = lookup_dossier(code=form.cleaned_data["code"], phone=form.cleaned_data["phone"])
            not_found = dossier is None
    response = render(
        request,
        "tthc/dossiers/lookup.html",
        {
            "form": form,
            "dossier": dossier,
            "is_late": bool(
                dossier
                and dossier.status in OPEN_DOSSIER_STATUSES
                and dossier.status != DossierStatus.RESULT_READY
                and dossier.due_date < timezone.localdate()
            ),
            "not_found": not_found,
            "throttled": throttled,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response
