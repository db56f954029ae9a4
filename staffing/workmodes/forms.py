"""Forms of the work-mode pages: the week grid and its helpers, the week filters, the district's day."""

import datetime

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from staffing.registry.constants import AgencyKind
from staffing.toolkit.dates import in_range, out_of_range_message

from .constants import DayStatus, WorkModeKind
from .selectors import weekday_name

DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
)

# The labels a grid cell shows: short enough for seven columns on a desktop and one on a phone.
SHORT_MODE_LABELS = {
    "": pgettext_lazy("work mode, short", "–"),
    WorkModeKind.ON_SITE: pgettext_lazy("work mode, short", "Office"),
    WorkModeKind.REMOTE: pgettext_lazy("work mode, short", "Home"),
    WorkModeKind.ON_DUTY: pgettext_lazy("work mode, short", "Duty"),
    WorkModeKind.LEAVE: pgettext_lazy("work mode, short", "Leave"),
}


def cell_name(staff_id: int, day: datetime.date) -> str:
    return f"m-{staff_id}-{day:%Y%m%d}"


def iso_week(day: datetime.date) -> str:
    """The ISO week of a day written as parse_week reads it: "2021-W23"."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


class WeekGridForm:
    """The week grid: one choice per staff member and active day, named m-<staff id>-<yyyymmdd>.

    Only the cells present in the submission are read: a filtered grid changes only the staff it shows,
    and the days a staff member is not on the payroll are never submitted.
    """

    def __init__(self, data, *, staff, days):
        self.data = data
        self.staff = staff
        self.days = days
        self.cells: dict = {}
        self.invalid: set = set()
        self.errors: list = []

    def is_valid(self) -> bool:
        allowed = {"", *WorkModeKind.values}
        for member in self.staff:
            for day in self.days:
                value = self.data.get(cell_name(member.pk, day))
                if value is None or not member.is_active_on(day):
                    continue
                if value in allowed:
                    self.cells[(member.pk, day)] = value
                else:
                    self.invalid.add((member.pk, day))
        if self.invalid:
            self.errors.append(_("Some cells hold an unknown work mode: choose one from the list."))
        return not self.invalid

    def entries(self) -> list:
        """(staff id, day, mode or None) for work_modes_set; an empty cell clears the day's plan."""
        return [(staff_id, day, mode or None) for (staff_id, day), mode in self.cells.items()]


class WeekHelperForm(forms.Form):
    """The helpers fill the grid for review; nothing is saved until the head presses Save.

    Each helper changes `plan` ({(staff id, day): mode}) in place for the staff shown and returns how
    many cells it set.
    """

    ROTATE_BY_DAY = "day"
    ROTATE_BY_WEEK = "week"

    fill_day = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat, required=False)
    fill_mode = forms.ChoiceField(
        label=_("Set every cell to"),
        choices=[*((mode, SHORT_MODE_LABELS[mode]) for mode in WorkModeKind.values), ("", _("no plan"))],
        required=False,
    )
    rotation = forms.ChoiceField(
        label=_("A/B rotation"),
        choices=[(ROTATE_BY_DAY, _("alternate days")), (ROTATE_BY_WEEK, _("alternate weeks"))],
        required=False,
    )

    def __init__(self, *args, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fill_day"].choices = [
            (day.isoformat(), f"{weekday_name(day)} {formats.date_format(day, 'd/m')}") for day in days
        ]

    def fill_column(self, plan: dict, *, staff) -> int:
        day, mode = self.cleaned_data["fill_day"], self.cleaned_data["fill_mode"]
        if not day:
            return 0
        cells = [(member.pk, day) for member in staff if member.is_active_on(day)]
        plan.update(dict.fromkeys(cells, mode))
        return len(cells)

    @staticmethod
    def copy_week(plan: dict, *, staff, days, previous: dict) -> int:
        """Last week's mode of each cell where last week had one; other cells keep what they hold."""
        copied = 0
        for member in staff:
            for day in days:
                mode = previous.get((member.pk, day - datetime.timedelta(days=7)))
                if mode and member.is_active_on(day):
                    plan[(member.pk, day)] = mode
                    copied += 1
        return copied

    def rotate(self, plan: dict, *, staff, grid) -> int:
        """Two alternating teams of the counted staff shown: team A at home on odd working days (Monday,
        Wednesday, Friday) or odd ISO weeks, team B on the others, the rest of the day at the office.

        The home team goes home only up to the cap left by the staff not rotated, so the filled grid is
        always savable; cells on duty or on leave keep their mode; Saturdays and Sundays are left alone.
        """
        by_week = self.cleaned_data["rotation"] == self.ROTATE_BY_WEEK
        week_exempt = set().union(*(p.exempt_duty_groups for p in grid.policies.values() if p))
        team = {
            member.pk: index % 2
            for index, member in enumerate(m for m in staff if m.duty_group not in week_exempt)
        }
        changed = 0
        for day in grid.days:
            if day.weekday() >= 5:
                continue
            home_team = (day.isocalendar().week + 1) % 2 if by_week else day.weekday() % 2
            policy = grid.policies.get(day)
            exempt = set(policy.exempt_duty_groups) if policy else set()
            counted = [m for m in grid.staff if m.is_active_on(day) and m.duty_group not in exempt]
            places = None
            if policy:
                others_home = sum(
                    1 for m in counted if m.pk not in team and plan.get((m.pk, day)) == WorkModeKind.REMOTE
                )
                places = policy.remote_cap(len(counted)) - others_home
            for member in counted:
                key = (member.pk, day)
                if member.pk not in team or plan.get(key) in (WorkModeKind.ON_DUTY, WorkModeKind.LEAVE):
                    continue
                at_home = team[member.pk] == home_team and (places is None or places > 0)
                plan[key] = WorkModeKind.REMOTE if at_home else WorkModeKind.ON_SITE
                changed += 1
                if at_home and places is not None:
                    places -= 1
        return changed


class WeekFilterForm(forms.Form):
    """Which staff the grid shows; the week and the filters travel together in the links."""

    position = forms.ChoiceField(label=_("Position"), required=False)
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"placeholder": _("Name or staff code"), "type": "search"}),
    )

    def __init__(self, *args, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = [("", _("All positions"))] + [(p, p) for p in positions]

    def filter(self, staff: list) -> list:
        if not self.is_valid():
            return staff
        position, query = self.cleaned_data["position"], self.cleaned_data["q"].strip().casefold()
        return [
            member
            for member in staff
            if (not position or member.position == position)
            and (not query or query in member.full_name.casefold() or query in member.staff_code.casefold())
        ]

    @property
    def params(self) -> dict:
        """The filters in force, for links to other weeks and for the grid's form action."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class DistrictDayForm(forms.Form):
    """The district office's table: one day, optionally one agency kind and one status."""

    SORT_KEYS = ("name", "kind", "active", "counted", "remote", "cap", "status")

    day = forms.DateField(label=_("Day"), widget=DATE_WIDGET, required=False)
    kind = forms.ChoiceField(
        label=_("Agency kind"), choices=[("", _("All kinds")), *AgencyKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *DayStatus.choices], required=False
    )
    sort = forms.ChoiceField(
        choices=[(f"{sign}{key}", key) for key in SORT_KEYS for sign in ("", "-")],
        required=False,
        widget=forms.HiddenInput,
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day is not None and not in_range(day):
            raise forms.ValidationError(out_of_range_message(), code="date_out_of_range")
        return day
