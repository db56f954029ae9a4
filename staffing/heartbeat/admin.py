import calendar
import re

from cron_descriptor import (
    FormatException,
    MissingFieldException,
    Options,
    WrongArgumentException,
    get_description,
)
from django.contrib import admin
from django.utils import translation
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django_celery_beat import admin as beat_admin
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)

from .models import WorkerHeartbeat


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker", "seen_at"]
    search_fields = ["worker"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# django-celery-beat's admin, in the administrator's language ------------------------------------------
# The package names a field "Task Name" without marking it for translation, shows its schedules through
# an untitled `scheduler` column, and words crontabs in English; these subclasses keep its behaviour and
# give each of those a Vietnamese label (the package's own strings are in locale_overrides).


def crontab_in_words(crontab: CrontabSchedule | None) -> str:
    """ "Vào lúc 06:00, chỉ trong tháng 12 (Asia/Ho_Chi_Minh)", in the language of the request."""
    if crontab is None:
        return ""
    expression = " ".join(
        [crontab.minute, crontab.hour, crontab.day_of_month, crontab.month_of_year, crontab.day_of_week]
    )
    options = Options()
    options.locale_code = "vi_VN" if translation.get_language() == "vi" else "en_US"
    options.use_24hour_time_format = True
    try:
        words = get_description(expression, options)
    except (FormatException, MissingFieldException, WrongArgumentException):
        words = expression
    # cron-descriptor names days and months with the process's locale (English): use Django's names.
    names = {calendar.day_name[n]: str(WEEKDAYS[n]) for n in range(7)}
    names.update({calendar.month_name[n]: str(MONTHS[n]) for n in range(1, 13)})
    pattern = "|".join(names)
    words = re.sub(rf"\b({pattern})\b", lambda m: names[m.group(1)], words)
    return f"{' '.join(words.split())} ({crontab.timezone})"


class TaskNameFilter(admin.AllValuesFieldListFilter):
    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = _("task name")


admin.site.unregister(PeriodicTask)


@admin.register(PeriodicTask)
class PeriodicTaskVietnameseAdmin(beat_admin.PeriodicTaskAdmin):
    list_display = ("name", "enabled", "schedule", "start_time", "last_run_at", "one_off")
    list_filter = ["enabled", "one_off", ("task", TaskNameFilter), "start_time", "last_run_at"]

    @admin.display(description=_("Schedule"))
    def schedule(self, obj):
        if obj.crontab_id:
            return crontab_in_words(obj.crontab)
        return str(obj.interval or obj.solar or obj.clocked or "")

    @admin.display(description=_("Crontab in words"))
    def crontab_translation(self, obj):
        return crontab_in_words(obj.crontab)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "task" and field is not None:
            field.label = _("Task name")
        return field


class PeriodicTaskVietnameseInline(beat_admin.PeriodicTaskInline):
    fields = ("name", "task_name", "args", "kwargs")
    readonly_fields = fields

    @admin.display(description=_("Task name"))
    def task_name(self, obj):
        return obj.task


for schedule_model, schedule_admin in (
    (ClockedSchedule, beat_admin.ClockedScheduleAdmin),
    (IntervalSchedule, beat_admin.IntervalScheduleAdmin),
    (SolarSchedule, beat_admin.SolarScheduleAdmin),
):
    admin.site.unregister(schedule_model)
    admin.site.register(
        schedule_model,
        type(schedule_admin.__name__, (schedule_admin,), {"inlines": [PeriodicTaskVietnameseInline]}),
    )

admin.site.unregister(CrontabSchedule)


@admin.register(CrontabSchedule)
class CrontabScheduleVietnameseAdmin(beat_admin.CrontabScheduleAdmin):
    inlines = [PeriodicTaskVietnameseInline]
    list_display = ("__str__", "in_words")
    fields = ("in_words", "minute", "hour", "day_of_month", "month_of_year", "day_of_week", "timezone")
    readonly_fields = ("in_words",)

    @admin.display(description=_("In words"))
    def in_words(self, obj):
        return crontab_in_words(obj) if obj.pk else ""
