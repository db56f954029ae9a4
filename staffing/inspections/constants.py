from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TeamKind(models.TextChoices):
    INSPECTION = "inspection", _("Inspection (thanh tra)")
    CHECK = "check", _("Check (kiểm tra)")


class Necessity(models.TextChoices):
    NECESSARY = "necessary", _("Necessary")
    NOT_NECESSARY = "not_necessary", _("Not necessary")


class TeamStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", pgettext_lazy("inspection team", "Active")
    SUSPENDED = "suspended", _("Suspended")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# A team that still runs or is about to: clause 2's restriction bites on these.
RUNNING_STATUSES = (TeamStatus.PLANNED, TeamStatus.ACTIVE)
EDITABLE_STATUSES = (TeamStatus.PLANNED, TeamStatus.ACTIVE, TeamStatus.SUSPENDED)


class Action(models.TextChoices):
    CREATE = "create", _("Created")
    EDIT = "edit", _("Edited")
    START = "start", _("Start")
    SUSPEND = "suspend", _("Suspend")
    RESUME = "resume", _("Resume")
    FINISH = "finish", _("Finish")
    CANCEL = "cancel", _("Cancel")


ACTS = (Action.START, Action.SUSPEND, Action.RESUME, Action.FINISH, Action.CANCEL)
