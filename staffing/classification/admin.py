from django.contrib import admin

from staffing.toolkit.history_admin import HistoryAdmin

from .models import Classification, RuleSet
from .services import rule_set_save


@admin.register(RuleSet)
class RuleSetAdmin(HistoryAdmin):
    """The district office records the thresholds here; each applies to the quarters ending on or after its date."""

    list_display = [
        "name",
        "effective_from",
        "excellent_on_time_percent",
        "excellent_exceeds_percent",
        "good_on_time_percent",
        "done_on_time_percent",
        "report_percent",
    ]

    def save_model(self, request, obj, form, change):
        rule_set_save(actor=request.user, rule_set=obj)


@admin.register(Classification)
class ClassificationAdmin(HistoryAdmin):
    """For reading and history: heads confirm on the quarter's page, the office reopens there."""

    list_display = ["staff", "agency", "quarter", "suggested_level", "level", "frozen"]
    list_filter = ["quarter", "level", "frozen"]
    search_fields = ["staff__full_name", "agency__name"]
    list_select_related = ["staff", "agency"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
