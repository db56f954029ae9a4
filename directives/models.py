import uuid
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.constants import AgencyKind, DutyGroup

from .constants import AcknowledgementMethod, DocumentKind, DocumentStatus, ReferenceRelation


def _random_name(folder: str, filename: str) -> str:
    # Uploaded names are never reused: a guessable path must not reveal another agency's evidence.
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def attachment_path(instance, filename: str) -> str:
    return _random_name("directives", filename)


def evidence_path(instance, filename: str) -> str:
    return _random_name("obligations", filename)


class Document(models.Model):
    """A directive, official letter, decision, plan or notice, with its clauses and references."""

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    number = models.CharField(_("number and symbol"), max_length=64, help_text=_("For example 2629/UBND."))
    issuer = models.CharField(_("issuer"), max_length=255)
    issued_on = models.DateField(_("issue date"))
    issued_year = models.PositiveSmallIntegerField(_("year of issue"), editable=False)
    subject = models.TextField(_("subject"))
    attachment = models.FileField(_("PDF attachment"), upload_to=attachment_path, blank=True)
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
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "number"]
        indexes = [models.Index(fields=["status", "issued_on"])]
        constraints = [
            # The same number from the same issuer in the same year is one document (case-insensitive).
            models.UniqueConstraint(
                Lower("number"), Lower("issuer"), "issued_year", name="directives_document_number_unique"
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        # Kept in step with issued_on so the database can hold "one number per issuer per year".
        self.issued_year = self.issued_on.year
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT

    @property
    def is_revoked(self) -> bool:
        return self.status == DocumentStatus.REVOKED

    @property
    def is_public(self) -> bool:
        return self.status in (DocumentStatus.PUBLISHED, DocumentStatus.REVOKED)


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

    @property
    def agency_kind_labels(self) -> list:
        return [AgencyKind(v).label for v in self.agency_kinds if v in AgencyKind.values]

    @property
    def exempt_duty_group_labels(self) -> list:
        return [DutyGroup(v).label for v in self.exempt_duty_groups if v in DutyGroup.values]


class Obligation(models.Model):
    """Something a clause asks of the agencies it addresses, by kind or by name, by a due date."""

    clause = models.ForeignKey(
        Clause, on_delete=models.PROTECT, related_name="obligations", verbose_name=_("clause")
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due date"))
    agency_kinds = models.JSONField(
        _("addressed agency kinds"),
        default=list,
        blank=True,
        help_text=_("With no kind and no agency chosen, every agency is addressed."),
    )
    agencies = models.ManyToManyField(
        "staffing.Agency",
        blank=True,
        related_name="directive_obligations",
        verbose_name=_("addressed agencies"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    closed_at = models.DateTimeField(_("follow-up closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up closed by"),
    )
    closure_reason = models.TextField(_("reason for closing the follow-up"), blank=True)

    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["clause", "title"], name="directives_obligation_title_unique"),
        ]

    def __str__(self):
        return f"{self.clause} · {self.title}"

    @property
    def agency_kind_labels(self) -> list:
        return [AgencyKind(v).label for v in self.agency_kinds if v in AgencyKind.values]

    def addresses(self, agency, explicit_agency_ids=None) -> bool:
        """Whether the agency must act; pass the explicit ids when they are already loaded."""
        if explicit_agency_ids is None:
            explicit_agency_ids = {a.pk for a in self.agencies.all()}
        if not self.agency_kinds and not explicit_agency_ids:
            return True
        return agency.kind in self.agency_kinds or agency.pk in explicit_agency_ids


class AgencyObligation(models.Model):
    """One agency's answer to one obligation: acknowledged (quán triệt, phổ biến) and then done."""

    obligation = models.ForeignKey(
        Obligation, on_delete=models.CASCADE, related_name="agency_statuses", verbose_name=_("obligation")
    )
    agency = models.ForeignKey(
        "staffing.Agency",
        on_delete=models.CASCADE,
        related_name="obligation_statuses",
        verbose_name=_("agency"),
    )
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    method = models.CharField(
        _("how it was disseminated"), max_length=16, choices=AcknowledgementMethod.choices, blank=True
    )
    evidence_text = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=evidence_path, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_at = models.DateTimeField(_("done recorded at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    done_note = models.TextField(_("result"), blank=True)
    waived_at = models.DateTimeField(_("waived at"), null=True, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("waived by"),
    )
    waiver_reason = models.TextField(_("reason for the waiver"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency obligation")
        verbose_name_plural = _("agency obligations")
        ordering = ["obligation", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "agency"], name="directives_agencyobligation_unique"
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | Q(acknowledged_on__isnull=False),
                name="directives_agencyobligation_done_after_acknowledged",
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True) | Q(waived_at__isnull=True),
                name="directives_agencyobligation_done_or_waived",
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, done_on__isnull=True)
                | Q(done_at__isnull=False, done_on__isnull=False),
                name="directives_agencyobligation_done_on_with_done_at",
            ),
        ]

    def __str__(self):
        return f"{self.obligation} · {self.agency}"


class ReminderLog(models.Model):
    """Written before a reminder is sent, so a second run of the task on the same day sends nothing."""

    obligation = models.ForeignKey(
        Obligation, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("obligation")
    )
    agency = models.ForeignKey(
        "staffing.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    day = models.DateField(_("day"))
    recipients = models.TextField(_("recipients"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("obligation reminder")
        verbose_name_plural = _("obligation reminders")
        ordering = ["-day", "obligation", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "agency", "day"], name="directives_reminderlog_unique"
            ),
        ]

    def __str__(self):
        return f"{self.obligation} · {self.agency} · {self.day:%d/%m/%Y}"


class ComplianceReport(models.Model):
    """The district's daily compliance report: stored before it is e-mailed, so a day's report goes out once."""

    day = models.DateField(_("day"), unique=True)
    built_at = models.DateTimeField(_("built at"))
    content = models.JSONField(_("content"), default=dict)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("compliance report")
        verbose_name_plural = _("compliance reports")
        ordering = ["-day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y}"

    @property
    def recipient_list(self) -> list[str]:
        return [address for address in self.recipients.split(", ") if address]
