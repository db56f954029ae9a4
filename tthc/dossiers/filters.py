"""Filters of the one-stop desk's dossier list."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.filters import CheckboxFilter, ListFilterSet
from staffing.toolkit.phones import normalize_mobile_phone
from tthc.catalogue.forms import ProcedureChoiceField
from tthc.catalogue.models import Procedure
from tthc.catalogue.selectors import procedure_choices
from tthc.intake.constants import Channel

from .constants import (
    OPEN_DOSSIER_STATUSES,
    OPEN_FILTER,
    SORT_BY_DUE_DATE,
    SORT_BY_RECEIVED,
    DossierStatus,
)
from .models import Dossier
from .selectors import overdue_q


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
