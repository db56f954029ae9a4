"""Obligations a clause asks of agencies: how an agency disseminated one, its state, and the reminders."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AcknowledgementMethod(models.TextChoices):
    MEETING = "meeting", _("Briefing meeting")
    WRITTEN = "written", _("Written dissemination")
    ELECTRONIC = "electronic", _("E-mail or office software")
    WEBSITE = "website", _("Agency website or apps")
    OTHER = "other", _("Other")


class ObligationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    DONE = "done", _("Done")
    OVERDUE = "overdue", _("Overdue")
    # Closed by the district office, waived for the agency, or its directive's policy no longer applies.
    CLOSED = "closed", _("No longer required")


# Obligation reminders: once when the due date is this many days away, again on the due date, then on the
# first overdue day and once a week until this many weeks after the due date; the office follows up after.
REMINDER_DAYS_AHEAD = 3
OVERDUE_REMINDER_INTERVAL_DAYS = 7
OVERDUE_REMINDER_WEEKS = 4
