"""Obligations of clauses, each agency's answer to them, and the log of reminders sent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directives.documents.models import Clause, random_upload_name
from staffing.registry.constants import AgencyKind

from .constants import AcknowledgementMethod


def evidence_path(instance, filename: str) -> str:
    return random_upload_name("obligations", filename)


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
