"""Data management of the catalogue, the calendar, the urgent lists and the dossiers.

Procedures and calendar days are written through their services; urgent lists are composed and published
on the office pages (their services freeze published versions), and dossiers move only through
dossier_services (the one-stop desk and district office pages), so the admin only reads those.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from staffing.constants import AgencyKind

from .calendar_services import CALENDAR_DAY_FIELDS, calendar_day_save, calendar_day_values
from .catalogue_forms import add_service_errors
from .catalogue_services import PROCEDURE_FIELDS, procedure_save, procedure_values
from .models import (
    CalendarDay,
    Dossier,
    DossierCounter,
    DossierEvent,
    NoticeLog,
    Procedure,
    UrgentList,
    UrgentListItem,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceCheckedForm(forms.ModelForm):
    """Checks the row with its service's value rules, so the admin shows each rule at its field; the
    admin's save_model then writes through the service itself."""

    value_fields: tuple[str, ...] = ()

    def check_values(self, **values) -> None:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            # A read-only field (the date of a recorded calendar day) is not in the form: use the stored one.
            values = {name: cleaned.get(name, getattr(self.instance, name)) for name in self.value_fields}
            try:
                self.check_values(**values)
            except ValidationError as exc:
                add_service_errors(self, exc)
        return cleaned


class ProcedureAdminForm(ServiceCheckedForm):
    value_fields = PROCEDURE_FIELDS
    agency_kinds = forms.MultipleChoiceField(
        label=_("agency kinds handling it"),
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the procedure is handled at its level (communes or specialised offices)."),
    )

    class Meta:
        model = Procedure
        fields = list(PROCEDURE_FIELDS)

    def check_values(self, **values) -> None:
        procedure_values(**values)


@admin.register(Procedure)
class ProcedureAdmin(SimpleHistoryAdmin):
    form = ProcedureAdminForm
    list_display = ["code", "name", "field", "level", "online_level", "result_in_person_by_law", "is_active"]
    list_filter = ["level", "online_level", "field", "result_in_person_by_law", "is_active"]
    search_fields = ["code", "name"]

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in PROCEDURE_FIELDS}
        stored = Procedure.objects.get(pk=obj.pk) if change else None
        saved = procedure_save(procedure=stored, by=request.user, **values)
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        # Dossiers keep their procedure: retire a procedure by unticking "active" instead.
        return False


class CalendarDayAdminForm(ServiceCheckedForm):
    value_fields = CALENDAR_DAY_FIELDS

    class Meta:
        model = CalendarDay
        fields = list(CALENDAR_DAY_FIELDS)

    def check_values(self, **values) -> None:
        calendar_day_values(**values)


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    form = CalendarDayAdminForm
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["name"]

    def get_readonly_fields(self, request, obj=None):
        # The date is the day's identity (the service and the import match on it): a wrong date is
        # deleted and the right one added.
        return ["date"] if obj else []

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data.get(name, getattr(obj, name)) for name in CALENDAR_DAY_FIELDS}
        saved, _outcome = calendar_day_save(by=request.user, **values)
        obj.pk = saved.pk


class UrgentListItemInline(ReadOnlyMixin, admin.TabularInline):
    model = UrgentListItem
    extra = 0
    fields = ["procedure", "conditions"]


@admin.register(UrgentList)
class UrgentListAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "status", "directive", "effective_from", "published_at", "published_by"]
    list_filter = ["status"]
    list_select_related = ["directive", "published_by"]
    inlines = [UrgentListItemInline]


class DossierEventInline(ReadOnlyMixin, admin.TabularInline):
    model = DossierEvent
    fields = ["at", "kind", "status_from", "status_to", "due_date_from", "due_date_to", "note", "by"]
    readonly_fields = fields
    extra = 0


@admin.register(Dossier)
class DossierAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = [
        "code",
        "agency",
        "procedure",
        "applicant_name",
        "channel",
        "received_at",
        "due_date",
        "status",
    ]
    list_filter = ["status", "channel", "result_delivery", "free_postage", "agency"]
    search_fields = ["code", "applicant_name", "applicant_phone", "applicant_id_number"]
    date_hierarchy = "received_at"
    list_select_related = ["agency", "procedure"]
    inlines = [DossierEventInline]


@admin.register(NoticeLog)
class NoticeLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["dossier", "kind", "recipient", "sent_at", "sent_by"]
    list_filter = ["kind"]
    search_fields = ["dossier__code", "recipient"]
    list_select_related = ["dossier", "sent_by"]


@admin.register(DossierCounter)
class DossierCounterAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agency", "day", "last_number"]
    list_filter = ["agency"]
    list_select_related = ["agency"]
