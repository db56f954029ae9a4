from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkModeKind(models.TextChoices):
    ON_SITE = "on_site", _("At the office")
    REMOTE = "remote", _("From home")
    ON_DUTY = "on_duty", _("On duty")
    LEAVE = "leave", _("On leave")


class DayStatus(models.TextChoices):
    """An agency's day as the district office sees it."""

    WITHIN_CAP = "within_cap", _("Within the cap")
    OVER_CAP = "over_cap", _("Over the cap")
    NO_PLAN = "no_plan", _("No plan")
    NO_STAFF = "no_staff", _("No active staff")
