"""Agencies and their staff: lists, detail pages and the staff form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.toolkit.filters import filter_query

from ..filters import AgencyFilter, StaffFilter
from ..forms import StaffMemberForm
from ..roles import roles_for
from ..selectors import (
    agencies_visible_to,
    agencies_with_staff_counts,
    get_agency_for_user,
    get_staff_member_for_user,
    in_kind_order,
    public_directory,
    staff_counts,
    staff_visible_to,
)
from ..services import staff_member_save

PAGE_SIZE = 50


def agency_crumbs(agency, *, current: str | None = None) -> list:
    """Breadcrumbs down to an agency (and a page under it); the last crumb has no link."""
    crumbs = [(_("Agencies"), reverse("staffing:agency-list"))]
    if current is None:
        return [*crumbs, (agency.name, None)]
    return [*crumbs, (agency.name, reverse("staffing:agency-detail", args=[agency.pk])), (current, None)]


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def agency_list(request):
    filterset = AgencyFilter(request.GET or None, queryset=agencies_visible_to(request.user))
    agencies = in_kind_order(agencies_with_staff_counts(filterset.qs, day=timezone.localdate()))
    return render(
        request,
        "staffing/agency_list.html",
        {"form": filterset.form, "page_obj": _page(request, agencies), "query": filter_query(filterset)},
    )


@login_required
def agency_detail(request, pk):
    agency = get_agency_for_user(request.user, pk)
    roles = roles_for(request.user)
    return render(
        request,
        "staffing/agency_detail.html",
        {
            "agency": agency,
            "crumbs": agency_crumbs(agency),
            "counts": staff_counts(agency.staff.all(), day=timezone.localdate()),
            "can_manage": roles.can_manage_agency(agency.pk),
        },
    )


@login_required
def staff_list(request, pk):
    agency = get_agency_for_user(request.user, pk)
    filterset = StaffFilter(
        request.GET or None, queryset=staff_visible_to(request.user).filter(agency=agency)
    )
    return render(
        request,
        "staffing/staff_list.html",
        {
            "agency": agency,
            "crumbs": agency_crumbs(agency, current=_("Staff")),
            "form": filterset.form,
            "page_obj": _page(request, filterset.qs.order_by("full_name", "staff_code")),
            "query": filter_query(filterset),
            "can_manage": roles_for(request.user).can_manage_agency(agency.pk),
        },
    )


@login_required
def staff_detail(request, pk):
    member = get_staff_member_for_user(request.user, pk)
    return render(
        request,
        "staffing/staff_detail.html",
        {
            "member": member,
            "crumbs": agency_crumbs(member.agency, current=member.full_name),
            "is_active": member.is_active_on(timezone.localdate()),
            "can_manage": roles_for(request.user).can_manage_agency(member.agency_id),
        },
    )


@login_required
def my_staff_page(request):
    staff_member_id = roles_for(request.user).staff_member_id
    if staff_member_id is None:
        raise Http404
    return redirect("staffing:staff-detail", pk=staff_member_id)


def _save_staff_form(request, *, agency, member=None):
    form = StaffMemberForm(
        request.POST or None, initial=StaffMemberForm.initial_for(member) if member else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = staff_member_save(agency=agency, member=member, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": saved.full_name})
            return redirect("staffing:staff-detail", pk=saved.pk)
    title = member.full_name if member else _("Add a staff member")
    return render(
        request,
        "staffing/staff_form.html",
        {"form": form, "agency": agency, "member": member, "crumbs": agency_crumbs(agency, current=title)},
    )


@login_required
def staff_create(request, pk):
    agency = get_agency_for_user(request.user, pk, manage=True)
    return _save_staff_form(request, agency=agency)


@login_required
def staff_edit(request, pk):
    member = get_staff_member_for_user(request.user, pk, manage=True)
    return _save_staff_form(request, agency=member.agency, member=member)


def directory(request):
    """Public contact directory of the district's agencies (clause 4 of 2629/UBND: publish how to reach them)."""
    agencies = in_kind_order(public_directory())
    return render(request, "staffing/directory.html", {"agencies": agencies})
