"""Filters of the directives lists: the public list, the office's register and the public API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.filters import ListFilterSet, search_input, select

from .constants import DocumentKind, DocumentStatus
from .models import Document


def _matching(queryset, text):
    return queryset.filter(Q(number__icontains=text) | Q(subject__icontains=text) | Q(issuer__icontains=text))


class PublicDocumentFilter(ListFilterSet):
    """The public list filters what anyone may read; the status of a draft is no business of it."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=100,
        widget=search_input(_("Number, subject or issuer")),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=DocumentKind.choices, empty_label=_("All kinds"), widget=select()
    )

    class Meta(ListFilterSet.Meta):
        model = Document
        fields = []

    def filter_search(self, queryset, name, value):
        return _matching(queryset, value)


class RegisterDocumentFilter(PublicDocumentFilter):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DocumentStatus.choices, empty_label=_("All statuses"), widget=select()
    )


class DirectiveApiFilter(ListFilterSet):
    search = django_filters.CharFilter(
        method="filter_search", help_text="Part of the number, subject or issuer."
    )
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, help_text="Kind of document.")

    class Meta(ListFilterSet.Meta):
        model = Document
        fields = []

    def filter_search(self, queryset, name, value):
        return _matching(queryset, value)
