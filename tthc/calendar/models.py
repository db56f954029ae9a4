from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import CalendarDayKind, CalendarDaySource


class CalendarDay(models.Model):
    """An exception to the Monday–Friday working week: a holiday, a day off in lieu, or a working Saturday."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=128, blank=True)
    # A day the office typed (a working Saturday, an extra day off) is never overwritten by a library load.
    source = models.CharField(
        _("source"), max_length=16, choices=CalendarDaySource.choices, default=CalendarDaySource.OFFICE
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


class CalendarLoadNotice(models.Model):
    """The district office is told once per year what the December load of next year's calendar did: the
    row is written before the e-mail leaves and marked sent after it."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)

    class Meta:
        verbose_name = _("calendar load notice")
        verbose_name_plural = _("calendar load notices")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)
