from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.registry.models import Agency, StaffMember

from .constants import WorkModeKind


class WorkMode(models.Model):
    """Where one staff member works on one day. Written only by staffing.workmodes.services.work_modes_set."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="work_modes", verbose_name=_("staff member")
    )
    # The agency the day was planned for: kept even if the staff member later moves to another agency.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="work_modes", verbose_name=_("agency")
    )
    day = models.DateField(_("day"))
    mode = models.CharField(_("work mode"), max_length=16, choices=WorkModeKind.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work mode")
        verbose_name_plural = _("work modes")
        ordering = ["day", "staff"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "day"], name="staffing_workmode_staff_day_unique"),
        ]
        # By agency for its week grid; by day for the district-wide counts of a day (the home workers of the
        # dashboard and the report).
        indexes = [models.Index(fields=["agency", "day", "mode"]), models.Index(fields=["day", "mode"])]

    def __str__(self):
        return f"{self.staff} · {self.day:%d/%m/%Y} · {self.get_mode_display()}"


class PlanningReminder(models.Model):
    """Written before the Friday reminder to plan next week is sent, so an agency hears it once per week."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="planning_reminders", verbose_name=_("agency")
    )
    week_start = models.DateField(_("week starting"), help_text=_("The Monday of the week to plan."))
    recipients = models.TextField(_("recipients"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("planning reminder")
        verbose_name_plural = _("planning reminders")
        ordering = ["-week_start", "agency"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "week_start"], name="staffing_planningreminder_unique"),
        ]

    def __str__(self):
        return f"{self.agency} · {self.week_start:%d/%m/%Y}"
