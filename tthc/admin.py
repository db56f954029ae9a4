"""Data management of the catalogue, the calendar and the urgent lists.

Procedures are written through catalogue_services.procedure_save; urgent lists are composed and published
on the office pages (their services freeze published versions), so the admin only reads them.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from staffing.constants import AgencyKind

from .catalogue_services import PROCEDURE_FIELDS, procedure_save, procedure_values
from .models import CalendarDay, Procedure, UrgentList, UrgentListItem


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProcedureAdminForm(forms.ModelForm):
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

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                procedure_values(**{name: cleaned.get(name) for name in PROCEDURE_FIELDS})
            except ValidationError as exc:
                for name, errors in exc.error_dict.items():
                    self.add_error(name, errors)
        return cleaned


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


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["name"]


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


from . import dossier_admin  # noqa: E402, F401  (registers the dossier admin classes)
