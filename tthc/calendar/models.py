from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import CalendarDayKind


class CalendarDay(models.Model):
    """An exception to the Monday–Friday working week: a holiday, a day off in lieu, or a working Saturday."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=128, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"
