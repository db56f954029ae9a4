"""The work-mode policy a published directive carries (clause 2's share, clause 6's exempt groups, ...)."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from directives.documents.models import Clause, Document
from staffing.registry.constants import AgencyKind, DutyGroup

POINT_RE = re.compile(r"^(?P<clause>[\d.]+)\s*(?P<point>[a-zđ])\)?$")
RULES = ("cap", "exempt", "intake", "cutoff", "reception", "inspections")


def _clause_field(verbose_name):
    return models.ForeignKey(
        Clause, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=verbose_name
    )


class WorkModePolicy(models.Model):
    """The work-mode rules a published directive carries; staffing and tthc read them, never constants."""

    directive = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="policy", verbose_name=_("directive")
    )
    effective_from = models.DateField(_("effective from"))
    effective_until = models.DateField(
        _("effective until"), null=True, blank=True, help_text=_("Empty means until further notice.")
    )
    remote_cap_numerator = models.PositiveSmallIntegerField(_("work-from-home share: numerator"), default=1)
    remote_cap_denominator = models.PositiveSmallIntegerField(
        _("work-from-home share: denominator"), default=2
    )
    agency_kinds = models.JSONField(
        _("agency kinds"), default=list, blank=True, help_text=_("Empty means every kind of agency.")
    )
    exempt_duty_groups = models.JSONField(
        _("exempt duty groups"),
        default=list,
        blank=True,
        help_text=_("Staff of these groups are outside the cap."),
    )
    citizen_reception_suspended = models.BooleanField(
        _("in-person citizen reception suspended"), default=False
    )
    inspections_restricted = models.BooleanField(_("inspections restricted"), default=False)
    inspection_max_participants = models.PositiveSmallIntegerField(
        _("maximum participants of a necessary inspection"), null=True, blank=True
    )
    in_person_intake_restricted = models.BooleanField(
        _("in-person intake only for the urgent list"), default=False
    )
    pre_cutoff_date = models.DateField(_("cut-off date for dossiers received earlier"), null=True, blank=True)
    free_postal_return = models.BooleanField(_("free postal return"), default=False)
    # The clause of the directive that states each rule: every refusal, banner and page cites it.
    cap_clause = _clause_field(_("clause stating the share"))
    exempt_clause = _clause_field(_("clause stating the exempt duty groups"))
    intake_clause = _clause_field(_("clause stating the in-person intake rule"))
    cutoff_clause = _clause_field(_("clause stating the cut-off date"))
    reception_clause = _clause_field(_("clause stating the citizen reception rule"))
    inspections_clause = _clause_field(_("clause stating the inspection rule"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work-mode policy")
        verbose_name_plural = _("work-mode policies")
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(remote_cap_denominator__gt=0)
                & Q(remote_cap_numerator__lte=models.F("remote_cap_denominator")),
                name="directives_workmodepolicy_ratio_valid",
            ),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True)
                | Q(effective_until__gte=models.F("effective_from")),
                name="directives_workmodepolicy_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.directive.number}: {self.remote_cap_numerator}/{self.remote_cap_denominator}"

    @property
    def max_remote_ratio(self) -> Decimal:
        return (Decimal(self.remote_cap_numerator) / Decimal(self.remote_cap_denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )

    def citation(self, rule: str) -> str:
        """Where the rule comes from, as a refusal or a page cites it: "mục 2 Công văn 2629/UBND"."""
        clause = getattr(self, f"{rule}_clause")
        directive = self.directive
        if clause is None:
            return _("%(kind)s %(number)s") % {
                "kind": directive.get_kind_display(),
                "number": directive.number,
            }
        values = {
            "clause": clause.number.rstrip("."),
            "kind": directive.get_kind_display(),
            "number": directive.number,
        }
        point = POINT_RE.match(values["clause"])
        if point:  # "3.1 a": point a of clause 3.1
            return _("point %(point)s of clause %(clause)s of %(kind)s %(number)s") % {
                **values,
                "clause": point["clause"],
                "point": point["point"],
            }
        return _("clause %(clause)s of %(kind)s %(number)s") % values

    @property
    def cap_citation(self) -> str:
        return self.citation("cap")

    @property
    def exempt_citation(self) -> str:
        return self.citation("exempt")

    @property
    def intake_citation(self) -> str:
        return self.citation("intake")

    @property
    def cutoff_citation(self) -> str:
        return self.citation("cutoff")

    @property
    def reception_citation(self) -> str:
        return self.citation("reception")

    @property
    def inspections_citation(self) -> str:
        return self.citation("inspections")

    @property
    def ratio_display(self) -> str:
        return f"{self.remote_cap_numerator}/{self.remote_cap_denominator}"

    def remote_cap(self, counted_staff: int) -> int:
        """Clause 2: at most this share of counted staff may work from home, rounded down."""
        return counted_staff * self.remote_cap_numerator // self.remote_cap_denominator

    def applies_to_kind(self, kind: str) -> bool:
        return not self.agency_kinds or kind in self.agency_kinds

    @property
    def agency_kind_labels(self) -> list:
        return [AgencyKind(v).label for v in self.agency_kinds if v in AgencyKind.values]

    @property
    def exempt_duty_group_labels(self) -> list:
        return [DutyGroup(v).label for v in self.exempt_duty_groups if v in DutyGroup.values]
