"""Pages of the checks: a commune's companies with their latest check, a company's checks, the check form,
follow-ups due, the district office's table with its XLSX, and the office's criteria sets and bands."""

import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.roles import roles_for
from staffing.toolkit import xlsx
from staffing.toolkit.dates import parse_day
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .constants import FOLLOW_UP_DUE_DAYS, Outcome
from .forms import BandsForm, CheckForm, CriteriaSetForm, FollowUpCloseForm
from .models import CompanyCheck, CriteriaSet
from .scoring import badge_classes, bands_in_force

PAGE_SIZE = 50


def _styled(checks) -> list:
    styles = badge_classes(bands_in_force())
    checks = list(checks)
    for check in checks:
        check.risk_css = styles.get(check.risk_level, "text-bg-secondary")
    return checks


def _crumbs(user, commune, *more) -> list:
    crumbs = []
    if roles_for(user).sees_all_agencies:
        crumbs.append((_("Checks by commune"), reverse("company_checks:district")))
    crumbs.append((commune.name, reverse("company_checks:commune", args=[commune.pk])))
    return crumbs + list(more)


def _district_reader(user):
    if not roles_for(user).sees_all_agencies:
        raise Http404


@login_required
def index(request):
    """The menu's entry: the district's table for district roles, one's own commune otherwise."""
    roles = roles_for(request.user)
    if roles.sees_all_agencies:
        return redirect("company_checks:district")
    communes = list(selectors.communes_visible_to(request.user).order_by("name")[:1])
    if not communes:
        raise Http404
    return redirect("company_checks:commune", communes[0].pk)


@login_required
def district(request):
    _district_reader(request.user)
    today = timezone.localdate()
    rows = selectors.district_table(today=today)
    bands = bands_in_force()
    context = {
        "rows": rows,
        "outcomes": Outcome.choices,
        "bands": bands,
        "totals": _totals(rows, bands),
        "within": FOLLOW_UP_DUE_DAYS,
    }
    return render(request, "staffing/company_checks/district.html", context)


def _totals(rows, bands) -> dict:
    for row in rows:
        row.outcome_cells = [(value, row.outcomes.get(value, 0)) for value in Outcome.values]
        row.risk_cells = [(b.label, row.risks.get(b.label, 0)) for b in bands]
    workforce = sum(r.workforce for r in rows)
    online = sum(r.online for r in rows)
    return {
        "outcomes": [sum(r.outcomes.get(value, 0) for r in rows) for value in Outcome.values],
        "risks": [sum(r.risks.get(b.label, 0) for r in rows) for b in bands],
        "companies": sum(r.companies for r in rows),
        "checked": sum(r.checked for r in rows),
        "workforce": workforce,
        "online": online,
        "online_percent": round(100 * online / workforce) if workforce else None,
        "overdue": sum(r.overdue for r in rows),
        "due": sum(r.due for r in rows),
    }


@login_required
def district_export(request):
    _district_reader(request.user)
    rows = selectors.district_table(today=timezone.localdate())
    bands = bands_in_force()
    output = io.BytesIO()
    book = xlsx.workbook(output)
    sheet = book.add_worksheet(_("Checks by commune")[:31])
    headers = [
        _("Commune"),
        _("Operating companies"),
        _("Checked"),
        *[str(label) for _value, label in Outcome.choices],
        *[b.label for b in bands],
        _("Workforce"),
        _("Employees working online"),
        _("Share online (%)"),
        _("Follow-ups overdue"),
        _("Follow-ups due"),
    ]
    sheet.write_row(0, 0, headers, book.header)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(
            index,
            0,
            [
                row.commune.name,
                row.companies,
                row.checked,
                *[row.outcomes.get(value, 0) for value in Outcome.values],
                *[row.risks.get(b.label, 0) for b in bands],
                row.workforce,
                row.online,
                "" if row.online_percent is None else row.online_percent,
                row.overdue,
                row.due,
            ],
        )
    sheet.set_column(0, 0, 32)
    sheet.set_column(1, len(headers) - 1, 14)
    book.close()
    return xlsx.xlsx_response(output, f"company-checks-{timezone.localdate():%Y-%m-%d}.xlsx")


