"""The public status look-up of a dossier: its code and the applicant's phone, a few tries per client."""

from django.shortcuts import render
from django.utils import timezone

from staffing.toolkit.throttles import PublicLookupThrottle

from .constants import OPEN_DOSSIER_STATUSES, DossierStatus
from .forms import StatusLookupForm
from .selectors import lookup_dossier


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
