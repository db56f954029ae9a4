"""Writes of the classification: the head confirms (or overrides, with a reason) the suggested level, which
freezes it; only the district office reopens a frozen one, with a reason; rule sets are the office's data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffing.registry.roles import roles_for

from .constants import Level
from .models import Classification, RuleSet
from .quarters import Quarter
from .selectors import counted, figures_for_agency, rule_set_for, suggest


@transaction.atomic
def classification_confirm(
    *, member, quarter: Quarter, actor, level: str, reason: str = ""
) -> Classification:
    agency = member.agency
    quarter = counted(quarter)
    if not roles_for(actor).can_manage_agency(agency.pk):
        raise PermissionDenied
    if roles_for(actor).staff_member_id == member.pk:
        raise ValidationError({"level": ValidationError(_("You cannot classify yourself."), code="own")})
    if level not in Level.values:
        raise ValidationError({"level": ValidationError(_("Choose a level."), code="required")})
    existing = Classification.objects.select_for_update().filter(staff=member, quarter=quarter.key).first()
    if existing is not None and existing.frozen:
        raise ValidationError(
            {
                "level": ValidationError(
                    _("This classification is confirmed; the district office may reopen it."), code="frozen"
                )
            }
        )
    if timezone.localdate() < quarter.start:
        raise ValidationError({"level": ValidationError(_("This quarter has not started."), code="future")})
    rules = rule_set_for(quarter)
    figures = figures_for_agency(agency, quarter, only=[member.pk]).get(member.pk)
    if figures is None:
        raise ValidationError(
            {
                "level": ValidationError(
                    _("%(name)s was not on the staff in this quarter.") % {"name": member.full_name}
                )
            }
        )
    suggested = suggest(figures, rules)
    reason = (reason or "").strip()
    if level != suggested and not reason:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Give the reason for a level other than the suggested one."), code="required"
                )
            }
        )
    classification = existing or Classification(staff=member, quarter=quarter.key)
    classification.agency = agency
    classification.suggested_level = suggested
    classification.level = level
    classification.override_reason = reason if level != suggested else ""
    classification.figures = figures.as_dict()
    classification.rule_set = rules
    classification.confirmed_by = actor
    classification.confirmed_at = timezone.now()
    classification.frozen = True
    classification._history_user = actor
    classification.save()
    return classification


@transaction.atomic
def classification_reopen(*, classification, actor, reason: str) -> Classification:
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    classification = Classification.objects.select_for_update().get(pk=classification.pk)
    if not (reason or "").strip():
        raise ValidationError(
            {"reason": ValidationError(_("Give the reason for reopening."), code="required")}
        )
    classification.frozen = False
    classification.reopen_reason = reason.strip()
    classification._history_user = actor
    classification.save()
    return classification


@transaction.atomic
def rule_set_save(*, actor, rule_set: RuleSet) -> RuleSet:
    """The office records a rule set; it applies to the quarters ending on or after its date."""
    if not roles_for(actor).is_district_manager:
        raise PermissionDenied
    rule_set.full_clean()  # RuleSet.clean: the order of the levels, and a used rule set stays as it was
    rule_set._history_user = actor
    rule_set.save()
    return rule_set
