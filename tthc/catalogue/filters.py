"""Filters of the procedure catalogue: the public page and the API."""

import django_filters
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.filters import ListFilterSet, search_input, select

from .constants import ProcedureLevel
from .models import Procedure
from .selectors import procedure_fields

ONLINE_LEVELS = range(1, 5)


def _level_label(n: int) -> str:
    return gettext("Level %(n)s") % {"n": n}


def _code_or_name(queryset, text):
    return queryset.filter(Q(code__icontains=text) | Q(name__icontains=text))


class ProcedureFilter(ListFilterSet):
    """The public catalogue page; its field list is the fields the active catalogue uses."""

    q = django_filters.CharFilter(
        label=_("Search by code or name"),
        method="filter_search",
        max_length=100,
        widget=search_input("1.001193, khai sinh…"),
    )
    field = django_filters.ChoiceFilter(label=_("field"), empty_label=_("All fields"), widget=select())
    level = django_filters.ChoiceFilter(
        label=_("level"), choices=ProcedureLevel.choices, empty_label=_("All levels"), widget=select()
    )
    online_level = django_filters.ChoiceFilter(
        label=_("online service level"),
        # Lazy, so each request reads the labels in its own language, not the one active at import.
        choices=[(str(n), lazy(_level_label, str)(n)) for n in ONLINE_LEVELS],
        empty_label=_("All levels"),
        widget=select(),
    )

    class Meta(ListFilterSet.Meta):
        model = Procedure
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["field"].extra["choices"] = [(f, f) for f in procedure_fields()]

    def filter_search(self, queryset, name, value):
        return _code_or_name(queryset, value)


class ProcedureApiFilter(ListFilterSet):
    search = django_filters.CharFilter(method="filter_search", help_text="Part of the code or the name.")
    field = django_filters.CharFilter(help_text="Field, exactly as in the catalogue.")
    level = django_filters.ChoiceFilter(choices=ProcedureLevel.choices)
    online_level = django_filters.ChoiceFilter(
        choices=[(n, lazy(_level_label, str)(n)) for n in ONLINE_LEVELS]
    )

    class Meta(ListFilterSet.Meta):
        model = Procedure
        fields = []

    def filter_search(self, queryset, name, value):
        return _code_or_name(queryset, value)
