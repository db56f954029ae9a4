"""Reception data in the admin: schedules, channels and the time limit are written through the services
(the same checks as the head's and the office's pages); petitions move on the agency's pages, so the admin
only reads them."""

from django.contrib import admin

from staffing.toolkit.admin_mixins import ReadOnlyMixin

from .models import (
    Petition,
    PetitionCounter,
    PetitionEvent,
    PetitionSettings,
    ReceptionChannels,
    ReceptionSlot,
)
from .services import petition_settings_set, reception_channels_set, reception_slot_add, reception_slot_remove


@admin.register(ReceptionSlot)
class ReceptionSlotAdmin(admin.ModelAdmin):
    list_display = ["agency", "weekday", "starts_at", "ends_at", "place", "officer"]
    list_filter = ["weekday", "agency__kind"]
    search_fields = ["agency__name", "place", "officer__full_name"]
    list_select_related = ["agency", "officer"]
    autocomplete_fields = ["agency", "officer"]

    def has_change_permission(self, request, obj=None):
        # A session is removed and added again: the service checks each new one.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        saved = reception_slot_add(
            agency=obj.agency,
            actor=request.user,
            weekday=obj.weekday,
            starts_at=obj.starts_at,
            ends_at=obj.ends_at,
            place=obj.place,
            officer=obj.officer,
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        reception_slot_remove(slot=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for slot in queryset:
            reception_slot_remove(slot=slot, actor=request.user)


@admin.register(ReceptionChannels)
class ReceptionChannelsAdmin(admin.ModelAdmin):
    list_display = ["agency", "hotline", "email"]
    search_fields = ["agency__name", "hotline", "email"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]

    def save_model(self, request, obj, form, change):
        saved = reception_channels_set(
            agency=obj.agency, actor=request.user, hotline=obj.hotline, email=obj.email, note=obj.note
        )
        obj.pk = saved.pk


@admin.register(PetitionSettings)
class PetitionSettingsAdmin(admin.ModelAdmin):
    list_display = ["__str__", "answer_within_working_days"]

    def has_add_permission(self, request):
        return not PetitionSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = petition_settings_set(
            actor=request.user, answer_within_working_days=obj.answer_within_working_days
        )
        obj.pk = saved.pk


class PetitionEventInline(ReadOnlyMixin, admin.TabularInline):
    model = PetitionEvent
    fields = ["at", "action", "status_to", "note", "by"]
    readonly_fields = fields
    extra = 0


@admin.register(Petition)
class PetitionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "agency", "filed_at", "due_date", "status", "assignee"]
    list_filter = ["status", "agency"]
    search_fields = ["code", "filer_name", "filer_phone"]
    date_hierarchy = "filed_at"
    list_select_related = ["agency", "assignee"]
    inlines = [PetitionEventInline]


@admin.register(PetitionCounter)
class PetitionCounterAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["agency", "day", "last_number"]
    list_filter = ["agency"]
    list_select_related = ["agency"]
