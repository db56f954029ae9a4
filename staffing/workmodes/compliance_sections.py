"""The work-mode sections of the daily compliance report: agencies over the cap, agencies with no plan,
and agencies whose heads the planning reminder could not reach."""

import datetime

from django.utils.translation import gettext_lazy as _

from directives.compliance.figures import register_figures
from directives.compliance.registry import (
    Column,
    agencies_and_days,
    agencies_only,
    building_report,
    next_working_day,
    policies_by_kind,
    register_section,
    shared,
)

from .constants import DayStatus
from .planning import managers_without_email, unreached_planning_reminders, week_to_plan
from .selectors import district_day_tables


def _report_days(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    return day, next_working_day(day)


def _day_table(day: datetime.date, when: datetime.date) -> list:
    """The district day table of `when` (the report's day or its next working day): both days are counted
    in one query, once per report, for the two sections and the figures (alone, the figures count their day)."""
    if not building_report():
        return district_day_tables(days=[when])[when]
    days = _report_days(day)
    return shared(
        ("work_mode_day_tables", day),
        lambda: district_day_tables(
            days=days, policies={report_day: policies_by_kind(report_day) for report_day in days}
        ),
    )[when]


def report_day_table(day: datetime.date) -> list | None:
    """While build_report runs, the day's district table it already counted (for the figures of other
    sub-domains that read the same plans); None outside a report."""
    return _day_table(day, day) if building_report() else None


def over_cap_rows(day: datetime.date) -> list[dict]:
    """Agencies planned above the cap of the policy in force (clause 2), on the day and the next working day."""
    return [
        {
            "day": when.isoformat(),
            "agency": row.agency.name,
            "counted": row.counted,
            "remote": row.remote,
            "cap": row.cap,
            "ratio": row.ratio_display,
            "phone": row.agency.phone,
        }
        for when in _report_days(day)
        for row in _day_table(day, when)
        if row.over_cap
    ]


def no_plan_rows(day: datetime.date) -> list[dict]:
    """Agencies with active staff and nobody planned, on working days (Monday to Friday) only."""
    return [
        {"day": when.isoformat(), "agency": row.agency.name, "active": row.active, "phone": row.agency.phone}
        for when in _report_days(day)
        if when.weekday() < 5
        for row in _day_table(day, when)
        if row.active and row.status == DayStatus.NO_PLAN
    ]


def unreached_heads_rows(day: datetime.date) -> list[dict]:
    """Agencies the Friday reminder could not e-mail (no head with an address) that still have no plan."""
    week_start = week_to_plan(day)
    reminders = list(unreached_planning_reminders(week_start=week_start))
    names = managers_without_email(agency_ids=[reminder.agency_id for reminder in reminders])
    return [
        {
            "agency": reminder.agency.name,
            "week_start": week_start.isoformat(),
            "heads": names.get(reminder.agency_id, []),
            "phone": reminder.agency.phone,
        }
        for reminder in reminders
    ]


def work_mode_figures(day: datetime.date) -> dict:
    """The district on the day: agencies within the cap, over it or with no plan (a weekend day has no
    "no plan"), and, over the agencies that have a plan, counted staff, staff at home and the sum of caps."""
    rows = _day_table(day, day)
    planned = [row for row in rows if row.status in (DayStatus.WITHIN_CAP, DayStatus.OVER_CAP)]
    no_plan = sum(1 for row in rows if row.status == DayStatus.NO_PLAN)
    return {
        "agencies_within_cap": sum(1 for row in planned if row.status == DayStatus.WITHIN_CAP),
        "agencies_over_cap": sum(1 for row in planned if row.status == DayStatus.OVER_CAP),
        "agencies_no_plan": no_plan if day.weekday() < 5 else None,
        "staff_counted": sum(row.counted for row in planned),
        "staff_remote": sum(row.remote for row in planned),
        "staff_cap": sum(row.cap for row in planned if row.cap is not None),
    }


def register() -> None:
    register_figures("work_modes", work_mode_figures)
    register_section(
        "work_mode_over_cap",
        _("Agencies over the work-from-home cap"),
        over_cap_rows,
        order=20,
        description=_(
            "More counted staff planned at home than the policy allows, on the day and on the next working day."
        ),
        empty=_("No agency is over the cap."),
        summary=agencies_and_days,
        columns=(
            Column("day", _("Day"), "date"),
            Column("agency", _("Agency")),
            Column("counted", _("Counted staff"), "number"),
            Column("remote", _("At home"), "number"),
            Column("cap", _("Cap"), "number"),
            Column("ratio", _("Share")),
            Column("phone", _("Phone"), "phone"),
        ),
    )
    register_section(
        "work_mode_no_plan",
        _("Agencies without a work-mode plan"),
        no_plan_rows,
        order=30,
        description=_(
            "Agencies with active staff and no one planned, on the day and on the next working day."
        ),
        empty=_("Every agency has a plan."),
        summary=agencies_and_days,
        columns=(
            Column("day", _("Day"), "date"),
            Column("agency", _("Agency")),
            Column("active", _("Active staff"), "number"),
            Column("phone", _("Phone"), "phone"),
        ),
    )
    register_section(
        "planning_reminder_unreached",
        _("Heads the planning reminder could not reach"),
        unreached_heads_rows,
        order=40,
        description=_(
            "Agencies with no plan for next week whose heads and commune chairmen have no e-mail address: "
            "the Friday reminder reached nobody."
        ),
        empty=_("The planning reminder reached every agency that needed it."),
        summary=agencies_only,
        columns=(
            Column("agency", _("Agency")),
            Column("week_start", _("Week starting"), "date"),
            Column(
                "heads", _("Heads without e-mail"), "list", empty=_("no head or commune chairman assigned")
            ),
            Column("phone", _("Phone"), "phone"),
        ),
    )
