"""Filters of the agency and staff lists (pages and API), and the filter-bar plumbing the other apps share.

A FilterSet narrows a queryset its view already scoped through the selectors; it never widens it.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import AgencyKind, DutyGroup, StaffCategory
from .models import Agency, StaffMember


class FilterBoundField(forms.BoundField):
    """Marks a refused filter value for Bootstrap, so its message shows under the field."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.form.is_bound and self.errors:
            widget = widget or self.field.widget
            classes = (attrs.get("class") or widget.attrs.get("class", "")).split()
            if "is-invalid" not in classes:
                attrs["class"] = " ".join([*classes, "is-invalid"])
        return attrs


class FilterForm(forms.Form):
    bound_field_class = FilterBoundField


class ListFilterSet(django_filters.FilterSet):
    class Meta:
        form = FilterForm


class CheckboxFilter(django_filters.Filter):
    """A tick box (`name=on`), not the yes/no/unknown select of django-filter's BooleanFilter."""

    field_class = forms.BooleanField


def search_input(placeholder) -> forms.SearchInput:
    return forms.SearchInput(attrs={"class": "form-control", "placeholder": placeholder})


def select(**attrs) -> forms.Select:
    return forms.Select(attrs={"class": "form-select", **attrs})


def filter_query(filterset) -> str:
    """The filters as typed, for the pagination links (empty ones and the page left out)."""
    return urlencode({name: value for name in filterset.filters if (value := filterset.data.get(name))})


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
