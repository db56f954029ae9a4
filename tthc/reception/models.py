import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .constants import (
    DEFAULT_ANSWER_WITHIN_WORKING_DAYS,
    PetitionAction,
    PetitionStatus,
    Weekday,
)


class ReceptionSlot(models.Model):
    """One regular citizen reception session of an agency: a day of the week, hours, a place, an officer."""

    agency = models.ForeignKey(
        "staffing.Agency", on_delete=models.CASCADE, related_name="reception_slots", verbose_name=_("agency")
    )
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=255)
    officer = models.ForeignKey(
        "staffing.StaffMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer in charge"),
    )

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        ordering = ["agency", "weekday", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "weekday", "starts_at"],
                name="tthc_receptionslot_agency_weekday_start_unique",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="tthc_receptionslot_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.agency} · {self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = ValidationError(
                _("The session must end after it starts."), code="ends_before_start"
            )
        if self.officer_id and self.agency_id and self.officer.agency_id != self.agency_id:
            errors["officer"] = ValidationError(
                _("Choose a staff member of this agency."), code="officer_elsewhere"
            )
        if errors:
            raise ValidationError(errors)


class ReceptionChannels(models.Model):
    """Where an agency takes petitions while in-person reception is suspended, when it differs from the
    registry's contact phone and e-mail."""

    agency = models.OneToOneField(
        "staffing.Agency",
        on_delete=models.CASCADE,
        related_name="reception_channels",
        verbose_name=_("agency"),
    )
    hotline = models.CharField(_("reception hotline"), max_length=32, blank=True)
    email = models.EmailField(_("reception e-mail"), blank=True)
    note = models.CharField(_("note for citizens"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("reception channels")
        verbose_name_plural = _("reception channels")

    def __str__(self):
        return str(self.agency)


class PetitionSettings(models.Model):
    """The time limit of an answer, in working days: data the district office edits. One row."""

    answer_within_working_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"),
        default=DEFAULT_ANSWER_WITHIN_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )

    class Meta:
        verbose_name = _("petition settings")
        verbose_name_plural = _("petition settings")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "PetitionSettings":
        return cls.objects.order_by("pk").first() or cls()


def petition_file_path(instance, filename):
    # A random name: the citizen's file name may carry personal data, and a guessable path would expose it.
    return f"petitions/{instance.agency_id}/{uuid.uuid4().hex}-{filename}"


class Petition(models.Model):
    """A citizen's petition (kiến nghị, phản ánh) filed online with an agency, answered within a time limit."""

    code = models.CharField(_("petition code"), max_length=40, unique=True)
    agency = models.ForeignKey(
        "staffing.Agency", on_delete=models.PROTECT, related_name="petitions", verbose_name=_("agency")
    )
    filer_name = models.CharField(_("full name"), max_length=128)
    filer_phone = models.CharField(_("mobile phone"), max_length=15)
    filer_email = models.EmailField(_("email"), blank=True)
    filer_address = models.CharField(_("address"), max_length=255, blank=True)
    content = models.TextField(_("content"))
    attachment = models.FileField(_("attachment"), upload_to=petition_file_path, blank=True)
    filed_at = models.DateTimeField(_("filed at"))
    due_date = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"), max_length=16, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED
    )
    assignee = models.ForeignKey(
        "staffing.StaffMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-filed_at", "-id"]
        indexes = [models.Index(fields=["agency", "status", "due_date"])]

    def __str__(self):
        return self.code


class PetitionEvent(models.Model):
    """One step of a petition's history: filed, assigned, answered, closed."""

    petition = models.ForeignKey(
        Petition, on_delete=models.CASCADE, related_name="events", verbose_name=_("petition")
    )
    action = models.CharField(_("action"), max_length=16, choices=PetitionAction.choices)
    status_to = models.CharField(_("new status"), max_length=16, choices=PetitionStatus.choices)
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
        verbose_name = _("petition event")
        verbose_name_plural = _("petition events")
        ordering = ["petition", "at", "id"]

    def __str__(self):
        return f"{self.petition.code} · {self.get_action_display()} · {self.at:%d/%m/%Y %H:%M}"


class PetitionCounter(models.Model):
    """The last petition number an agency gave on a day; its row is locked while a number is taken."""

    agency = models.ForeignKey(
        "staffing.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    day = models.DateField(_("day"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("petition counter")
        verbose_name_plural = _("petition counters")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="tthc_petitioncounter_agency_day_unique")
        ]

    def __str__(self):
        return f"{self.agency_id} · {self.day:%d/%m/%Y} · {self.last_number}"
