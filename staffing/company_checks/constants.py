from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    REMOTE = "remote", _("Remote (by phone or online)")


class Outcome(models.TextChoices):
    """What the commune concluded; anything but "passed" asks something of the company by a date."""

    PASSED = "passed", _("Passed")
    REMEDY = "remedy", _("Remedy required")
    VIOLATION = "violation", _("Violation")


# Decision 2194/QĐ-BCĐQG (27/05/2020) bands a workplace's score as a share of the maximum. The office may
# change them (RiskBand rows); these apply while it has stored none. Upper bounds in percent, inclusive.
DEFAULT_BANDS = (
    (15, "Rất ít nguy cơ"),
    (30, "Nguy cơ thấp"),
    (50, "Nguy cơ trung bình"),
    (80, "Nguy cơ cao"),
    (100, "Nguy cơ rất cao"),
)

FOLLOW_UP_DUE_DAYS = 7  # "due soon": a follow-up date within this many days from today
