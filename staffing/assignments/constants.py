from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted for review")
    ACCEPTED = "accepted", _("Accepted")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (AssignmentStatus.ASSIGNED, AssignmentStatus.IN_PROGRESS, AssignmentStatus.SUBMITTED)
FINAL_STATUSES = (AssignmentStatus.ACCEPTED, AssignmentStatus.CANCELLED)


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Quality(models.TextChoices):
    """The head's rating of accepted work: the basis, with timeliness, of the quarterly classification."""

    EXCEEDS = "exceeds", _("Exceeds requirements")
    MEETS = "meets", _("Meets requirements")
    BELOW = "below", _("Below requirements")


class Action(models.TextChoices):
    START = "start", _("Start")
    SUBMIT = "submit", _("Submit for review")
    ACCEPT = "accept", _("Accept")
    RETURN = "return", _("Return")
    CANCEL = "cancel", _("Cancel")
