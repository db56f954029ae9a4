"""The figures behind a classification, read from assigned work, progress reports and work modes, and the
level the rule set in force suggests for them."""

import datetime
from dataclasses import asdict, dataclass, replace

from django.db.models import Count, Min, Q
from django.utils import timezone

from directives.documents.constants import DocumentStatus
from directives.policy.models import WorkModePolicy
from staffing.assignments.constants import AssignmentStatus, Quality
from staffing.assignments.models import Assignment, ProgressReport
from staffing.registry.models import StaffMember
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode

from .constants import Level
from .models import Classification, RuleSet
from .quarters import Quarter


@dataclass
class Figures:
    due: int = 0
    on_time: int = 0
    late: int = 0
    open_past_due: int = 0
    exceeds: int = 0
    meets: int = 0
    below: int = 0
    report_days: int = 0
    home_days: int = 0
    office_days: int = 0

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.due) if self.due else None

    @property
    def rated(self) -> int:
        return self.exceeds + self.meets + self.below

    @property
    def exceeds_percent(self) -> int:
        return round(100 * self.exceeds / self.rated) if self.rated else 0

    @property
    def report_percent(self) -> int | None:
        return min(100, round(100 * self.report_days / self.home_days)) if self.home_days else None

    def as_dict(self) -> dict:
        return {
            **asdict(self),
            "on_time_percent": self.on_time_percent,
            "exceeds_percent": self.exceeds_percent,
            "report_percent": self.report_percent,
        }


def counting_start() -> datetime.date | None:
    """The day the first work-mode policy took effect (a draft's policy does not count)."""
    return WorkModePolicy.objects.exclude(directive__status=DocumentStatus.DRAFT).aggregate(
        first=Min("effective_from")
    )["first"]


def counted(quarter: Quarter) -> Quarter:
    """The quarter as the classification counts it: from the first policy's day if it falls inside."""
    return replace(quarter, counts_from=counting_start())


def rule_set_for(quarter: Quarter) -> RuleSet | None:
    """The rule set in force at the quarter's end: the one with the latest effective date on or before it."""
    return RuleSet.objects.filter(effective_from__lte=quarter.end).order_by("-effective_from").first()


def suggest(figures: Figures, rules: RuleSet | None) -> str:
    if rules is None or not figures.due:
        return Level.DONE  # nothing was due: no figure lowers or raises the level
    on_time = figures.on_time_percent
    reports_ok = figures.report_percent is None or figures.report_percent >= rules.report_percent
    if (
        figures.open_past_due == 0
        and figures.below == 0
        and reports_ok
        and (
            on_time >= rules.excellent_on_time_percent
            and figures.exceeds_percent >= rules.excellent_exceeds_percent
        )
    ):
        return Level.EXCELLENT
    if figures.below <= rules.good_max_below and on_time >= rules.good_on_time_percent and reports_ok:
        return Level.GOOD
    if on_time >= rules.done_on_time_percent:
        return Level.DONE
    return Level.NOT_DONE


def figures_for_agency(agency, quarter: Quarter, *, today: datetime.date | None = None, only=None) -> dict:
    """{staff id: Figures} for every staff member of the agency active in the quarter (or those of `only`),
    in a fixed number of queries whatever the agency's size."""
    today = today or timezone.localdate()
    quarter = counted(quarter)
    start, end = quarter.start, quarter.end
    members = StaffMember.objects.filter(agency=agency).active_between(start, end)
    if only is not None:
        members = members.filter(pk__in=only)
    staff_ids = list(members.values_list("pk", flat=True))
    figures = {pk: Figures() for pk in staff_ids}
    cut = min(end, today)
    work = Assignment.objects.filter(lead_id__in=staff_ids, due_date__range=(start, end)).exclude(
        status=AssignmentStatus.CANCELLED
    )
    for lead_id, status, due, submitted_at, quality in work.values_list(
        "lead_id", "status", "due_date", "submitted_at", "quality"
    ):
        f = figures[lead_id]
        f.due += 1
        if status == AssignmentStatus.ACCEPTED:
            handed_in = timezone.localdate(submitted_at) if submitted_at else due
            if handed_in <= due:
                f.on_time += 1
            else:
                f.late += 1
            if quality == Quality.EXCEEDS:
                f.exceeds += 1
            elif quality == Quality.MEETS:
                f.meets += 1
            elif quality == Quality.BELOW:
                f.below += 1
        elif due < cut:
            f.open_past_due += 1
    reports = (
        ProgressReport.objects.filter(staff_id__in=staff_ids, day__range=(start, end))
        .values("staff_id")
        .annotate(days=Count("day", distinct=True))
    )
    for row in reports:
        figures[row["staff_id"]].report_days = row["days"]
    modes = (
        WorkMode.objects.filter(staff_id__in=staff_ids, day__range=(start, end))
        .values("staff_id")
        .annotate(
            home=Count("pk", filter=Q(mode=WorkModeKind.REMOTE)),
            office=Count("pk", filter=Q(mode__in=[WorkModeKind.ON_SITE, WorkModeKind.ON_DUTY])),
        )
    )
    for row in modes:
        figures[row["staff_id"]].home_days = row["home"]
        figures[row["staff_id"]].office_days = row["office"]
    return figures


@dataclass
class Row:
    member: StaffMember
    figures: Figures
    suggested: str
    classification: Classification | None


def quarter_table(agency, quarter: Quarter) -> tuple[list[Row], RuleSet | None]:
    """One row per staff member: the figures, the suggested level, and the confirmed classification if any."""
    rules = rule_set_for(quarter)
    figures = figures_for_agency(agency, quarter)
    members = StaffMember.objects.filter(pk__in=figures).order_by("full_name", "pk")
    confirmed = {
        c.staff_id: c
        for c in Classification.objects.filter(agency=agency, quarter=quarter.key).select_related(
            "confirmed_by"
        )
    }
    rows = [Row(m, figures[m.pk], suggest(figures[m.pk], rules), confirmed.get(m.pk)) for m in members]
    return rows, rules


def own_classifications(staff_id):
    return Classification.objects.filter(staff_id=staff_id).select_related("agency").order_by("-quarter")
