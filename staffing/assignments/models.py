"""Work a head hands out and the progress reported on it (clause 2 of 2629/UBND: heads assign work to
home workers and judge them by its results; home workers report progress to their direct superior).
Written only by staffing.assignments.services."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directives.documents.models import random_upload_name
from staffing.registry.models import Agency, StaffMember

from .constants import OPEN_STATUSES, AssignmentStatus, Priority, Quality


def assignment_file_path(instance, filename: str) -> str:
    return random_upload_name("assignments", filename)


class Assignment(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("agency")
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("assigned by")
    )
    lead = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, related_name="assignments_led", verbose_name=_("lead assignee")
    )
    supporters = models.ManyToManyField(
        StaffMember, blank=True, related_name="assignments_supported", verbose_name=_("supporting assignees")
    )
    start_date = models.DateField(_("start date"))
    due_date = models.DateField(_("due date"))
    priority = models.CharField(
        _("priority"), max_length=16, choices=Priority.choices, default=Priority.NORMAL
    )
    statutory = models.BooleanField(
        _("statutory time limit"),
        default=False,
        help_text=_("The work has a time limit or limitation period set by law."),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, blank=True, help_text=_("For example: Điều 61 Luật Đất đai.")
    )
    dossier_code = models.CharField(_("dossier code"), max_length=32, blank=True)
    attachment = models.FileField(_("attachment"), upload_to=assignment_file_path, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.ASSIGNED
    )
    quality = models.CharField(_("quality"), max_length=16, choices=Quality.choices, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    last_report_on = models.DateField(_("last progress report"), null=True, blank=True)
    percent_complete = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["agency", "status", "due_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("start_date")), name="staffing_assignment_due_after_start"
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="staffing_assignment_percent"
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.lead}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today) -> bool:
        return self.is_open and self.due_date < today


class ProgressReport(models.Model):
    """What one assignee did on one day: sent from the phone, read by the head."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("assignment")
    )
    staff = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, related_name="progress_reports", verbose_name=_("staff member")
    )
    day = models.DateField(_("day"))
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    done = models.TextField(_("what was done"))
    next_steps = models.TextField(_("what is next or blocked"), blank=True)
    attachment = models.FileField(_("attachment"), upload_to=assignment_file_path, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-day", "-created_at"]
        indexes = [models.Index(fields=["staff", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="staffing_progressreport_percent"
            ),
        ]

    def __str__(self):
        return f"{self.assignment.title} · {self.staff} · {self.day:%d/%m/%Y}"


class StallThresholds(models.Model):
    """When statutory work counts as stalling: due within N working days with no report for M days (data the
    district office edits, never constants). One row."""

    due_within_working_days = models.PositiveSmallIntegerField(
        _("due within (working days)"), default=3, validators=[MaxValueValidator(60)]
    )
    silent_days = models.PositiveSmallIntegerField(
        _("days without a progress report"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stall thresholds")
        verbose_name_plural = _("stall thresholds")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "StallThresholds":
        return cls.objects.order_by("pk").first() or cls()


class Deputy(models.Model):
    """A staff member the head names to assign and review the agency's work in the head's stead."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="deputies", verbose_name=_("agency")
    )
    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="deputy_of", verbose_name=_("staff member")
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("named by")
    )
    named_at = models.DateTimeField(_("named at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deputy for assigned work")
        verbose_name_plural = _("deputies for assigned work")
        constraints = [models.UniqueConstraint(fields=["agency", "staff"], name="staffing_deputy_unique")]

    def __str__(self):
        return f"{self.staff} · {self.agency}"
