from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tthc.calendar.constants import ProcessingTimeUnit

from .constants import ProcedureLevel


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính) of the national catalogue."""

    code = models.CharField(
        _("procedure code"), max_length=32, unique=True, help_text=_("For example 1.001193.")
    )
    name = models.CharField(_("name"), max_length=500)
    field = models.CharField(_("field"), max_length=128, blank=True)
    level = models.CharField(_("level"), max_length=32, choices=ProcedureLevel.choices)
    processing_time_unit = models.CharField(
        _("processing time unit"), max_length=16, choices=ProcessingTimeUnit.choices
    )
    processing_time_value = models.PositiveSmallIntegerField(_("processing time"), default=0)
    fee_text = models.CharField(_("fees and charges"), max_length=255, blank=True)
    online_level = models.PositiveSmallIntegerField(
        _("online service level"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    postal_intake_accepted = models.BooleanField(_("postal intake accepted"), default=True)
    postal_return_offered = models.BooleanField(_("postal return offered"), default=True)
    result_in_person_by_law = models.BooleanField(_("must be handled in person by law"), default=False)
    in_person_legal_basis = models.CharField(
        _("legal basis for in-person handling"), max_length=255, blank=True
    )
    agency_kinds = models.JSONField(
        _("agency kinds handling it"), default=list, blank=True, help_text=_("Empty means every kind.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(online_level__gte=1, online_level__lte=4),
                name="tthc_procedure_online_level_range",
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.name}"
