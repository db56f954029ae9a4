"""Clause 3.2 of 2629/UBND: the applicants of dossiers received before the cut-off are told the result
comes back by post free of charge; each notice is logged before it is sent, so it goes out once."""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from directives.policy.selectors import policy_in_force
from staffing.outbox.services import message_enqueue
from tthc.dossiers.constants import OPEN_DOSSIER_STATUSES, DossierEventKind, NoticeKind
from tthc.dossiers.models import Dossier, DossierEvent, NoticeLog
from tthc.dossiers.selectors import pre_cutoff_dates
from tthc.intake.constants import Channel


def pre_cutoff_notice_due(dossier: Dossier, *, today: datetime.date) -> bool:
    """Open, received before the cut-off of the policy in force for its agency, result not bound to an
    in-person hand-over by law, and an e-mail address to write to."""
    cutoff = pre_cutoff_dates(today=today).get(dossier.agency.kind)
    return bool(
        cutoff
        and dossier.status in OPEN_DOSSIER_STATUSES
        and not dossier.procedure.result_in_person_by_law
        and dossier.applicant_email
        and timezone.localdate(dossier.received_at) < cutoff
    )


def pre_cutoff_notice_key(dossier_id: int) -> str:
    """The outbox key of a dossier's clause 3.2 notice: one per dossier, ever."""
    return f"{NoticeKind.PRE_CUTOFF_POSTAL_RETURN}:{dossier_id}"


def _enqueue_pre_cutoff_email(dossier: Dossier, *, policy) -> None:
    # Applicants read Vietnamese whatever language the officer's session or the worker runs in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Dossier %(code)s: the result will be returned by post free of charge") % {
            "code": dossier.code
        }
        context = {"dossier": dossier, "policy": policy, "district": settings.DISTRICT_NAME}
        body = render_to_string("emails/tthc_pre_cutoff_notice.txt", context)
    # In the outbox with the log row: delivered after the commit, outside the transaction, retried if the
    # mail server is down; the key (dossier and kind) refuses a second message.
    message_enqueue(
        key=pre_cutoff_notice_key(dossier.pk),
        kind="pre_cutoff_notice",
        to=dossier.applicant_email,
        subject=subject,
        text=body,
    )


def pre_cutoff_notice_send(*, dossier_id: int, actor=None, today: datetime.date | None = None) -> bool:
    """Tell the applicant of a dossier received before the cut-off that the result will come back by
    post free of charge (clause 3.2 of 2629/UBND); the applicant may still collect it in person.

    Returns True when this call put the notice in the outbox, False when it was not due or already sent.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        # A run that finds the dossier locked leaves it to the run holding the lock.
        dossier = (
            Dossier.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("agency", "procedure")
            .filter(pk=dossier_id)
            .first()
        )
        if dossier is None or not pre_cutoff_notice_due(dossier, today=today):
            return False
        # The log row is written before the e-mail: a second run, even one started at the same moment,
        # meets the unique (dossier, kind) row and sends nothing. The e-mail is committed with it to the
        # outbox, which sends it after the commit.
        _log, created = NoticeLog.objects.get_or_create(
            dossier=dossier,
            kind=NoticeKind.PRE_CUTOFF_POSTAL_RETURN,
            defaults={"recipient": dossier.applicant_email, "sent_at": timezone.now(), "sent_by": actor},
        )
        if not created:
            return False
        _enqueue_pre_cutoff_email(dossier, policy=policy_in_force(agency=dossier.agency, day=today))
        dossier.result_delivery = Channel.POSTAL
        dossier.free_postage = True
        dossier.save(update_fields=["result_delivery", "free_postage"])
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Notice of free postal return sent to %(email)s.") % {"email": dossier.applicant_email}
        DossierEvent.objects.create(
            dossier=dossier, kind=DossierEventKind.NOTICE, note=note, at=timezone.now(), by=actor
        )
    return True
