"""Admin pieces every sub-domain uses."""


class ReadOnlyMixin:
    """For rows written only by a service or a task (logs, reports, counters): the admin shows them, never edits."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
