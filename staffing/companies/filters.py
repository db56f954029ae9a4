"""Filters of the companies register (page and API); they narrow a queryset already scoped by the selectors."""

import django_filters
from django.utils.translation import gettext_lazy as _

from staffing.registry.models import Agency
from staffing.toolkit.filters import ListFilterSet, search_input, select

from .constants import CompanyStatus, Sector
from .models import Company
from .selectors import search_companies


class CompanyFilter(ListFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", widget=search_input(_("Name or tax code"))
    )
    commune = django_filters.ModelChoiceFilter(
        label=_("commune"), queryset=Agency.objects.none(), empty_label=_("All communes"), widget=select()
    )
    sector = django_filters.ChoiceFilter(
        label=_("sector"), choices=Sector.choices, empty_label=_("All sectors"), widget=select()
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=CompanyStatus.choices,
        empty_label=_("All"),
        widget=select(),
    )

    class Meta(ListFilterSet.Meta):
        model = Company
        fields = []

    def __init__(self, *args, communes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if communes is None:
            del self.filters["commune"]
        else:
            self.filters["commune"].queryset = communes

    def filter_search(self, queryset, name, value):
        return search_companies(queryset, value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_active=value == CompanyStatus.ACTIVE)


class CompanyApiFilter(ListFilterSet):
    q = django_filters.CharFilter(
        method="filter_search", help_text="Name (any part) or tax code (its start)."
    )
    sector = django_filters.ChoiceFilter(choices=Sector.choices, help_text="Only companies of this sector.")
    status = django_filters.ChoiceFilter(
        method="filter_status", choices=CompanyStatus.choices, help_text="Operating or closed."
    )

    class Meta(ListFilterSet.Meta):
        model = Company
        fields = []

    def filter_search(self, queryset, name, value):
        return search_companies(queryset, value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_active=value == CompanyStatus.ACTIVE)
