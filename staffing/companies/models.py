"""The commune's register of companies (clause 5 of 2629/UBND): the commune chairman reviews and follows
the companies on the commune's territory and asks them to keep the epidemic measures, working online as
far as they can. The register keeps each company's workforce and how many of them work online."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.registry.constants import COMMUNE_LEVEL_KINDS
from staffing.registry.models import Agency
from staffing.toolkit.phones import validate_mobile_phone

from .constants import Sector
from .taxcodes import validate_tax_code


class CompanyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Company(models.Model):
    commune = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="companies",
        verbose_name=_("commune"),
        limit_choices_to={"kind__in": COMMUNE_LEVEL_KINDS},
    )
    name = models.CharField(_("name"), max_length=255)
    tax_code = models.CharField(_("tax code"), max_length=14, unique=True, validators=[validate_tax_code])
    address = models.CharField(_("address"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, default=Sector.OTHER)
    workforce = models.PositiveIntegerField(_("workforce"), default=0)
    working_online = models.PositiveIntegerField(_("employees working online"), default=0)
    contact_person = models.CharField(_("contact person"), max_length=128, blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=15, blank=True, validators=[validate_mobile_phone]
    )
    is_active = models.BooleanField(_("operating"), default=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CompanyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(working_online__lte=F("workforce")),
                name="staffing_company_online_within_workforce",
            ),
            models.CheckConstraint(
                condition=Q(is_active=True, closed_on__isnull=True)
                | Q(is_active=False, closed_on__isnull=False),
                name="staffing_company_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["commune", "is_active", "name"])]

    def __str__(self):
        return f"{self.name} ({self.tax_code})"

    @property
    def online_percent(self) -> int | None:
        """Share of the workforce working online, in whole percent (None without a workforce)."""
        if not self.workforce:
            return None
        return round(100 * self.working_online / self.workforce)
