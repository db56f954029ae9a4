"""Admin for daily work modes: every write goes through work_modes_set, so the cap holds here too."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.history_admin import HistoryAdmin

from .models import PlanningReminder, WorkMode
from .services import WorkModeCapExceeded, work_modes_check, work_modes_set


class WorkModeAdminForm(forms.ModelForm):
    """Validates through work_modes_check, so a refusal (over the cap, not active that day) shows at the
    form; WorkModeAdmin.save_model then writes through work_modes_set.

    The admin's change view runs in one transaction: the agency row the check locked stays locked until
    save_model has written, so the counts cannot change in between.
    """

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
            work_modes_check(agency=staff.agency, entries=[(staff.pk, day, mode)])
        except WorkModeCapExceeded as refusal:
            self.add_error("mode", refusal)
        except ValidationError as error:
            self.add_error(None, error)
        else:
            # Adding a day already planned changes that row (the service writes one row per staff and day).
            stored = WorkMode.objects.filter(staff=staff, day=day).first()
            if stored is not None:
                self.instance = stored
        return cleaned

    def validate_unique(self):
        """The service keeps one row per staff member and day."""

    def save(self, commit=True):
        """Nothing is written here: WorkModeAdmin.save_model writes through work_modes_set."""
        self.save_m2m = lambda: None
        return self.instance


@admin.register(WorkMode)
class WorkModeAdmin(HistoryAdmin):
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

    def save_model(self, request, obj, form, change):
        """Write what the form validated, through the one write path of work modes."""
        cleaned = form.cleaned_data
        staff = cleaned.get("staff") or obj.staff
        day = cleaned.get("day") or obj.day
        work_modes_set(agency=staff.agency, entries=[(staff.pk, day, cleaned["mode"])], actor=request.user)
        stored = WorkMode.objects.get(staff=staff, day=day)
        obj.pk, obj._state.adding = stored.pk, False

    def delete_model(self, request, obj):
        work_modes_set(agency=obj.agency, entries=[(obj.staff_id, obj.day, None)], actor=request.user)

    def delete_queryset(self, request, queryset):
        # Clearing a plan only lowers the count at home, so the service never refuses it.
        by_agency = {}
        for row in queryset.select_related("agency"):
            by_agency.setdefault(row.agency, []).append((row.staff_id, row.day, None))
        for agency, entries in by_agency.items():
            work_modes_set(agency=agency, entries=entries, actor=request.user)


@admin.register(PlanningReminder)
class PlanningReminderAdmin(admin.ModelAdmin):
    list_display = ["agency", "week_start", "sent_at", "recipients"]
    list_filter = ["week_start", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["agency__name", "recipients"]
    list_select_related = ["agency"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
