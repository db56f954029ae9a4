"""Urgent lists are composed and published on the office pages (their services freeze published versions),
so the admin only reads them."""

from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.history_admin import HistoryAdmin

from .models import UrgentList, UrgentListItem


class UrgentListItemInline(ReadOnlyMixin, admin.TabularInline):
    model = UrgentListItem
    extra = 0
    fields = ["procedure", "conditions"]


@admin.register(UrgentList)
class UrgentListAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = ["__str__", "status", "directive", "effective_from", "published_at", "published_by"]
    list_filter = ["status"]
    list_select_related = ["directive", "published_by"]
    inlines = [UrgentListItemInline]
