from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcedureLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune level")
    DISTRICT = "district", _("District level")
    COMMUNE_AND_DISTRICT = "commune_and_district", _("Commune and district level")


class ProcessingTimeUnit(models.TextChoices):
    SAME_DAY = "same_day", _("Same day")
    WORKING_DAYS = "working_days", _("Working days")
    CALENDAR_DAYS = "calendar_days", _("Days")


class CalendarDayKind(models.TextChoices):
    PUBLIC_HOLIDAY = "public_holiday", _("Public holiday")
    COMPENSATORY_DAY_OFF = "compensatory_day_off", _("Compensatory day off")
    WORKING_WEEKEND_DAY = "working_weekend_day", _("Working weekend day")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    POSTAL = "postal", _("Public postal service")
    IN_PERSON = "in_person", _("In person")


# Clause 3.1 a: online intake for procedures offered as online public services of level 3 or 4.
ONLINE_INTAKE_MIN_LEVEL = 3


class UrgentListStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class DossierStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSING = "processing", _("Processing")
    WAITING_SUPPLEMENT = "waiting_supplement", _("Waiting for supplement")
    RESULT_READY = "result_ready", _("Result ready")
    RETURNED = "returned", _("Returned")
    REFUSED = "refused", _("Refused")


OPEN_DOSSIER_STATUSES = (
    DossierStatus.RECEIVED,
    DossierStatus.PROCESSING,
    DossierStatus.WAITING_SUPPLEMENT,
    DossierStatus.RESULT_READY,
)
# Values of the desk's list filters: every open status at once, and the two orders.
OPEN_FILTER = "open"
SORT_BY_DUE_DATE = "due"
SORT_BY_RECEIVED = "received"


class DossierEventKind(models.TextChoices):
    STATUS = "status", _("Status change")
    EXTENSION = "extension", _("Due date extended")
    NOTICE = "notice", _("Notice sent")


class NoticeKind(models.TextChoices):
    PRE_CUTOFF_POSTAL_RETURN = (
        "pre_cutoff_postal_return",
        _("Free postal return of a dossier received before the cut-off"),
    )
