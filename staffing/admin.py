from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, RoleAssignment, StaffMember, WorkerHeartbeat


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "statistics_code", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "statistics_code"]


@admin.register(StaffMember)
class StaffMemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "staff_code", "agency", "position", "category", "duty_group", "mobile_phone"]
    list_filter = ["category", "duty_group", "agency__kind", "agency"]
    search_fields = ["full_name", "staff_code", "mobile_phone", "email"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency", "user"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "agency"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["user", "agency"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker", "seen_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
