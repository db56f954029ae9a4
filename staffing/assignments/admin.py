from django.contrib import admin

from staffing.toolkit.history_admin import HistoryAdmin

from .models import Assignment, Deputy, ProgressReport, StallThresholds
from .services import stall_thresholds_set


class ProgressReportInline(admin.TabularInline):
    model = ProgressReport
    extra = 0
    fields = ["day", "staff", "percent_complete", "done"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assignment)
class AssignmentAdmin(HistoryAdmin):
    """For reading and history: assignments are written on the board, whose services keep the rules."""

    list_display = ["title", "agency", "lead", "due_date", "status", "statutory", "percent_complete"]
    list_filter = ["status", "statutory", "priority", "agency__kind"]
    search_fields = ["title", "lead__full_name", "agency__name", "dossier_code", "legal_basis"]
    list_select_related = ["agency", "lead"]
    date_hierarchy = "due_date"
    inlines = [ProgressReportInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProgressReport)
class ProgressReportAdmin(HistoryAdmin):
    list_display = ["assignment", "staff", "day", "percent_complete"]
    search_fields = ["assignment__title", "staff__full_name"]
    list_select_related = ["assignment", "staff"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StallThresholds)
class StallThresholdsAdmin(HistoryAdmin):
    list_display = ["__str__", "due_within_working_days", "silent_days"]

    def has_add_permission(self, request):
        return not StallThresholds.objects.exists()

    def save_model(self, request, obj, form, change):
        # The one write path of the thresholds, as the office's page uses it.
        saved = stall_thresholds_set(
            actor=request.user,
            due_within_working_days=obj.due_within_working_days,
            silent_days=obj.silent_days,
        )
        obj.pk = saved.pk


@admin.register(Deputy)
class DeputyAdmin(HistoryAdmin):
    """For reading: heads name and remove their deputies on the board."""

    list_display = ["staff", "agency", "named_by", "named_at"]
    search_fields = ["staff__full_name", "agency__name"]
    list_select_related = ["staff", "agency", "named_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
