from django.contrib import admin

from .models import OutboxAttachment, OutboxMessage


class OutboxAttachmentInline(admin.TabularInline):
    model = OutboxAttachment
    fields = ["filename", "mimetype"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: messages are written by the senders and the outbox's tasks; "retry now" is on the page."""

    list_display = ["created_at", "kind", "to", "subject", "status", "attempts", "next_try_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "key"]
    inlines = [OutboxAttachmentInline]
    readonly_fields = [
        "key",
        "kind",
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "next_try_at",
        "claimed_at",
        "sent_at",
        "created_at",
    ]
    # The bodies stay out of sight: a password reset message holds a live link.
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
