"""The one-stop desk's pages: the list, intake with its channel hint, the detail and its steps, the receipt,
and the free-postage ledger of one agency."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tthc.intake.rules import intake_rules

from .constants import OPEN_DOSSIER_STATUSES, DossierStatus
from .filters import DossierFilter
from .forms import ChannelHintForm, DossierReceiveForm, DossierTransitionForm, add_intake_errors
from .selectors import (
    NO_OPEN_DOSSIERS,
    dossier_agencies_for_user,
    dossier_trail,
    dossiers_for_agency,
    free_postage_ledger,
    free_postage_returns,
    get_agency_for_dossiers,
    get_dossier_for_user,
    may_read_district_dossiers,
    may_receive_dossiers,
    open_dossier_counts,
    receipt_place,
)
from .services import allowed_transitions, dossier_receive, dossier_transition

PAGE_SIZE = 25


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
