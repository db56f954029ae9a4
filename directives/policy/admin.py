from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.history_admin import HistoryAdmin

from .models import WorkModePolicy


@admin.register(WorkModePolicy)
class WorkModePolicyAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = [
        "directive",
        "effective_from",
        "effective_until",
        "share",
        "in_person_intake_restricted",
    ]
    list_select_related = ["directive"]
    list_filter = ["citizen_reception_suspended", "inspections_restricted", "in_person_intake_restricted"]
    search_fields = ["directive__number"]

    @admin.display(description=_("Work-from-home share"))
    def share(self, obj):
        return obj.ratio_display
