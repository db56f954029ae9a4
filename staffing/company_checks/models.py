"""Checks of companies by their commune (clause 5 of 2629/UBND): the criteria sets and risk bands the
district office maintains as data, and each check with its checklist, outcome and follow-up."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.companies.constants import Sector
from staffing.companies.models import Company
from staffing.registry.models import Agency, StaffMember

from .constants import CheckMode, Outcome


class CriteriaSet(models.Model):
    """One version of a checklist, in force from its date for one kind of workplace (or for all)."""

    name = models.CharField(_("name"), max_length=200)
    workplace_kind = models.CharField(
        _("kind of workplace"),
        max_length=32,
        choices=Sector.choices,
        blank=True,
        help_text=_("Empty: for every kind of workplace that has no set of its own."),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    effective_from = models.DateField(_("effective from"))
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["workplace_kind", "-effective_from", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["workplace_kind", "version"], name="staffing_criteriaset_kind_version"
            ),
            models.UniqueConstraint(
                fields=["workplace_kind", "effective_from"], name="staffing_criteriaset_kind_date"
            ),
        ]

    def __str__(self):
        return f"{self.name} · v{self.version} ({self.effective_from:%d/%m/%Y})"

    @property
    def is_used(self) -> bool:
        return self.pk is not None and self.checks.exists()

    def clean(self):
        # A check keeps the set it was made with: a used set stays as it was, a new version replaces it.
        if self.pk and CompanyCheck.objects.filter(criteria_set_id=self.pk).exists():
            raise ValidationError(
                _("A check used this criteria set: add a new version from a later date instead."),
                code="used",
            )
        previous = CriteriaSet.objects.filter(workplace_kind=self.workplace_kind).exclude(pk=self.pk)
        if self.pk is None and self.effective_from:
            last = previous.order_by("-effective_from").first()
            if last is not None and self.effective_from <= last.effective_from:
                raise ValidationError(
                    {
                        "effective_from": _(
                            "A new version takes effect after the version before it (%(day)s)."
                        )
                        % {"day": last.effective_from.strftime("%d/%m/%Y")}
                    },
                    code="not_after_previous",
                )


class Criterion(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("criteria set")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("criterion"), max_length=500)
    weight = models.PositiveSmallIntegerField(
        _("weight"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criteria_set", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="staffing_criterion_weight_positive"),
        ]

    def __str__(self):
        return self.text


class RiskBand(models.Model):
    """A share of the maximum score up to `upper_percent` (inclusive), above the band below it."""

    upper_percent = models.PositiveSmallIntegerField(
        _("up to (%)"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    label = models.CharField(_("risk level"), max_length=64)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risk band")
        verbose_name_plural = _("risk bands")
        ordering = ["upper_percent"]

    def __str__(self):
        return f"≤ {self.upper_percent}%: {self.label}"


class CompanyCheck(models.Model):
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="checks", verbose_name=_("company")
    )
    commune = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="company_checks", verbose_name=_("commune")
    )
    checked_on = models.DateField(_("check date"))
    mode = models.CharField(_("how"), max_length=16, choices=CheckMode.choices, default=CheckMode.ON_SITE)
    checked_by = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, related_name="company_checks", verbose_name=_("checked by")
    )
    on_site_count = models.PositiveIntegerField(_("workers on site"))
    online_count = models.PositiveIntegerField(_("workers working online"))
    criteria_set = models.ForeignKey(
        CriteriaSet, on_delete=models.PROTECT, related_name="checks", verbose_name=_("criteria set")
    )
    score = models.PositiveIntegerField(_("risk score"))
    max_score = models.PositiveIntegerField(_("maximum score"))
    risk_level = models.CharField(_("risk level"), max_length=64)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    requested = models.TextField(_("what the company was asked to do"), blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    follow_up_closed_on = models.DateField(_("follow-up closed on"), null=True, blank=True)
    follow_up_closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up closed by"),
    )
    follow_up_note = models.TextField(_("how the follow-up was closed"), blank=True)
    follow_up_check = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follows_up",
        verbose_name=_("follow-up check"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("company check")
        verbose_name_plural = _("company checks")
        ordering = ["-checked_on", "-pk"]
        indexes = [
            models.Index(fields=["company", "-checked_on", "-id"], name="staffing_check_company_latest"),
            models.Index(fields=["commune", "follow_up_on"], name="staffing_check_follow_up"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_on__isnull=True) | Q(follow_up_on__gt=F("checked_on")),
                name="staffing_companycheck_follow_up_after_check",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.PASSED) | Q(follow_up_on__isnull=True),
                name="staffing_companycheck_passed_no_follow_up",
            ),
            models.CheckConstraint(
                condition=Q(score__lte=F("max_score")), name="staffing_companycheck_score_within_max"
            ),
        ]

    def __str__(self):
        return f"{self.company} · {self.checked_on:%d/%m/%Y} · {self.get_outcome_display()}"

    @property
    def risk_percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.follow_up_closed_on is None


class CheckAnswer(models.Model):
    """For one criterion of the check's set: whether the risk factor was found."""

    company_check = models.ForeignKey(
        CompanyCheck, on_delete=models.CASCADE, related_name="answers", verbose_name=_("check")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    at_risk = models.BooleanField(_("risk factor present"))

    class Meta:
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        ordering = ["criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company_check", "criterion"], name="staffing_checkanswer_one_per_criterion"
            ),
        ]

    def __str__(self):
        return f"{self.criterion} · {'x' if self.at_risk else '-'}"
