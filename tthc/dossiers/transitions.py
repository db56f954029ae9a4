"""The status trail of a dossier: each step one event, refusals with their reason, free postage booked."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tthc.dossiers.constants import CLOCK_SKEW, DossierEventKind, DossierStatus
from tthc.dossiers.models import Dossier, DossierEvent
from tthc.dossiers.selectors import may_receive_dossiers
from tthc.intake.constants import Channel

TRANSITIONS = {
    DossierStatus.RECEIVED: (DossierStatus.PROCESSING, DossierStatus.REFUSED),
    DossierStatus.PROCESSING: (
        DossierStatus.WAITING_SUPPLEMENT,
        DossierStatus.RESULT_READY,
        DossierStatus.REFUSED,
    ),
    DossierStatus.WAITING_SUPPLEMENT: (DossierStatus.PROCESSING, DossierStatus.REFUSED),
    DossierStatus.RESULT_READY: (DossierStatus.RETURNED,),
}


def allowed_transitions(status: str) -> tuple:
    return TRANSITIONS.get(status, ())


def _free_postal_return(dossier: Dossier) -> bool:
    return dossier.free_postage and dossier.result_delivery == Channel.POSTAL


@transaction.atomic
def dossier_transition(
    *,
    dossier: Dossier,
    to_status: str,
    actor,
    note: str = "",
    postage_amount: int | None = None,
    at: datetime.datetime | None = None,
) -> Dossier:
    """Move the dossier one step along its trail; refusing needs a reason, a free postal return books
    its postage (the officer's figure, or the configured flat rate).

    `at` records a step taken earlier (a paper register typed in later); it defaults to now.
    """
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not may_receive_dossiers(actor, dossier.agency_id):
        raise PermissionDenied
    note = note.strip()
    if to_status not in allowed_transitions(dossier.status):
        target = DossierStatus(to_status).label if to_status in DossierStatus.values else to_status
        raise ValidationError(
            {
                "to_status": _("A dossier cannot go from “%(current)s” to “%(target)s”.")
                % {"current": dossier.get_status_display(), "target": target}
            },
            code="invalid_transition",
        )
    if to_status == DossierStatus.REFUSED and not note:
        raise ValidationError(
            {"note": _("Give the reason for refusing the dossier.")}, code="reason_required"
        )
    if postage_amount is not None and postage_amount < 0:
        raise ValidationError({"postage_amount": _("Postage cannot be negative.")}, code="negative_postage")

    now = timezone.now()
    at = at or now
    if at > now + CLOCK_SKEW or at < (dossier.status_changed_at or dossier.received_at):
        raise ValidationError(
            {"at": _("A step cannot be dated before the previous one or in the future.")},
            code="bad_step_time",
        )
    event = DossierEvent(
        dossier=dossier,
        kind=DossierEventKind.STATUS,
        status_from=dossier.status,
        status_to=to_status,
        note=note,
        at=at,
        by=actor,
    )
    dossier.status = to_status
    dossier.status_changed_at = at
    fields = ["status", "status_changed_at"]
    if to_status == DossierStatus.REFUSED:
        dossier.refusal_reason = note
        fields.append("refusal_reason")
    if to_status == DossierStatus.RETURNED and _free_postal_return(dossier):
        dossier.postage_amount = (
            postage_amount if postage_amount is not None else settings.TTHC_FREE_POSTAGE_FLAT_RATE
        )
        fields.append("postage_amount")
    dossier.full_clean(exclude=["agency", "procedure", "received_by"], validate_unique=False)
    dossier.save(update_fields=fields)
    event.save()
    return dossier
