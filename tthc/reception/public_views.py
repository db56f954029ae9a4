"""Public pages (no login): an agency's citizen reception, the online petition form with its receipt, and
the status look-up by code and phone (clause 2, third dash of 2629/UBND suspends in-person reception)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from staffing.registry.models import Agency
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.throttles import PublicFilingThrottle, PublicLookupThrottle

from .forms import PetitionForm, PetitionLookupForm
from .models import Petition
from .selectors import lookup_petition, reception_status
from .services import petition_file

# The codes of the petitions this browser filed: only they open a receipt with the filer's own details.
SESSION_KEY = "petition_receipts"
SESSION_KEEP = 20


def _public_agency(pk) -> Agency:
    return get_object_or_404(Agency.objects.active(), pk=pk)


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def reception_page(request, pk):
    agency = _public_agency(pk)
    return render(
        request, "tthc/reception/public_reception.html", {"agency": agency, "r": reception_status(agency)}
    )


@require_http_methods(["GET", "POST"])
def petition_file_view(request, pk):
    """Anyone files a petition with the agency; a few filings per client an hour."""
    agency = _public_agency(pk)
    form = PetitionForm(request.POST or None, request.FILES or None)
    throttled = False
    status = 200
    if request.method == "POST" and form.is_valid():
        if not PublicFilingThrottle().allow_request(request, None):
            throttled, status = True, 429
        else:
            try:
                petition = petition_file(agency=agency, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                codes = [petition.code, *request.session.get(SESSION_KEY, [])][:SESSION_KEEP]
                request.session[SESSION_KEY] = codes
                return redirect("tthc:petition-receipt")
    response = render(
        request,
        "tthc/reception/petition_form.html",
        {"agency": agency, "form": form, "throttled": throttled, "r": reception_status(agency)},
        status=status,
    )
    return _no_store(response)


def petition_receipt(request):
    """The printable receipt of the petition this browser filed last: no code in the address, so nobody
    opens another filer's receipt (and its personal data) by typing one."""
    codes = request.session.get(SESSION_KEY, [])
    if not codes:
        raise Http404
    petition = get_object_or_404(Petition.objects.select_related("agency"), code=codes[0])
    return _no_store(render(request, "tthc/reception/receipt.html", {"petition": petition}))


def petition_lookup(request):
    """Exactly the dossier look-up's rules: code and phone, one answer for any wrong pair, the same
    per-client allowance of tries."""
    # POST keeps the phone number out of addresses, browser history and server logs.
    form = PetitionLookupForm(request.POST or None)
    petition = None
    not_found = throttled = False
    status = 200
    if form.is_valid():
        if not PublicLookupThrottle().allow_request(request, None):
            throttled, status = True, 429
        else:
            petition = lookup_petition(code=form.cleaned_data["code"], phone=form.cleaned_data["phone"])
            not_found = petition is None
    response = render(
        request,
        "tthc/reception/lookup.html",
        {"form": form, "petition": petition, "not_found": not_found, "throttled": throttled},
        status=status,
    )
    return _no_store(response)
