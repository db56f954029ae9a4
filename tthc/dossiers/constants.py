import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


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


# A result is returned online only for level 4 services (Decree 43/2011).
MIN_ONLINE_RETURN_LEVEL = 4
MAX_EXTENSION_WORKING_DAYS = 60
# A reception time a few minutes ahead is a clock difference between desks, not a typing error.
CLOCK_SKEW = datetime.timedelta(minutes=5)
