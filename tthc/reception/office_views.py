"""Pages of the district office: overdue petitions across the district, and the time limit of an answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.models import Agency
from staffing.registry.roles import roles_for
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .forms import OfficeFilterForm, SettingsForm
from .models import PetitionSettings

PAGE_SIZE = 50


@login_required
def petition_office(request):
    if not selectors.may_read_district_petitions(request.user):
        raise Http404
    today = timezone.localdate()
    form = OfficeFilterForm(request.GET or None, agencies=Agency.objects.active().order_by("name"))
    agency = form.cleaned_data["agency"] if form.is_valid() else None
    rows = selectors.overdue_petitions(today=today, agency_id=agency.pk if agency else None)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tthc/reception/office.html",
        {
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "today": today,
            "settings": PetitionSettings.current(),
            "may_edit_settings": roles_for(request.user).is_district_manager,
        },
    )


@login_required
def petition_settings(request):
    """The district office sets how many working days an agency has to answer a petition."""
    if not roles_for(request.user).is_district_manager:
        raise Http404
    current = PetitionSettings.current()
    form = SettingsForm(
        request.POST or None, initial={"answer_within_working_days": current.answer_within_working_days}
    )
    if form.is_valid():
        try:
            services.petition_settings_set(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The time limit has been saved."))
            return redirect("tthc:petition-office")
    return render(request, "tthc/reception/settings.html", {"form": form}, status=400 if form.errors else 200)
