from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin

from .models import ComplianceReport


@admin.register(ComplianceReport)
class ComplianceReportAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["day", "built_at", "sent_at", "recipients"]
    search_fields = ["recipients"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "day"
