"""Dossiers move only through the dossier services (the one-stop desk and district office pages), so the
admin only reads them."""

from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.history_admin import HistoryAdmin

from .models import Dossier, DossierCounter, DossierEvent, NoticeLog


class DossierEventInline(ReadOnlyMixin, admin.TabularInline):
    model = DossierEvent
    fields = ["at", "kind", "status_from", "status_to", "due_date_from", "due_date_to", "note", "by"]
    readonly_fields = fields
    extra = 0


@admin.register(Dossier)
class DossierAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = [
        "code",
        "agency",
        "procedure",
        "applicant_name",
        "channel",
        "received_at",
        "due_date",
        "status",
    ]
    list_filter = ["status", "channel", "result_delivery", "free_postage", "agency"]
    search_fields = ["code", "applicant_name", "applicant_phone", "applicant_id_number"]
    date_hierarchy = "received_at"
    list_select_related = ["agency", "procedure"]
    inlines = [DossierEventInline]


@admin.register(NoticeLog)
class NoticeLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["dossier", "kind", "recipient", "sent_at", "sent_by"]
    list_filter = ["kind"]
    search_fields = ["dossier__code", "recipient"]
    list_select_related = ["dossier", "sent_by"]


@admin.register(DossierCounter)
class DossierCounterAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agency", "day", "last_number"]
    list_filter = ["agency"]
    list_select_related = ["agency"]
