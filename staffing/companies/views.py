"""The commune's register of companies (clause 5 of 2629/UBND): list, detail, form, import and export."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.roles import roles_for
from staffing.toolkit.filters import filter_query
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.importing import import_page_context, template_csv, template_xlsx
from staffing.toolkit.xlsx import xlsx_response

from .constants import PAGE_SIZE
from .exports import companies_workbook
from .filters import CompanyFilter
from .forms import CompanyForm, ImportForm
from .importers import CompanyImporter
from .selectors import (
    communes_managed_by,
    communes_visible_to,
    companies_visible_to,
    get_company_for_user,
    online_figures,
)
from .services import company_save

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8"}
# More rows than this are not exported at once: the district's register is a few thousand companies.
EXPORT_MAX_ROWS = 20000


def _crumbs(current=None):
    crumbs = [(_("Companies"), reverse("companies:list"))]
    return crumbs if current is None else [*crumbs, (current, None)]


def _communes_or_404(user, *, manage=False):
    """The communes the user reads (or changes); a user with none has no register: 404."""
    communes = (communes_managed_by(user) if manage else communes_visible_to(user)).order_by("name")
    picked = list(communes)
    if not picked:
        raise Http404
    return communes, picked


def _filtered(request, communes, picked):
    filterset = CompanyFilter(
        request.GET or None,
        queryset=companies_visible_to(request.user),
        communes=communes if len(picked) > 1 else None,
    )
    return filterset


@login_required
def company_list(request):
    communes, picked = _communes_or_404(request.user)
    filterset = _filtered(request, communes, picked)
    companies = filterset.qs.order_by("name", "id")
    roles = roles_for(request.user)
    can_add = any(roles.can_manage_agency(commune.pk) for commune in picked)
    return render(
        request,
        "staffing/companies/list.html",
        {
            "crumbs": _crumbs(),
            "commune": picked[0] if len(picked) == 1 else None,
            "form": filterset.form,
            "page_obj": Paginator(companies, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": filter_query(filterset),
            "figures": online_figures(filterset.qs),
            "can_add": can_add,
            "show_commune": len(picked) > 1,
        },
    )


@login_required
def company_export(request):
    communes, picked = _communes_or_404(request.user)
    filterset = _filtered(request, communes, picked)
    companies = filterset.qs.order_by("commune__name", "name", "id")[:EXPORT_MAX_ROWS]
    output = companies_workbook(companies)
    return xlsx_response(output, f"companies-{timezone.localdate():%Y-%m-%d}.xlsx")


@login_required
def company_detail(request, pk):
    company = get_company_for_user(request.user, pk)
    history = list(company.history.select_related("history_user").order_by("-history_date")[:20])
    return render(
        request,
        "staffing/companies/detail.html",
        {
            "company": company,
            "crumbs": _crumbs(company.name),
            "can_manage": roles_for(request.user).can_manage_agency(company.commune_id),
            "history": history,
        },
    )


def _save_form(request, *, communes, company=None):
    picked = list(communes)
    initial = CompanyForm.initial_for(company) if company else None
    form = CompanyForm(
        request.POST or None,
        initial=initial,
        communes=communes if company is None and len(picked) > 1 else None,
    )
    if request.method == "POST" and form.is_valid():
        commune = company.commune if company is not None else form.cleaned_data.get("commune") or picked[0]
        try:
            saved = company_save(commune=commune, company=company, **form.service_fields()).company
        except ValidationError as exc:
            add_service_errors(form, exc, {"is_active": "status"})
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": saved.name})
            return redirect("companies:detail", pk=saved.pk)
    title = company.name if company else _("Add a company")
    return render(
        request,
        "staffing/companies/form.html",
        {
            "form": form,
            "company": company,
            "commune": company.commune if company else (picked[0] if len(picked) == 1 else None),
            "crumbs": _crumbs(title),
        },
    )


@login_required
def company_create(request):
    communes, _picked = _communes_or_404(request.user, manage=True)
    return _save_form(request, communes=communes)


@login_required
def company_edit(request, pk):
    company = get_company_for_user(request.user, pk, manage=True)
    return _save_form(request, communes=[company.commune], company=company)


@login_required
def company_import(request):
    communes, picked = _communes_or_404(request.user, manage=True)
    several = len(picked) > 1
    form = ImportForm(request.POST or None, request.FILES or None, communes=communes if several else None)
    result = None
    if request.method == "POST" and form.is_valid():
        commune = form.cleaned_data["commune"] if several else picked[0]
        commit = "check" not in request.POST
        result = CompanyImporter(commune=commune).run(form.cleaned_data["file"], commit=commit)
        if result.committed:
            messages.success(
                request,
                _(
                    "Import finished for %(commune)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged."
                )
                % {
                    "commune": commune.name,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                },
            )
            return redirect(reverse("companies:list") + (f"?commune={commune.pk}" if several else ""))
    return render(
        request,
        "staffing/companies/import.html",
        {
            "commune": None if several else picked[0],
            "crumbs": _crumbs(_("Import companies")),
            **import_page_context(
                CompanyImporter,
                form=form,
                result=result,
                csv_url=reverse("companies:import-template-csv"),
                xlsx_url=reverse("companies:import-template-xlsx"),
            ),
        },
    )


@login_required
def import_template(request, fmt):
    _communes_or_404(request.user, manage=True)
    importer = CompanyImporter(commune=None)
    if fmt == "csv":
        response = HttpResponse(template_csv(importer), content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = 'attachment; filename="companies-template.csv"'
        return response
    return xlsx_response(
        io.BytesIO(template_xlsx(importer, sheet_name=_("Companies"))), "companies-template.xlsx"
    )