@login_required
def commune(request, pk):
    commune = selectors.get_commune_for_user(request.user, pk)
    outcome = request.GET.get("outcome", "")
    risk = request.GET.get("risk", "")
    search = request.GET.get("q", "").strip()[:100]
    companies = selectors.companies_with_latest_check(commune, outcome=outcome, risk=risk, search=search)
    page = Paginator(companies, PAGE_SIZE).get_page(request.GET.get("page"))
    bands = bands_in_force()
    styles = badge_classes(bands)
    labels = dict(Outcome.choices)
    for c in page:
        c.outcome_label = labels.get(c.latest_outcome, "")
        c.risk_css = styles.get(c.latest_risk, "text-bg-secondary")
    today = timezone.localdate()
    follow = selectors.follow_up_counts([commune.pk], today=today).get(commune.pk, {"overdue": 0, "due": 0})
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "commune": commune,
        "page": page,
        "outcomes": Outcome.choices,
        "bands": bands,
        "outcome": outcome,
        "risk": risk,
        "search": search,
        "follow": follow,
        "today": today,
        "query": query.urlencode(),
        "may_record": selectors.may_record(request.user, commune.pk),
    }
    return render(request, "staffing/company_checks/commune.html", context)


@login_required
def follow_ups(request, pk):
    commune = selectors.get_commune_for_user(request.user, pk)
    today = timezone.localdate()
    overdue, due = selectors.follow_ups(commune, today=today)
    context = {
        "commune": commune,
        "sections": [
            (_("Overdue"), _styled(overdue), "text-danger"),
            (_("Due within %(n)s days") % {"n": FOLLOW_UP_DUE_DAYS}, _styled(due), ""),
        ],
        "today": today,
        "may_record": selectors.may_record(request.user, commune.pk),
        "crumbs": _crumbs(request.user, commune, (_("Follow-ups"), None)),
    }
    return render(request, "staffing/company_checks/follow_ups.html", context)


@login_required
def company(request, pk):
    company = selectors.get_company_for_user(request.user, pk)
    context = {
        "company": company,
        "checks": _styled(selectors.checks_of_company(company)),
        "may_record": selectors.may_record(request.user, company.commune_id),
        "today": timezone.localdate(),
        "crumbs": _crumbs(request.user, company.commune, (company.name, None)),
    }
    return render(request, "staffing/company_checks/company.html", context)


def _criteria_for(form_data, company, check):
    if check is not None:
        return check.criteria_set
    day = parse_day(form_data.get("checked_on")) if form_data else None
    return selectors.criteria_set_in_force(day or timezone.localdate(), company.sector)


def _check_form(request, company, check=None):
    data = request.POST if request.method == "POST" else None
    criteria_set = _criteria_for(data, company, check)
    criteria = list(criteria_set.criteria.all()) if criteria_set else []
    initial = {"checked_on": timezone.localdate(), "mode": "on_site"}
    if check is not None:
        marked = set(check.answers.filter(at_risk=True).values_list("criterion_id", flat=True))
        initial = {
            "checked_on": check.checked_on,
            "mode": check.mode,
            "checked_by": check.checked_by_id,
            "on_site_count": check.on_site_count,
            "online_count": check.online_count,
            "outcome": check.outcome,
            "requested": check.requested,
            "follow_up_on": check.follow_up_on,
            **{f"risk_{pk}": True for pk in marked},
        }
    form = CheckForm(data, initial=initial, commune=company.commune, criteria=criteria)
    if data is not None and form.is_valid():
        try:
            saved = services.check_record(
                actor=request.user, company=company, check=check, **form.service_kwargs()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Check saved: %(level)s (%(score)s of %(max)s points).")
                % {"level": saved.risk_level, "score": saved.score, "max": saved.max_score},
            )
            return redirect("company_checks:check", saved.pk)
    context = {
        "company": company,
        "check": check,
        "form": form,
        "criteria_set": criteria_set,
        "crumbs": _crumbs(
            request.user,
            company.commune,
            (company.name, reverse("company_checks:company", args=[company.pk])),
            (_("Correct the check") if check else _("Record a check"), None),
        ),
        "bands_json": json.dumps([[b.upper_percent, b.label] for b in bands_in_force()], ensure_ascii=False),
    }
    return render(request, "staffing/company_checks/check_form.html", context)


