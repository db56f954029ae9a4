"""The quarter's page of an agency (figures, suggested and confirmed levels, the head confirms), its XLSX
and printable forms, a staff member's own classifications, and the office's reopening."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.models import StaffMember
from staffing.registry.roles import roles_for
from staffing.registry.selectors import get_agency_for_user
from staffing.toolkit import xlsx
from staffing.toolkit.dates import asked_date_notice
from staffing.toolkit.forms import add_service_errors

from . import services
from .constants import Level
from .forms import ConfirmForm, ReopenForm, RuleSetForm
from .models import Classification, RuleSet
from .quarters import Quarter
from .selectors import counted, own_classifications, quarter_table


def _reader_agency(user, pk):
    agency = get_agency_for_user(user, pk)
    roles = roles_for(user)
    if not (roles.sees_all_agencies or agency.pk in roles.managed_agency_ids):
        raise Http404
    return agency


def _quarter(request) -> Quarter:
    asked = request.GET.get("quarter") or request.POST.get("quarter")
    quarter = Quarter.parse(asked)
    if quarter is None:
        quarter = Quarter.of(timezone.localdate())
        if notice := asked_date_notice(asked, quarter.label):
            messages.warning(request, notice)
    return counted(quarter)


@login_required
def quarter_page(request, pk):
    agency = _reader_agency(request.user, pk)
    quarter = _quarter(request)
    rows, rules = quarter_table(agency, quarter)
    context = {
        "agency": agency,
        "quarter": quarter,
        "rows": rows,
        "rules": rules,
        "levels": Level.choices,
        "may_confirm": roles_for(request.user).can_manage_agency(agency.pk),
        "may_reopen": roles_for(request.user).is_district_manager,
        "own_staff_id": roles_for(request.user).staff_member_id,
        "errors": {},
    }
    template = (
        "staffing/classification/quarter_print.html"
        if request.GET.get("print")
        else ("staffing/classification/quarter.html")
    )
    return render(request, template, context)


@login_required
@require_POST
def confirm(request, pk):
    agency = get_agency_for_user(request.user, pk, manage=True)
    quarter = _quarter(request)
    form = ConfirmForm(request.POST)
    errors = {}
    if form.is_valid():
        member = get_object_or_404(StaffMember, pk=form.cleaned_data["staff"], agency=agency)
        try:
            services.classification_confirm(
                member=member,
                quarter=quarter,
                actor=request.user,
                level=form.cleaned_data["level"],
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            errors = {member.pk: error.messages}
        else:
            messages.success(request, _("Classification of %(name)s confirmed.") % {"name": member.full_name})
            return redirect(f"{reverse('classification:quarter', args=[agency.pk])}?quarter={quarter.key}")
    else:
        errors = {form.data.get("staff"): [m for ms in form.errors.values() for m in ms]}
    rows, rules = quarter_table(agency, quarter)
    context = {
        "agency": agency,
        "quarter": quarter,
        "rows": rows,
        "rules": rules,
        "levels": Level.choices,
        "may_confirm": True,
        "may_reopen": roles_for(request.user).is_district_manager,
        "own_staff_id": roles_for(request.user).staff_member_id,
        "errors": errors,
        "posted": form.data,
    }
    return render(request, "staffing/classification/quarter.html", context)


@login_required
@require_POST
def reopen(request, pk):
    classification = get_object_or_404(Classification, pk=pk)
    if not roles_for(request.user).is_district_manager:
        raise Http404
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.classification_reopen(
                classification=classification, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Reopened: the head may confirm it again."))
    else:
        messages.error(request, _("Give the reason for reopening."))
    url = reverse("classification:quarter", args=[classification.agency_id])
    return redirect(f"{url}?quarter={classification.quarter}")


@login_required
def export(request, pk):
    agency = _reader_agency(request.user, pk)
    quarter = _quarter(request)
    rows, _rules = quarter_table(agency, quarter)
    output = io.BytesIO()
    book = xlsx.workbook(output)
    sheet = book.add_worksheet(quarter.label.replace("/", "-"))
    headers = [
        _("Full name"),
        _("Position"),
        _("Assignments due"),
        _("Done on time"),
        _("Done late"),
        _("Open past due"),
        _("Exceeds requirements"),
        _("Meets requirements"),
        _("Below requirements"),
        _("Days at home with a report"),
        _("Days at home"),
        _("Days at the office"),
        _("Suggested level"),
        _("Confirmed level"),
        _("Reason"),
    ]
    sheet.write_row(0, 0, headers, book.header)
    for index, row in enumerate(rows, start=1):
        f = row.figures
        c = row.classification
        sheet.write_row(
            index,
            0,
            [
                row.member.full_name,
                row.member.position,
                f.due,
                f.on_time,
                f.late,
                f.open_past_due,
                f.exceeds,
                f.meets,
                f.below,
                f.report_days,
                f.home_days,
                f.office_days,
                str(Level(row.suggested).label),
                str(c.get_level_display()) if c else "",
                c.override_reason if c else "",
            ],
        )
    sheet.set_column(0, 1, 28)
    sheet.set_column(2, 11, 12)
    sheet.set_column(12, 14, 30)
    book.close()
    return xlsx.xlsx_response(output, f"classification-{agency.pk}-{quarter.key}.xlsx")


@login_required
def mine(request):
    staff_id = roles_for(request.user).staff_member_id
    rows = list(own_classifications(staff_id)) if staff_id else []
    return render(request, "staffing/classification/mine.html", {"rows": rows, "linked": bool(staff_id)})


@login_required
def rules(request, pk=None):
    """The district's rule sets: district roles read them; the district office adds one, or changes one no
    confirmed classification has used yet."""
    roles = roles_for(request.user)
    if not roles.sees_all_agencies:
        raise Http404
    instance = get_object_or_404(RuleSet, pk=pk) if pk else None
    used = instance is not None and Classification.objects.filter(rule_set=instance).exists()
    editable = roles.is_district_manager and not used
    form = RuleSetForm(request.POST or None, instance=instance) if editable else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.rule_set_save(actor=request.user, rule_set=form.instance)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("classification:rules")
    context = {
        "rule_sets": RuleSet.objects.all(),
        "used_ids": set(Classification.objects.values_list("rule_set_id", flat=True).distinct()),
        "form": form,
        "instance": instance,
        "used": used,
        "may_edit": roles.is_district_manager,
    }
    return render(request, "staffing/classification/rules.html", context)
