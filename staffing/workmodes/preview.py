"""The work-mode section of a policy preview (directives.policy.preview): for every day of the period that
already has plans, the agencies whose saved plan the new rules put over the cap, and the days that gain
room. Read through district_day_tables, the district table's own selector (a few queries whatever the number
of agencies or staff), before the change and inside its rolled-back savepoint."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directives.policy.preview import PreviewProvider, PreviewSection
from directives.policy.selectors import policies_in_force_by_kind_between

from .models import WorkMode
from .selectors import district_day_tables


@dataclass(frozen=True)
class Figure:
    agency_id: int
    agency: str
    remote: int
    cap: int | None
    over: bool
    directive: str


def planned_days(scope) -> list:
    """The days of the scope with at least one saved plan (a quarter at most from the start)."""
    last = (
        WorkMode.objects.filter(day__gte=scope.start).order_by("-day").values_list("day", flat=True).first()
    )
    end = scope.bounded_end(last)
    if end is None:
        return []
    return list(
        WorkMode.objects.filter(day__range=(scope.start, end))
        .order_by("day")
        .values_list("day", flat=True)
        .distinct()
    )


def planned_day_tables(scope) -> dict:
    """{day: district_day_table rows} for the planned days of the scope, in a number of queries that grows
    with neither agencies nor staff (one for the counts of every day on PostgreSQL, one a day elsewhere)."""
    days = planned_days(scope)
    if not days:
        return {}
    by_day = policies_in_force_by_kind_between(start=days[0], end=days[-1])
    return district_day_tables(days=days, policies={day: by_day[day] for day in days})


def measure(scope) -> dict:
    figures = {}
    for day, table in planned_day_tables(scope).items():
        for row in table:
            if row.planned:
                figures[(day, row.agency.pk)] = Figure(
                    agency_id=row.agency.pk,
                    agency=row.agency.name,
                    remote=row.remote,
                    cap=row.cap,
                    over=row.over_cap,
                    directive=row.policy.directive.number if row.policy else "",
                )
    return figures


def _week_url(agency_id, day) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{reverse('work_modes:week', args=[agency_id])}?week={year}-W{week:02d}"


def compare(before: dict, after: dict, scope) -> PreviewSection:
    over, room = [], []
    for (day, agency_id), new in sorted(after.items(), key=lambda item: (item[1].agency, item[0][0])):
        old = before.get((day, agency_id))
        row = {
            "day": day,
            "agency": new.agency,
            "remote": new.remote,
            "cap": new.cap,
            "old_cap": old.cap if old else None,
            "url": _week_url(agency_id, day),
            "directive": new.directive,
        }
        if new.over:
            over.append({**row, "excess": new.remote - new.cap, "already": bool(old and old.over)})
        elif old and old.over:
            room.append(row)
    agencies = {row["agency"] for row in over}
    days = {row["day"] for row in over}
    by_agency: dict = {}
    for row in over:
        by_agency.setdefault(row["agency"], []).append(row)
    grouped = sorted(
        (
            {
                "agency": agency,
                "rows": rows,
                "days": len(rows),
                "new_days": sum(not row["already"] for row in rows),
                "worst": max(row["excess"] for row in rows),
                "first_url": rows[0]["url"],
            }
            for agency, rows in by_agency.items()
        ),
        key=lambda group: (-group["new_days"], -group["worst"], group["agency"]),
    )
    newly = [row for row in over if not row["already"]]
    summary = (
        ngettext(
            "%(agencies)s agency over the new cap on %(days)s day(s): %(staff)s staff to move back to the office.",
            "%(agencies)s agencies over the new cap on %(days)s day(s): %(staff)s staff to move back to the office.",
            len(agencies),
        )
        % {"agencies": len(agencies), "days": len(days), "staff": sum(row["excess"] for row in over)}
        if over
        else _("No saved plan goes over the new cap.")
    )
    return PreviewSection(
        key="workmodes",
        title=_("Work modes: saved plans against the new cap"),
        template="staffing/workmodes/preview_section.html",
        context={
            "over": over,
            "by_agency": grouped,
            "room": room,
            "agencies": len(agencies),
            "days": len(days),
            "staff": sum(row["excess"] for row in over),
            "newly": len(newly),
            "planned_days": len({day for day, _agency in after}),
        },
        summary=summary,
        changes=len(newly) + len(room),
    )


PROVIDER = PreviewProvider(key="workmodes", measure=measure, compare=compare)
