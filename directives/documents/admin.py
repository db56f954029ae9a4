"""The register in the admin is for reading and its history: every change goes through the web forms,
whose services keep the rules (unique numbers, frozen publications, no reference cycles)."""

from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.history_admin import HistoryAdmin

from .models import Clause, Document, DocumentReference


class ClauseInline(ReadOnlyMixin, admin.TabularInline):
    model = Clause
    extra = 0


class ReferenceInline(ReadOnlyMixin, admin.TabularInline):
    model = DocumentReference
    fk_name = "source"
    extra = 0


@admin.register(Document)
class DocumentAdmin(ReadOnlyMixin, HistoryAdmin):
    list_display = ["number", "kind", "issuer", "issued_on", "status"]
    list_filter = ["kind", "status", "issuer"]
    search_fields = ["number", "subject", "issuer"]
    date_hierarchy = "issued_on"
    inlines = [ClauseInline, ReferenceInline]
