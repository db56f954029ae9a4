from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.history_admin import HistoryAdmin

from .models import AgencyObligation, Obligation, ReminderLog


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = ["title", "clause", "due_on"]
    list_select_related = ["clause__document"]
    list_filter = ["clause__document"]
    search_fields = ["title", "clause__document__number"]


@admin.register(AgencyObligation)
class AgencyObligationAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = ["obligation", "agency", "acknowledged_on", "done_at"]
    list_select_related = ["obligation__clause__document", "agency"]
    list_filter = ["method"]
    search_fields = ["agency__name", "obligation__title"]


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["day", "obligation", "agency", "recipients", "sent_at"]
    list_select_related = ["obligation__clause__document", "agency"]
    list_filter = ["agency__kind"]
    search_fields = ["agency__name", "obligation__title", "recipients"]
    date_hierarchy = "day"
