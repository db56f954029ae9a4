"""The register in the admin is for reading and its history: every change goes through the web forms,
whose services keep the rules (unique numbers, frozen publications, no reference cycles)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgencyObligation,
    Clause,
    ComplianceReport,
    Document,
    DocumentReference,
    Obligation,
    ReminderLog,
    WorkModePolicy,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ClauseInline(ReadOnlyMixin, admin.TabularInline):
    model = Clause
    extra = 0


class ReferenceInline(ReadOnlyMixin, admin.TabularInline):
    model = DocumentReference
    fk_name = "source"
    extra = 0


@admin.register(Document)
class DocumentAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["number", "kind", "issuer", "issued_on", "status"]
    list_filter = ["kind", "status", "issuer"]
    search_fields = ["number", "subject", "issuer"]
    date_hierarchy = "issued_on"
    inlines = [ClauseInline, ReferenceInline]


@admin.register(WorkModePolicy)
class WorkModePolicyAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
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


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "clause", "due_on"]
    list_select_related = ["clause__document"]
    list_filter = ["clause__document"]
    search_fields = ["title", "clause__document__number"]


@admin.register(AgencyObligation)
class AgencyObligationAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
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


@admin.register(ComplianceReport)
class ComplianceReportAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["day", "built_at", "sent_at", "recipients"]
    search_fields = ["recipients"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "day"
