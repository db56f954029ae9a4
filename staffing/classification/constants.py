from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The four levels of Decree 90/2020/NĐ-CP, best first."""

    EXCELLENT = "excellent", _("Excellently completed duties")
    GOOD = "good", _("Well completed duties")
    DONE = "done", _("Completed duties")
    NOT_DONE = "not_done", _("Did not complete duties")
