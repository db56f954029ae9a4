"""Writes of the checks: the form, the API and the admin all call these.

check_record is the one write path of a check: the criteria set in force on its date, the score and risk
level, the outcome's rules, the follow-up, the closing of earlier follow-ups and the register's figures.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.companies.models import Company
from staffing.companies.services import COMPANY_FIELDS, company_save
from staffing.registry.models import StaffMember
from staffing.registry.roles import roles_for
from staffing.toolkit.dates import in_range, out_of_range_message

from .constants import CheckMode, Outcome
from .models import CheckAnswer, CompanyCheck, CriteriaSet, Criterion, RiskBand
from .scoring import Band, band_errors, band_for, bands_in_force, score_of
from .selectors import criteria_set_in_force, may_record


def _error(field: str, message: str, code: str = "invalid") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


@transaction.atomic
def criteria_set_save(*, actor, criteria_set: CriteriaSet, criteria: list[tuple[str, int]]) -> CriteriaSet:
    """The office records a version of a checklist (a new one gets the next version number of its kind of
    workplace); a version a check used stays as it was."""
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    errors = {}
    criteria = [(" ".join((text or "").split()), weight) for text, weight in criteria if (text or "").strip()]
    if not criteria:
        errors["criteria"] = _("Give at least one criterion.")
    for _text, weight in criteria:
        if not isinstance(weight, int) or weight < 1:
            errors["criteria"] = _("Each criterion's weight is a whole number of at least 1.")
    if criteria_set.pk is None:
        last = (
            CriteriaSet.objects.select_for_update()
            .filter(workplace_kind=criteria_set.workplace_kind)
            .order_by("-version")
            .first()
        )
        criteria_set.version = (last.version + 1) if last else 1
    try:
        criteria_set.full_clean()  # CriteriaSet.clean: a set a check used stays as it was
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)
    if errors:
        raise ValidationError(errors)
    criteria_set._history_user = actor
    criteria_set.save()
    criteria_set.criteria.all().delete()
    Criterion.objects.bulk_create(
        Criterion(criteria_set=criteria_set, position=i, text=text, weight=weight)
        for i, (text, weight) in enumerate(criteria, start=1)
    )
    return criteria_set


@transaction.atomic
def risk_bands_set(*, actor, bands: list[Band]) -> list[Band]:
    """The office replaces the band set as a whole: contiguous from 0 to 100%, each band named. Checks
    already recorded keep the level they were given."""
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    bands = sorted(bands, key=lambda b: b.upper_percent)
    errors = band_errors(bands)
    if errors:
        raise ValidationError({"bands": errors})
    RiskBand.objects.all().delete()
    for band in bands:
        row = RiskBand(upper_percent=band.upper_percent, label=band.label.strip())
        row._history_user = actor
        row.save()
    return bands


@transaction.atomic
def check_record(
    *,
    actor,
    company: Company,
    check: CompanyCheck | None = None,
    checked_on: datetime.date | None,
    mode: str = CheckMode.ON_SITE,
    checked_by: StaffMember | None,
    on_site_count: int | None,
    online_count: int | None,
    at_risk: set[int] | list[int] = (),
    outcome: str,
    requested: str = "",
    follow_up_on: datetime.date | None = None,
) -> CompanyCheck:
    """Record (or correct) a check of a company by its commune; refusals are keyed by field."""
    # One company's checks are written one at a time: the closing of its earlier follow-ups and its
    # register figures follow the latest check.
    company = Company.objects.select_for_update().select_related("commune").get(pk=company.pk)
    commune = company.commune
    if not may_record(actor, commune.pk):
        raise PermissionDenied
    if check is not None and check.company_id != company.pk:
        raise PermissionDenied
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if checked_on is None:
        errors["checked_on"] = _("Enter the date of the check (dd/mm/yyyy).")
    elif not in_range(checked_on):
        errors["checked_on"] = out_of_range_message()
    elif checked_on > today:
        errors["checked_on"] = _("A check cannot be dated in the future.")
    elif not company.is_active and company.closed_on and checked_on > company.closed_on:
        errors["checked_on"] = _("The company closed on %(day)s.") % {
            "day": company.closed_on.strftime("%d/%m/%Y")
        }
    if mode not in CheckMode.values:
        errors["mode"] = _("Choose how the check was made.")
    if checked_by is None:
        errors["checked_by"] = _("Choose who made the check.")
    elif checked_by.agency_id != commune.pk:
        errors["checked_by"] = _("The check is made by the staff of %(commune)s.") % {"commune": commune.name}
    elif checked_on and not checked_by.is_active_on(checked_on):
        errors["checked_by"] = _("%(name)s was not on the staff on that day.") % {
            "name": checked_by.full_name
        }
    for name, value in (("on_site_count", on_site_count), ("online_count", online_count)):
        if value is None or value < 0:
            errors[name] = _("Enter a number of workers (0 or more).")
    counted = "on_site_count" not in errors and "online_count" not in errors
    if counted and on_site_count + online_count > company.workforce:
        errors["online_count"] = _(
            "On site and online together (%(total)s) are more than the company's workforce (%(workforce)s)."
        ) % {"total": on_site_count + online_count, "workforce": company.workforce}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose the outcome of the check.")
    requested = (requested or "").strip()
    if outcome in (Outcome.REMEDY, Outcome.VIOLATION):
        if not requested:
            errors["requested"] = _("Say what the company is asked to do.")
        if follow_up_on is None:
            errors["follow_up_on"] = _("Give the date by which the commune checks again.")
        elif checked_on and follow_up_on <= checked_on:
            errors["follow_up_on"] = _("The follow-up date comes after the check date.")
        elif not in_range(follow_up_on):
            errors["follow_up_on"] = out_of_range_message()
    elif outcome == Outcome.PASSED and follow_up_on is not None:
        errors["follow_up_on"] = _("A check that passed has no follow-up: leave the date empty.")
    criteria_set = check.criteria_set if check is not None else None
    if criteria_set is None and checked_on and "checked_on" not in errors:
        criteria_set = criteria_set_in_force(checked_on, company.sector)
        if criteria_set is None:
            errors["checked_on"] = _("No criteria set is in force on this date.")
    if criteria_set is not None:
        weights = dict(criteria_set.criteria.values_list("pk", "weight"))
        at_risk = {int(pk) for pk in at_risk}
        if at_risk - set(weights):
            errors["at_risk"] = _("Only criteria of the set in force on the check date can be marked.")
    if errors:
        raise ValidationError({k: ValidationError(v, code="invalid") for k, v in errors.items()})

    score, max_score = score_of(weights, at_risk)
    band = band_for(score, max_score, bands_in_force())
    check = check or CompanyCheck(company=company, criteria_set=criteria_set, recorded_by=actor)
    check.commune = commune
    check.checked_on = checked_on
    check.mode = mode
    check.checked_by = checked_by
    check.on_site_count = on_site_count
    check.online_count = online_count
    check.score = score
    check.max_score = max_score
    check.risk_level = band.label
    check.outcome = outcome
    check.requested = requested
    check.follow_up_on = follow_up_on if outcome != Outcome.PASSED else None
    if check.follow_up_on is None:
        check.follow_up_closed_on = check.follow_up_closed_by = check.follow_up_check = None
        check.follow_up_note = ""
    check._history_user = actor
    check.save()
    check.answers.all().delete()
    CheckAnswer.objects.bulk_create(
        CheckAnswer(company_check=check, criterion_id=pk, at_risk=pk in at_risk) for pk in weights
    )
    _close_earlier_follow_ups(check, actor)
    _update_register(company, check)
    return check


def _close_earlier_follow_ups(check: CompanyCheck, actor) -> None:
    """A later check of the company is the follow-up of every earlier one still open."""
    earlier = (
        CompanyCheck.objects.filter(company_id=check.company_id, follow_up_on__isnull=False)
        .filter(follow_up_closed_on__isnull=True)
        .filter(checked_on__lte=check.checked_on)
        .exclude(pk=check.pk)
    )
    for old in earlier:
        if old.checked_on == check.checked_on and old.pk > check.pk:
            continue
        old.follow_up_closed_on = check.checked_on
        old.follow_up_closed_by = actor
        old.follow_up_check = check
        old.follow_up_note = ""
        old._history_user = actor
        old.save(
            update_fields=["follow_up_closed_on", "follow_up_closed_by", "follow_up_check", "follow_up_note"]
        )


def _update_register(company: Company, check: CompanyCheck) -> None:
    """The register keeps how many employees work online now: the latest check's count, through the
    register's own write path (which keeps its history)."""
    latest = CompanyCheck.objects.filter(company=company).order_by("-checked_on", "-pk").values("pk").first()
    if latest["pk"] != check.pk or company.working_online == check.online_count:
        return
    fields = {name: getattr(company, name) for name in COMPANY_FIELDS}
    fields["working_online"] = check.online_count
    company_save(commune=company.commune, company=company, **fields)


@transaction.atomic
def follow_up_close(*, actor, check: CompanyCheck, note: str) -> CompanyCheck:
    """The commune closes a follow-up without a new check (the company fixed it, closed, ...), saying how."""
    check = CompanyCheck.objects.select_for_update().get(pk=check.pk)
    if not may_record(actor, check.commune_id):
        raise PermissionDenied
    if not check.follow_up_open:
        raise _error("note", _("This check has no open follow-up."), "closed")
    note = (note or "").strip()
    if not note:
        raise _error("note", _("Say how the follow-up was closed."), "required")
    check.follow_up_closed_on = timezone.localdate()
    check.follow_up_closed_by = actor
    check.follow_up_note = note
    check._history_user = actor
    check.save(update_fields=["follow_up_closed_on", "follow_up_closed_by", "follow_up_note"])
    return check
