"""The quarterly classification of staff by the results of their work (clause 2 of 2629/UBND: timeliness
and quality of home work are the main basis, from Q2/2021). The thresholds are data with an effective date;
a confirmed classification is frozen until the district office reopens it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.registry.models import Agency, StaffMember

from .constants import Level

PERCENT = [MaxValueValidator(100)]


class RuleSet(models.Model):
    """How figures map to a suggested level, from a date on."""

    name = models.CharField(_("name"), max_length=128)
    effective_from = models.DateField(_("effective from"), unique=True)
    excellent_on_time_percent = models.PositiveSmallIntegerField(
        _("excellent: on-time share at least (%)"), default=100, validators=PERCENT
    )
    excellent_exceeds_percent = models.PositiveSmallIntegerField(
        _("excellent: share rated “exceeds requirements” at least (%)"), default=50, validators=PERCENT
    )
    good_on_time_percent = models.PositiveSmallIntegerField(
        _("good: on-time share at least (%)"), default=100, validators=PERCENT
    )
    good_max_below = models.PositiveSmallIntegerField(
        _("good: at most this many rated “below requirements”"), default=0
    )
    done_on_time_percent = models.PositiveSmallIntegerField(
        _("completed: on-time share at least (%)"), default=70, validators=PERCENT
    )
    report_percent = models.PositiveSmallIntegerField(
        _("good or excellent: days at home with a progress report at least (%)"),
        default=80,
        validators=PERCENT,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("classification rule set")
        verbose_name_plural = _("classification rule sets")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.name} ({self.effective_from:%d/%m/%Y})"

    def clean(self):
        """The levels ask more from the top down, and a rule set a confirmed classification used stays as it
        was (a later one is added instead). Checked by every path: the office's page, the admin, the service."""
        errors = {}
        if self.excellent_on_time_percent < self.good_on_time_percent:
            errors["excellent_on_time_percent"] = _(
                "The excellent level cannot ask less than the good level."
            )
        if self.done_on_time_percent > self.good_on_time_percent:
            errors["done_on_time_percent"] = _("The completed level cannot ask more than the good level.")
        if errors:
            raise ValidationError(errors)
        if self.pk and Classification.objects.filter(rule_set_id=self.pk).exists():
            raise ValidationError(
                _("A confirmed classification used this rule set: add a new one from a later date instead."),
                code="used",
            )


class Classification(models.Model):
    """One staff member's level for one quarter, as the head confirmed it."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, related_name="classifications", verbose_name=_("staff member")
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="classifications", verbose_name=_("agency")
    )
    quarter = models.CharField(_("quarter"), max_length=7)
    suggested_level = models.CharField(_("suggested level"), max_length=16, choices=Level.choices)
    level = models.CharField(_("confirmed level"), max_length=16, choices=Level.choices)
    override_reason = models.TextField(_("reason for a level other than the suggested one"), blank=True)
    figures = models.JSONField(_("figures"), default=dict)
    rule_set = models.ForeignKey(
        RuleSet, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("rule set")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("confirmed by")
    )
    confirmed_at = models.DateTimeField(_("confirmed at"))
    frozen = models.BooleanField(_("frozen"), default=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarterly classification")
        verbose_name_plural = _("quarterly classifications")
        ordering = ["-quarter", "agency", "staff"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "quarter"], name="staffing_classification_staff_quarter"
            ),
        ]

    def __str__(self):
        return f"{self.staff} · {self.quarter_label} · {self.get_level_display()}"

    @property
    def quarter_label(self) -> str:
        """ "Q2/2021" for the stored "2021-Q2"."""
        year, _sep, number = self.quarter.partition("-")
        return f"{number}/{year}"
