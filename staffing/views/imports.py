"""Staff import from a spreadsheet, for the district office (any agency) and heads (their own agency)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from staffing.toolkit.importing import import_page_context, template_csv, template_xlsx

from ..forms import AgencyPickForm, ImportForm
from ..importers import StaffImporter
from ..selectors import agencies_managed_by, get_agency_for_user
from .organisation import agency_crumbs

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def import_start(request):
    """Choose the agency whose staff to import; a head with one agency goes straight to its page."""
    agencies = agencies_managed_by(request.user).order_by("name")
    if len(agencies[:2]) == 1:
        return redirect("staffing:staff-import", pk=agencies[0].pk)
    if not agencies.exists():
        raise Http404
    form = AgencyPickForm(request.GET or None, agencies=agencies)
    if form.is_valid():
        return redirect("staffing:staff-import", pk=form.cleaned_data["agency"].pk)
    return render(request, "staffing/import_start.html", {"form": form})


@login_required
def staff_import(request, pk):
    agency = get_agency_for_user(request.user, pk, manage=True)
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        commit = "check" not in request.POST
        result = StaffImporter(agency=agency, user=request.user).run(form.cleaned_data["file"], commit=commit)
        if result.committed:
            messages.success(
                request,
                _(
                    "Import finished for %(agency)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
                )
                % {
                    "agency": agency.name,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect("staffing:staff-list", pk=agency.pk)
    return render(
        request,
        "staffing/staff_import.html",
        {
            "agency": agency,
            "crumbs": agency_crumbs(agency, current=_("Import staff")),
            **import_page_context(
                StaffImporter,
                form=form,
                result=result,
                csv_url=reverse("staffing:import-template-csv"),
                xlsx_url=reverse("staffing:import-template-xlsx"),
            ),
        },
    )


@login_required
def import_template(request, fmt):
    if not agencies_managed_by(request.user).exists():
        raise Http404
    importer = StaffImporter(agency=None)
    content = template_csv(importer) if fmt == "csv" else template_xlsx(importer, sheet_name=_("Staff"))
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="staff-template.{fmt}"'
    return response
