from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import (
    CalendarDayKind,
    Channel,
    DossierEventKind,
    DossierStatus,
    NoticeKind,
    ProcedureLevel,
    ProcessingTimeUnit,
    UrgentListStatus,
)

id_number_validator = RegexValidator(
    r"^(\d{9}|\d{12})$", _("An ID number has 9 or 12 digits."), code="invalid_id_number"
)


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


class CalendarDay(models.Model):
    """An exception to the Monday–Friday working week: a holiday, a day off in lieu, or a working Saturday."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=CalendarDayKind.choices)
    name = models.CharField(_("name"), max_length=128, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


class UrgentList(models.Model):
    """A version of the list of special, urgent procedures received in person (clause 3.1 of 2629/UBND)."""

    # Assigned when the version is published; a draft has none yet.
    version = models.PositiveIntegerField(_("version"), unique=True, null=True, blank=True)
    directive = models.ForeignKey(
        "directives.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="urgent_lists",
        verbose_name=_("directive"),
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=UrgentListStatus.choices, default=UrgentListStatus.DRAFT
    )
    note = models.TextField(_("note"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    procedures = models.ManyToManyField(
        Procedure, through="UrgentListItem", related_name="urgent_lists", verbose_name=_("procedures")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urgent in-person list")
        verbose_name_plural = _("urgent in-person lists")
        ordering = [models.F("version").desc(nulls_first=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=UrgentListStatus.DRAFT)
                | Q(version__isnull=False, directive__isnull=False, effective_from__isnull=False),
                name="tthc_urgentlist_published_complete",
            ),
        ]

    def __str__(self):
        if self.version is None:
            return str(_("Draft urgent list"))
        return str(_("Urgent list version %(version)s") % {"version": self.version})

    @property
    def is_published(self) -> bool:
        return self.status == UrgentListStatus.PUBLISHED


class UrgentListItem(models.Model):
    urgent_list = models.ForeignKey(
        UrgentList, on_delete=models.CASCADE, related_name="items", verbose_name=_("urgent list")
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="urgent_list_items", verbose_name=_("procedure")
    )
    conditions = models.CharField(_("conditions"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urgent list item")
        verbose_name_plural = _("urgent list items")
        ordering = ["procedure__code"]
        constraints = [
            models.UniqueConstraint(fields=["urgent_list", "procedure"], name="tthc_urgentlistitem_unique")
        ]

    def __str__(self):
        return str(self.procedure)


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
