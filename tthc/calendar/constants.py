from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDayKind(models.TextChoices):
    PUBLIC_HOLIDAY = "public_holiday", _("Public holiday")
    COMPENSATORY_DAY_OFF = "compensatory_day_off", _("Compensatory day off")
    WORKING_WEEKEND_DAY = "working_weekend_day", _("Working weekend day")


class CalendarDaySource(models.TextChoices):
    """Who decided a calendar day: the Vietnam calendar of the `holidays` library, or the district office."""

    LIBRARY = "library", _("Holiday library")
    OFFICE = "office", _("District office")


class ProcessingTimeUnit(models.TextChoices):
    """How a procedure's processing time counts: the due dates of tthc.calendar.working_days read it."""

    SAME_DAY = "same_day", _("Same day")
    WORKING_DAYS = "working_days", _("Working days")
    CALENDAR_DAYS = "calendar_days", _("Days")
