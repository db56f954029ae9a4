from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    POSTAL = "postal", _("Public postal service")
    IN_PERSON = "in_person", _("In person")


# Clause 3.1 a: online intake for procedures offered as online public services of level 3 or 4.
ONLINE_INTAKE_MIN_LEVEL = 3
