"""Filters of the agency and staff lists (pages and API); the filter-bar plumbing is in staffing.toolkit.filters.

A FilterSet narrows a queryset its view already scoped through the selectors; it never widens it.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.filters import (  # noqa: F401  (the base helpers are re-exported for other apps)
    CheckboxFilter,
    FilterBoundField,
    FilterForm,
    ListFilterSet,
    filter_query,
    search_input,
    select,
)

from .constants import AgencyKind, DutyGroup, StaffCategory
from .models import Agency, StaffMember


class AgencyFilter(ListFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=search_input(_("Name, short name or statistics code")),
    )
    kind = django_filters.ChoiceFilter(
        label=_("kind"), choices=AgencyKind.choices, empty_label=_("All kinds"), widget=select()
    )

    class Meta(ListFilterSet.Meta):
        model = Agency
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(short_name__icontains=value) | Q(statistics_code__startswith=value)
        )


class AgencyApiFilter(ListFilterSet):
    kind = django_filters.ChoiceFilter(choices=AgencyKind.choices, help_text="Only agencies of this kind.")

    class Meta(ListFilterSet.Meta):
        model = Agency
        fields = []


class StaffFilter(ListFilterSet):
    ACTIVE = "yes"
    LEFT = "no"

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=search_input(_("Name, staff code or phone"))
    )
    category = django_filters.ChoiceFilter(
        label=_("category"), choices=StaffCategory.choices, empty_label=_("All categories"), widget=select()
    )
    duty_group = django_filters.ChoiceFilter(
        label=_("duty group"), choices=DutyGroup.choices, empty_label=_("All duty groups"), widget=select()
    )
    active = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_active",
        choices=[(ACTIVE, _("Working")), (LEFT, _("No longer working"))],
        empty_label=_("All"),
        widget=select(),
    )
    position = django_filters.CharFilter(
        label=_("position"),
        lookup_expr="icontains",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    class Meta(ListFilterSet.Meta):
        model = StaffMember
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(full_name__icontains=value) | Q(staff_code__icontains=value) | Q(mobile_phone__contains=value)
        )

    def filter_active(self, queryset, name, value):
        working = queryset.active_on(timezone.localdate())
        if value == self.ACTIVE:
            return working
        return queryset.exclude(pk__in=working.values("pk"))