@login_required
def check_new(request, pk):
    company = selectors.get_company_for_user(request.user, pk)
    if not selectors.may_record(request.user, company.commune_id):
        raise Http404
    return _check_form(request, company)


@login_required
def check_edit(request, pk):
    check = selectors.get_check_for_user(request.user, pk, manage=True)
    return _check_form(request, check.company, check)


@login_required
def check_detail(request, pk):
    check = selectors.get_check_for_user(request.user, pk)
    (check,) = _styled([check])
    context = {
        "check": check,
        "answers": check.answers.select_related("criterion"),
        "may_record": selectors.may_record(request.user, check.commune_id),
        "close_form": FollowUpCloseForm(),
        "today": timezone.localdate(),
        "crumbs": _crumbs(
            request.user,
            check.commune,
            (check.company.name, reverse("company_checks:company", args=[check.company_id])),
            (check.checked_on.strftime("%d/%m/%Y"), None),
        ),
    }
    return render(request, "staffing/company_checks/check_detail.html", context)


@login_required
@require_POST
def follow_up_close(request, pk):
    check = selectors.get_check_for_user(request.user, pk, manage=True)
    form = FollowUpCloseForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_close(actor=request.user, check=check, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Follow-up closed."))
    else:
        messages.error(request, _("Say how the follow-up was closed."))
    if request.POST.get("next_page") == "follow_ups":
        return redirect("company_checks:follow_ups", check.commune_id)
    return redirect("company_checks:check", check.pk)


@login_required
def criteria(request, pk=None):
    """Criteria sets: district roles read them; the office adds a version (from a copy of one) or changes
    one no check has used."""
    roles = roles_for(request.user)
    if not roles.sees_all_agencies:
        raise Http404
    instance = get_object_or_404(CriteriaSet, pk=pk) if pk else None
    used = instance is not None and instance.is_used
    form = None
    if roles.is_district_manager and not used:
        copy_from = CriteriaSet.objects.filter(pk=request.GET.get("copy") or 0).first()
        form = CriteriaSetForm(request.POST or None, instance=instance, copy_from=copy_from)
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.criteria_set_save(
                    actor=request.user,
                    criteria_set=form.instance,
                    criteria=form.cleaned_data["criteria_text"],
                )
            except ValidationError as error:
                add_service_errors(form, error, {"criteria": "criteria_text"})
            else:
                messages.success(request, _("Criteria set saved."))
                return redirect("company_checks:criteria")
    sets = CriteriaSet.objects.prefetch_related("criteria").order_by("workplace_kind", "-effective_from")
    used_ids = set(CompanyCheck.objects.values_list("criteria_set_id", flat=True).distinct())
    context = {
        "sets": sets,
        "used_ids": used_ids,
        "form": form,
        "instance": instance,
        "used": used,
        "may_edit": roles.is_district_manager,
    }
    return render(request, "staffing/company_checks/criteria.html", context)


@login_required
def bands(request):
    roles = roles_for(request.user)
    if not roles.sees_all_agencies:
        raise Http404
    current = bands_in_force()
    form = None
    if roles.is_district_manager:
        initial = {"bands_text": "\n".join(f"{b.upper_percent} | {b.label}" for b in current)}
        form = BandsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.risk_bands_set(actor=request.user, bands=form.cleaned_data["bands_text"])
            except ValidationError as error:
                add_service_errors(form, error, {"bands": "bands_text"})
            else:
                messages.success(request, _("Risk bands saved."))
                return redirect("company_checks:bands")
    rows, lower = [], 0
    for band in current:
        rows.append((lower, band))
        lower = band.upper_percent
    return render(request, "staffing/company_checks/bands.html", {"rows": rows, "form": form})
