"""Extensions of the due dates of open dossiers by the district office."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from tthc.calendar.working_days import add_working_days, calendar_covers
from tthc.dossiers.constants import MAX_EXTENSION_WORKING_DAYS, OPEN_DOSSIER_STATUSES, DossierEventKind
from tthc.dossiers.models import Dossier, DossierEvent
from tthc.dossiers.selectors import may_run_district_dossier_actions


def _add(errors: dict, field: str, message: str, code: str) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code))


@transaction.atomic
def dossiers_extend(*, procedures, agencies, working_days: int, reason: str, actor) -> int:
    """Push back the due date of every open dossier of these procedures at these agencies by N working
    days; each dossier's trail shows the old and the new date and the reason. Returns how many."""
    if not may_run_district_dossier_actions(actor):
        raise PermissionDenied
    errors: dict[str, list] = {}
    reason = reason.strip()
    if not reason:
        _add(errors, "reason", _("Give the reason for the extension."), "reason_required")
    if not 1 <= working_days <= MAX_EXTENSION_WORKING_DAYS:
        _add(
            errors,
            "working_days",
            _("Extend by 1 to %(max)s working days.") % {"max": MAX_EXTENSION_WORKING_DAYS},
            "working_days_range",
        )
    if not procedures:
        _add(errors, "procedures", _("Choose at least one procedure."), "required")
    if not agencies:
        _add(errors, "agencies", _("Choose at least one agency."), "required")
    if errors:
        raise ValidationError(errors)

    dossiers = list(
        Dossier.objects.select_for_update()
        .filter(status__in=OPEN_DOSSIER_STATUSES, procedure__in=procedures, agency__in=agencies)
        .order_by("pk")
    )
    new_dates: dict[datetime.date, datetime.date] = {}
    covered: dict[datetime.date, bool] = {}
    now = timezone.now()
    events = []
    for dossier in dossiers:
        old = dossier.due_date
        if old not in new_dates:
            new_dates[old] = add_working_days(old, working_days)
            covered[old] = calendar_covers(old, new_dates[old])
        dossier.due_date = new_dates[old]
        dossier.due_date_unverified = dossier.due_date_unverified or not covered[old]
        events.append(
            DossierEvent(
                dossier=dossier,
                kind=DossierEventKind.EXTENSION,
                due_date_from=old,
                due_date_to=dossier.due_date,
                note=reason,
                at=now,
                by=actor,
            )
        )
    bulk_update_with_history(
        dossiers,
        Dossier,
        ["due_date", "due_date_unverified"],
        default_user=actor,
        default_change_reason=reason[:100],
    )
    DossierEvent.objects.bulk_create(events)
    return len(dossiers)
