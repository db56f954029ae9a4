"""Inspection and check teams an agency runs (clause 2, third dash of 2629/UBND: unnecessary teams are
suspended, necessary ones limit their participants). Written only by staffing.inspections.services."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from staffing.registry.models import Agency, StaffMember

from .constants import Necessity, TeamKind, TeamStatus


class InspectionTeam(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="inspection_teams", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=TeamKind.choices, default=TeamKind.CHECK)
    subject = models.CharField(pgettext_lazy("inspection team", "subject"), max_length=255)
    inspected_organisation = models.CharField(_("organisation inspected"), max_length=255)
    decision_number = models.CharField(_("decision number"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    participants = models.ManyToManyField(
        StaffMember, blank=True, related_name="inspection_teams", verbose_name=_("participants")
    )
    necessity = models.CharField(
        _("necessity"), max_length=16, choices=Necessity.choices, default=Necessity.NOT_NECESSARY
    )
    necessity_reason = models.TextField(_("why the team is necessary"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TeamStatus.choices, default=TeamStatus.PLANNED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection team")
        verbose_name_plural = _("inspection teams")
        ordering = ["planned_start", "pk"]
        indexes = [models.Index(fields=["agency", "status", "planned_start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=models.F("planned_start")),
                name="staffing_inspectionteam_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(necessity=Necessity.NECESSARY) | ~Q(necessity_reason=""),
                name="staffing_inspectionteam_necessary_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.decision_number} · {self.subject}"

    @property
    def is_necessary(self) -> bool:
        return self.necessity == Necessity.NECESSARY


class OutsideParticipant(models.Model):
    """A member of the team who is not on the staff of a district agency (named in the decision)."""

    team = models.ForeignKey(
        InspectionTeam, on_delete=models.CASCADE, related_name="outsiders", verbose_name=_("inspection team")
    )
    full_name = models.CharField(_("full name"), max_length=255)
    organisation = models.CharField(_("organisation or role"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outside participant")
        verbose_name_plural = _("outside participants")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.full_name} ({self.organisation})" if self.organisation else self.full_name
