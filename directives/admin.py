from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Clause, Document, DocumentReference, WorkModePolicy


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0


class ReferenceInline(admin.TabularInline):
    model = DocumentReference
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "kind", "issuer", "issued_on", "status"]
    list_filter = ["kind", "status", "issuer"]
    search_fields = ["number", "subject", "issuer"]
    date_hierarchy = "issued_on"
    inlines = [ClauseInline, ReferenceInline]


@admin.register(WorkModePolicy)
class WorkModePolicyAdmin(SimpleHistoryAdmin):
    list_display = [
        "directive",
        "effective_from",
        "effective_until",
        "ratio_display",
        "in_person_intake_restricted",
    ]
    list_select_related = ["directive"]
    search_fields = ["directive__number"]
