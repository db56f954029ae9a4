"""The two halves of every tthc import page (the catalogue, the calendar): run the shared importer on the
uploaded file, and hand out its template."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from staffing.toolkit import xlsx
from staffing.toolkit.importing import import_page_context, template_csv, template_xlsx

from .forms import ImportFileForm

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": xlsx.CONTENT_TYPE}


def import_page(request, *, importer_class, template: str, done_message: str, done_url: str, crumbs, urls):
    """Check or import the uploaded file (all rows or none); after an import, say how many and go on.

    done_message is formatted with created, updated and unchanged; urls holds the template "csv" and
    "xlsx" addresses.
    """
    result = None
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        commit = "check" not in request.POST
        result = importer_class(user=request.user).run(form.cleaned_data["file"], commit=commit)
        if result.committed:
            counts = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
            messages.success(request, done_message % counts)
            return redirect(done_url)
    context = import_page_context(
        importer_class, form=form, result=result, csv_url=urls["csv"], xlsx_url=urls["xlsx"]
    )
    return render(request, template, {"crumbs": crumbs, **context})


def template_download(importer, fmt: str, *, sheet_name: str, filename: str) -> HttpResponse:
    content = template_csv(importer) if fmt == "csv" else template_xlsx(importer, sheet_name=sheet_name)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
