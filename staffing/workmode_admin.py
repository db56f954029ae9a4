"""Admin for daily work modes: every write goes through work_modes_set, so the cap holds here too."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import WorkMode
from .workmode_services import WorkModeCapExceeded, work_modes_set


class WorkModeAdminForm(forms.ModelForm):
    """Saves through the service while the form is validated, so a refusal shows at the form.

    The admin offers no later point where a refusal can still become a form error; its change view runs in
    one transaction, so nothing of a form that fails afterwards is kept.
    """

    actor = None

    class Meta:
        model = WorkMode
        fields = ["staff", "day", "mode"]

    def clean(self):
        cleaned = super().clean()
        # An add form sent without a staff member has none on its instance either.
        staff = cleaned.get("staff") or getattr(self.instance, "staff", None)
        day = cleaned.get("day") or self.instance.day
        mode = cleaned.get("mode")
        if self.errors or not (staff and day and mode):
            return cleaned
        try:
            work_modes_set(agency=staff.agency, entries=[(staff.pk, day, mode)], actor=self.actor)
        except WorkModeCapExceeded as refusal:
            self.add_error("mode", refusal)
        except ValidationError as error:
            self.add_error(None, error)
        else:
            self.instance = WorkMode.objects.get(staff=staff, day=day)
        return cleaned

    def validate_unique(self):
        """The service already wrote the one row of this staff member and day."""

    def save(self, commit=True):
        self.save_m2m = lambda: None
        return self.instance


@admin.register(WorkMode)
class WorkModeAdmin(SimpleHistoryAdmin):
    form = WorkModeAdminForm
    list_display = ["day", "staff", "mode", "agency", "updated_by", "updated_at"]
    list_filter = ["mode", "day", "agency__kind", "agency"]
    date_hierarchy = "day"
    search_fields = ["staff__full_name", "staff__staff_code", "agency__name"]
    list_select_related = ["staff", "agency", "updated_by"]
    autocomplete_fields = ["staff"]
    # Each history row's object already reads "staff · day · mode" in words.
    history_list_display = ["agency"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(None, {"fields": ["staff", "day", "mode"]})]
        if obj:
            fieldsets.append((_("Last change"), {"fields": ["agency", "updated_by", "updated_at"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        audit = ["agency", "updated_by", "updated_at"]
        return ["staff", "day", *audit] if obj else audit

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def save_model(self, request, obj, form, change):
        """Saved by work_modes_set during the form's validation."""

    def delete_model(self, request, obj):
        work_modes_set(agency=obj.agency, entries=[(obj.staff_id, obj.day, None)], actor=request.user)

    def delete_queryset(self, request, queryset):
        # Clearing a plan only lowers the count at home, so the service never refuses it.
        by_agency = {}
        for row in queryset.select_related("agency"):
            by_agency.setdefault(row.agency, []).append((row.staff_id, row.day, None))
        for agency, entries in by_agency.items():
            work_modes_set(agency=agency, entries=entries, actor=request.user)
