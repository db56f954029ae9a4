"""Data management of the catalogue: procedures are written through their service."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from staffing.registry.constants import AgencyKind
from staffing.toolkit.history_admin import HistoryAdmin
from tthc.calendar.admin import ServiceCheckedForm

from .models import Procedure
from .services import PROCEDURE_FIELDS, procedure_save, procedure_values


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
class ProcedureAdmin(HistoryAdmin):
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
