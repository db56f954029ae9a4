"""Public open-data pages and files (no login): the index, each resource as CSV or JSON, the descriptor.

Every file is counted against one per-client allowance (OpenDataThrottle); a period the form refuses is a
400 with the reason in Vietnamese, never a file of something else."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from staffing.toolkit.throttles import OpenDataThrottle

from . import writers
from .forms import MAX_DAYS, PeriodForm
from .registry import get_resource, resources

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
CACHE_SECONDS = 300


def _throttled():
    response = HttpResponse(
        _("Too many downloads from this address: please wait a minute and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(OpenDataThrottle().duration)
    return response


def _refused(form):
    lines = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
    return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


@require_GET
def index(request):
    form = PeriodForm(request.GET if request.GET else None)
    start, end = form.period()
    query = "" if not (form.is_bound and form.is_valid()) else request.GET.urlencode()
    return render(
        request,
        "directives/opendata/index.html",
        {
            "resources": resources(),
            "form": form,
            "start": start,
            "end": end,
            "query": query,
            "max_days": MAX_DAYS,
            "license": writers.LICENSE,
        },
    )


@require_GET
def download(request, name, fmt):
    resource = get_resource(name)
    if not OpenDataThrottle().allow_request(request, None):
        return _throttled()
    form = PeriodForm(request.GET if request.GET else None)
    if form.is_bound and not form.is_valid():
        return _refused(form)
    start, end = form.period()
    rows = resource.rows(start, end)
    if fmt == "csv":
        body = writers.csv_bytes(resource, rows)
    else:
        body = writers.json_bytes(resource, rows, start=start, end=end)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    suffix = f"_{start:%Y%m%d}-{end:%Y%m%d}" if resource.periodic else f"_{end:%Y%m%d}"
    response["Content-Disposition"] = f'inline; filename="{resource.name}{suffix}.{fmt}"'
    response["X-Period"] = (
        f"{date_format(start, 'SHORT_DATE_FORMAT')}–{date_format(end, 'SHORT_DATE_FORMAT')}"
        if resource.periodic
        else date_format(end, "SHORT_DATE_FORMAT")
    )
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_GET
def descriptor(request):
    if not OpenDataThrottle().allow_request(request, None):
        return _throttled()
    package = writers.datapackage(base_url=request.build_absolute_uri("/").rstrip("/"))
    response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 1})
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
