from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tthc.catalogue.models import Procedure
from tthc.intake.constants import Channel

from .constants import DossierEventKind, DossierStatus, NoticeKind

id_number_validator = RegexValidator(
    r"^(\d{9}|\d{12})$", _("An ID number has 9 or 12 digits."), code="invalid_id_number"
)


class Dossier(models.Model):
    """An application (hồ sơ) received by an agency's one-stop desk."""

    code = models.CharField(_("dossier code"), max_length=40, unique=True)
    agency = models.ForeignKey(
        "staffing.Agency",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("receiving agency"),
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("procedure")
    )
    applicant_name = models.CharField(_("applicant's full name"), max_length=128)
    applicant_id_number = models.CharField(_("ID number"), max_length=12, validators=[id_number_validator])
    applicant_phone = models.CharField(_("mobile phone"), max_length=15)
    applicant_email = models.EmailField(_("email"), blank=True)
    applicant_address = models.CharField(_("address"), max_length=255, blank=True)
    channel = models.CharField(_("intake channel"), max_length=16, choices=Channel.choices)
    received_at = models.DateTimeField(_("received at"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("received by"),
    )
    documents_received = models.TextField(_("documents received"), blank=True)
    due_date = models.DateField(_("due date"))
    # The due date ran into a year whose holidays are not loaded: it was counted on weekdays only.
    due_date_unverified = models.BooleanField(_("due date counted without a holiday calendar"), default=False)
    result_delivery = models.CharField(_("result delivery"), max_length=16, choices=Channel.choices)
    free_postage = models.BooleanField(_("free postal return"), default=False)
    postage_amount = models.DecimalField(_("postage"), max_digits=10, decimal_places=0, default=0)
    special_case_reason = models.TextField(
        _("special, urgent case"),
        blank=True,
        help_text=_("Clause 3.1 b: why an off-list procedure was received in person."),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=DossierStatus.choices, default=DossierStatus.RECEIVED
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["agency", "status", "due_date"]),
            models.Index(fields=["agency", "received_at"]),
        ]

    def __str__(self):
        return self.code

    @property
    def is_special_case(self) -> bool:
        return bool(self.special_case_reason)


class DossierEvent(models.Model):
    """One step of a dossier's trail: a status change, a due-date extension, a notice sent."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="events", verbose_name=_("dossier")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DossierEventKind.choices)
    status_from = models.CharField(_("from status"), max_length=24, choices=DossierStatus.choices, blank=True)
    status_to = models.CharField(_("to status"), max_length=24, choices=DossierStatus.choices, blank=True)
    due_date_from = models.DateField(_("previous due date"), null=True, blank=True)
    due_date_to = models.DateField(_("new due date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        verbose_name = _("dossier event")
        verbose_name_plural = _("dossier events")
        ordering = ["dossier", "at", "id"]

    def __str__(self):
        return f"{self.dossier.code} · {self.get_kind_display()} · {self.at:%d/%m/%Y %H:%M}"


class DossierCounter(models.Model):
    """The last dossier number an agency gave on a day; its row is locked while a number is taken."""

    agency = models.ForeignKey(
        "staffing.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    day = models.DateField(_("day"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("dossier counter")
        verbose_name_plural = _("dossier counters")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="tthc_dossiercounter_agency_day_unique")
        ]

    def __str__(self):
        return f"{self.agency_id} · {self.day:%d/%m/%Y} · {self.last_number}"


class NoticeLog(models.Model):
    """A notice to a dossier's applicant: written before the e-mail goes out, so it is never sent twice."""

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="notices", verbose_name=_("dossier")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NoticeKind.choices)
    recipient = models.EmailField(_("recipient"))
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        verbose_name = _("notice log")
        verbose_name_plural = _("notice logs")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "kind"], name="tthc_noticelog_dossier_kind_unique")
        ]

    def __str__(self):
        return f"{self.dossier_id} · {self.get_kind_display()} · {self.recipient}"
