from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from staffing.toolkit.phones import validate_mobile_phone

from .constants import (
    AGENCY_ROLES,
    COMMUNE_LEVEL_KINDS,
    AgencyKind,
    DutyGroup,
    Role,
    StaffCategory,
    WorkModeKind,
)


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def communes(self):
        return self.filter(kind__in=COMMUNE_LEVEL_KINDS)


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    statistics_code = models.CharField(
        _("statistics code"),
        max_length=10,
        blank=True,
        help_text=_("Administrative unit code of a commune or township (e.g. 27496)."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = AgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["statistics_code"],
                condition=~Q(statistics_code=""),
                name="staffing_agency_statistics_code_unique",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_commune_level(self) -> bool:
        return self.kind in COMMUNE_LEVEL_KINDS


class StaffMemberQuerySet(models.QuerySet):
    def active_on(self, day):
        """Staff on the payroll that day: started on or before it and not yet left."""
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=day),
            Q(active_until__isnull=True) | Q(active_until__gte=day),
        )


class StaffMember(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="staff", verbose_name=_("agency")
    )
    staff_code = models.CharField(_("staff code"), max_length=32)
    full_name = models.CharField(_("full name"), max_length=128)
    position = models.CharField(_("position"), max_length=128, blank=True)
    category = models.CharField(_("category"), max_length=32, choices=StaffCategory.choices)
    duty_group = models.CharField(
        _("duty group"), max_length=32, choices=DutyGroup.choices, default=DutyGroup.REGULAR
    )
    mobile_phone = models.CharField(
        _("mobile phone"), max_length=15, blank=True, validators=[validate_mobile_phone]
    )
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profile",
        verbose_name=_("user account"),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)

    objects = StaffMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["agency", "full_name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "staff_code"], name="staffing_staffmember_code_unique"),
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_until__gte=models.F("active_from")),
                name="staffing_staffmember_active_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["agency", "active_from", "active_until"])]

    def __str__(self):
        return f"{self.full_name} ({self.staff_code})"

    def is_active_on(self, day) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or self.active_until >= day
        )


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("agency"),
        help_text=_("Required for agency roles; empty for district-wide roles."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user__username", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "agency"], name="staffing_roleassignment_unique"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(agency__isnull=True),
                name="staffing_roleassignment_district_role_unique",
            ),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in AGENCY_ROLES], agency__isnull=False)
                | (~Q(role__in=[r.value for r in AGENCY_ROLES]) & Q(agency__isnull=True)),
                name="staffing_roleassignment_agency_matches_role",
            ),
        ]

    def __str__(self):
        if self.agency_id:
            return f"{self.user} · {self.get_role_display()} · {self.agency}"
        return f"{self.user} · {self.get_role_display()}"

    def clean(self):
        # The check and conditional unique constraints, said at the field rather than as an IntegrityError.
        if self.role in AGENCY_ROLES and self.agency_id is None:
            raise ValidationError(
                {"agency": _("Choose the agency in which this role is held.")}, code="agency_required"
            )
        if self.role and self.role not in AGENCY_ROLES and self.agency_id is not None:
            raise ValidationError(
                {"agency": _("A district-wide role is held in no agency: leave the agency empty.")},
                code="agency_not_allowed",
            )
        same = RoleAssignment.objects.filter(user_id=self.user_id, role=self.role, agency_id=self.agency_id)
        if self.user_id and self.role and same.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"role": _("This user already holds this role here.")}, code="role_assignment_duplicate"
            )


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker ran the heartbeat task (one row per worker name)."""

    worker = models.CharField(_("worker"), max_length=128, unique=True)
    seen_at = models.DateTimeField(_("seen at"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker


class WorkMode(models.Model):
    """Where one staff member works on one day. Written only by staffing.workmode_services.work_modes_set."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="work_modes", verbose_name=_("staff member")
    )
    # The agency the day was planned for: kept even if the staff member later moves to another agency.
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="work_modes", verbose_name=_("agency")
    )
    day = models.DateField(_("day"))
    mode = models.CharField(_("work mode"), max_length=16, choices=WorkModeKind.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work mode")
        verbose_name_plural = _("work modes")
        ordering = ["day", "staff"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "day"], name="staffing_workmode_staff_day_unique"),
        ]
        indexes = [models.Index(fields=["agency", "day", "mode"])]

    def __str__(self):
        return f"{self.staff} · {self.day:%d/%m/%Y} · {self.get_mode_display()}"


class PlanningReminder(models.Model):
    """Written before the Friday reminder to plan next week is sent, so an agency hears it once per week."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="planning_reminders", verbose_name=_("agency")
    )
    week_start = models.DateField(_("week starting"), help_text=_("The Monday of the week to plan."))
    recipients = models.TextField(_("recipients"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("planning reminder")
        verbose_name_plural = _("planning reminders")
        ordering = ["-week_start", "agency"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "week_start"], name="staffing_planningreminder_unique"),
        ]

    def __str__(self):
        return f"{self.agency} · {self.week_start:%d/%m/%Y}"
