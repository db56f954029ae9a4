"""Filters of the procedure catalogue (public page and API) and of the one-stop desk's dossier list."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from staffing.filters import CheckboxFilter, ListFilterSet, search_input, select
from staffing.validators import normalize_mobile_phone

from .catalogue_selectors import procedure_fields
from .constants import (
    OPEN_DOSSIER_STATUSES,
    OPEN_FILTER,
    SORT_BY_DUE_DATE,
    SORT_BY_RECEIVED,
    Channel,
    DossierStatus,
    ProcedureLevel,
)
from .dossier_forms import ProcedureChoiceField, procedure_choices
from .dossier_selectors import overdue_q
from .models import Dossier, Procedure

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


class ProcedureChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ProcedureChoiceField


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class DossierFilter(ListFilterSet):
    """The desk's list: open dossiers, soonest appointment first, unless the officer asks otherwise."""

    DEFAULTS = {"status": OPEN_FILTER, "sort": SORT_BY_DUE_DATE}

    q = django_filters.CharFilter(label=_("Code, name or phone"), method="filter_search", max_length=100)
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")),
        method="filter_status",
        empty_label=None,
        choices=[
            (OPEN_FILTER, _("Open (not yet returned)")),
            ("", _("All statuses")),
            *DossierStatus.choices,
        ],
    )
    procedure = ProcedureChoiceFilter(
        label=capfirst(_("procedure")), queryset=Procedure.objects.none(), empty_label=_("All procedures")
    )
    channel = django_filters.ChoiceFilter(
        label=capfirst(_("intake channel")), choices=Channel.choices, empty_label=_("All channels")
    )
    overdue = CheckboxFilter(label=_("Overdue only"), method="filter_overdue")
    due_today = CheckboxFilter(label=_("Due today only"), method="filter_due_today")
    special_case = CheckboxFilter(label=_("Special cases only"), method="filter_special_case")
    received_from = django_filters.DateFilter(label=_("Received from"), method="filter_received_from")
    received_to = django_filters.DateFilter(label=_("Received until"), method="filter_received_to")
    sort = django_filters.ChoiceFilter(
        label=_("Order"),
        method="filter_sort",
        empty_label=None,
        choices=[
            (SORT_BY_DUE_DATE, _("Appointment date, soonest first")),
            (SORT_BY_RECEIVED, _("Newest received first")),
        ],
    )

    class Meta(ListFilterSet.Meta):
        model = Dossier
        fields = []

    def __init__(self, data=None, *args, agency, today: datetime.date, **kwargs):
        super().__init__(data or self.DEFAULTS, *args, **kwargs)
        self.today = today
        self.filters["procedure"].queryset = procedure_choices(agency)

    def filter_search(self, queryset, name, value):
        match = Q(code__icontains=value) | Q(applicant_name__icontains=value)
        phone = normalize_mobile_phone(value)
        if phone.isdigit():
            match |= Q(applicant_phone__contains=phone)
        return queryset.filter(match)

    def filter_status(self, queryset, name, value):
        if value == OPEN_FILTER:
            return queryset.filter(status__in=OPEN_DOSSIER_STATUSES)
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_q(self.today)) if value else queryset

    def filter_due_today(self, queryset, name, value):
        return queryset.filter(status__in=OPEN_DOSSIER_STATUSES, due_date=self.today) if value else queryset

    def filter_special_case(self, queryset, name, value):
        return queryset.exclude(special_case_reason="") if value else queryset

    def filter_received_from(self, queryset, name, value):
        return queryset.filter(received_at__gte=_day_start(value))

    def filter_received_to(self, queryset, name, value):
        return queryset.filter(received_at__lt=_day_start(value + datetime.timedelta(days=1)))

    def filter_sort(self, queryset, name, value):
        if value == SORT_BY_DUE_DATE:
            return queryset.order_by("due_date", "received_at", "id")
        return queryset
