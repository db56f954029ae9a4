from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin

from .models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """For reading: notifications are recorded by the reminders through staffing.notifications.services."""

    list_display = ["title", "recipient", "kind", "period", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "subject", "recipient__username", "recipient__last_name", "recipient__email"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    search_fields = ["user__username", "user__last_name", "user__email"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
