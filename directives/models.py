from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import DocumentKind, DocumentStatus, ReferenceRelation


class Document(models.Model):
    """A directive, official letter, decision, plan or notice, with its clauses and references."""

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    number = models.CharField(_("number and symbol"), max_length=64, help_text=_("For example 2629/UBND."))
    issuer = models.CharField(_("issuer"), max_length=255)
    issued_on = models.DateField(_("issue date"))
    subject = models.TextField(_("subject"))
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "number"]
        indexes = [models.Index(fields=["status", "issued_on"])]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED


class Clause(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="clauses", verbose_name=_("document")
    )
    number = models.CharField(_("clause"), max_length=32, help_text=_('For example "2" or "3.1 a".'))
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["document", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="directives_clause_number_unique")
        ]

    def __str__(self):
        return f"{self.document.number} · {self.number}"


class DocumentReference(models.Model):
    source = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="outgoing_references", verbose_name=_("document")
    )
    target = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="incoming_references",
        verbose_name=_("referenced document"),
    )
    relation = models.CharField(_("relation"), max_length=16, choices=ReferenceRelation.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document reference")
        verbose_name_plural = _("document references")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "relation"], name="directives_documentreference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="directives_documentreference_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.source.number} {self.get_relation_display()} {self.target.number}"


class WorkModePolicy(models.Model):
    """The work-mode rules a published directive carries; staffing and tthc read them, never constants."""

    directive = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="policy", verbose_name=_("directive")
    )
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(
        _("effective until"), null=True, blank=True, help_text=_("Empty means until further notice.")
    )
    remote_cap_numerator = models.PositiveSmallIntegerField(_("work-from-home share: numerator"), default=1)
    remote_cap_denominator = models.PositiveSmallIntegerField(
        _("work-from-home share: denominator"), default=2
    )
    agency_kinds = models.JSONField(
        _("agency kinds"), default=list, blank=True, help_text=_("Empty means every kind of agency.")
    )
    exempt_duty_groups = models.JSONField(
        _("exempt duty groups"),
        default=list,
        blank=True,
        help_text=_("Staff of these groups are outside the cap."),
    )
    citizen_reception_suspended = models.BooleanField(
        _("in-person citizen reception suspended"), default=False
    )
    inspections_restricted = models.BooleanField(_("inspections restricted"), default=False)
    inspection_max_participants = models.PositiveSmallIntegerField(
        _("maximum participants of a necessary inspection"), null=True, blank=True
    )
    in_person_intake_restricted = models.BooleanField(
        _("in-person intake only for the urgent list"), default=False
    )
    pre_cutoff_date = models.DateField(_("cut-off date for dossiers received earlier"), null=True, blank=True)
    free_postal_return = models.BooleanField(_("free postal return"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work-mode policy")
        verbose_name_plural = _("work-mode policies")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(remote_cap_denominator__gt=0)
                & Q(remote_cap_numerator__lte=models.F("remote_cap_denominator")),
                name="directives_workmodepolicy_ratio_valid",
            ),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_until__gte=models.F("effective_from")),
                name="directives_workmodepolicy_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.directive.number}: {self.remote_cap_numerator}/{self.remote_cap_denominator}"

    @property
    def max_remote_ratio(self) -> Decimal:
        return (Decimal(self.remote_cap_numerator) / Decimal(self.remote_cap_denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    @property
    def ratio_display(self) -> str:
        return f"{self.remote_cap_numerator}/{self.remote_cap_denominator}"

    def remote_cap(self, counted_staff: int) -> int:
        """Clause 2: at most this share of counted staff may work from home, rounded down."""
        return counted_staff * self.remote_cap_numerator // self.remote_cap_denominator

    def applies_to_kind(self, kind: str) -> bool:
        return not self.agency_kinds or kind in self.agency_kinds
