"""Data management of the working-day calendar, written through its service; and the two admin helpers every
tthc admin shares (a read-only admin, a form checked by its service's value rules)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from staffing.toolkit.admin_mixins import ReadOnlyMixin
from staffing.toolkit.forms import add_service_errors
from staffing.toolkit.history_admin import HistoryAdmin

from .models import CalendarDay, CalendarLoadNotice
from .services import CALENDAR_DAY_FIELDS, calendar_day_save, calendar_day_values


class ServiceCheckedForm(forms.ModelForm):
    """Checks the row with its service's value rules, so the admin shows each rule at its field; the
    admin's save_model then writes through the service itself."""

    value_fields: tuple[str, ...] = ()

    def check_values(self, **values) -> None:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            # A read-only field (the date of a recorded calendar day) is not in the form: use the stored one.
            values = {name: cleaned.get(name, getattr(self.instance, name)) for name in self.value_fields}
            try:
                self.check_values(**values)
            except ValidationError as exc:
                add_service_errors(self, exc)
        return cleaned


class CalendarDayAdminForm(ServiceCheckedForm):
    value_fields = CALENDAR_DAY_FIELDS

    class Meta:
        model = CalendarDay
        fields = list(CALENDAR_DAY_FIELDS)

    def check_values(self, **values) -> None:
        calendar_day_values(**values)


@admin.register(CalendarDay)
class CalendarDayAdmin(HistoryAdmin):
    form = CalendarDayAdminForm
    list_display = ["date", "kind", "name", "source"]
    list_filter = ["kind", "source"]
    date_hierarchy = "date"
    search_fields = ["name"]

    def get_readonly_fields(self, request, obj=None):
        # The date is the day's identity (the service and the import match on it): a wrong date is
        # deleted and the right one added.
        return ["date"] if obj else []

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data.get(name, getattr(obj, name)) for name in CALENDAR_DAY_FIELDS}
        saved, _outcome = calendar_day_save(by=request.user, **values)
        obj.pk = saved.pk


@admin.register(CalendarLoadNotice)
class CalendarLoadNoticeAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["year", "created_at", "sent_at"]
