"""The charts of the dashboard and of a report's page: SVG drawn on the server with pygal (no JavaScript, nothing from a CDN), each
with its figures as a table for screen readers and for printing."""

import re
from dataclasses import dataclass, field

import pygal
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

# The SVG scales to its box: drawn small, its labels stay legible on a 390 px phone.
WIDTH, HEIGHT = 440, 300
STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#adb5bd",
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    label_font_size=16,
    major_label_font_size=16,
    legend_font_size=16,
    value_font_size=13,
    tooltip_font_size=13,
    colors=("#0d6efd", "#dc3545", "#198754", "#fd7e14", "#6f42c1"),
)
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


@dataclass
class Series:
    name: str
    values: list
    percent: bool = False
    dashed: bool = False


@dataclass
class Chart:
    key: str
    title: str
    description: str
    svg: str
    days: list  # DayFigures, oldest first
    series: list = field(default_factory=list)

    @property
    def rows(self) -> list:
        """The table under the chart: (day, [value text per series]), newest first."""
        rows = []
        for number, day in enumerate(self.days):
            cells = []
            for series in self.series:
                value = series.values[number]
                if value is None:
                    cells.append("—")
                else:
                    text = formats.number_format(value, decimal_pos=1 if series.percent else None)
                    cells.append(f"{text}%" if series.percent else text)
            rows.append((day, cells))
        return rows[::-1]


def _draw(kind, title: str, days: list, series: list, *, percent: bool = False, stacked: bool = False) -> str:
    options = {
        "style": STYLE,
        "js": [],
        "width": WIDTH,
        "height": HEIGHT,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": len(series),
        "truncate_legend": -1,
        "show_minor_x_labels": False,
        "x_labels_major_every": 7,
        "truncate_label": -1,
        "allow_interruptions": True,
        "dots_size": 2.5,
        "margin": 6,
        "spacing": 8,
        "min_scale": 2,
        "max_scale": 5,
        "no_data_text": _("No data"),
        "print_values": False,
        "show_y_guides": True,
        "include_x_axis": True,
        "value_formatter": (lambda v: f"{formats.number_format(v, 0)}%") if percent else _whole,
    }
    if percent:
        options["range"] = (0, 100)
    else:
        options["y_labels"] = _whole_ticks(series, stacked=stacked)
    chart = (pygal.StackedBar if stacked else kind)(**options)
    chart.x_labels = [day.day.strftime("%d/%m") for day in days]
    for item in series:
        chart.add(item.name, item.values, stroke_style={"dasharray": "6, 4"} if item.dashed else None)
    # pygal writes its tooltip settings in a <script>: without its JavaScript they are dead weight.
    svg = SCRIPT.sub("", chart.render(is_unicode=True, disable_xml_declaration=True))
    label = escape(title)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" focusable="false" ', 1))  # noqa: S308 (pygal's SVG, our escaped label)


def _whole(value) -> str:
    return formats.number_format(round(value))


def _whole_ticks(series: list, *, stacked: bool) -> list[int]:
    """Five or so whole-number ticks from 0: counts of agencies or dossiers have no fractions."""
    columns = zip(*(item.values for item in series), strict=True)
    totals = [
        sum(v or 0 for v in column) if stacked else max((v or 0 for v in column), default=0)
        for column in columns
    ]
    top = max([*totals, 4])
    step = max(1, -(-top // 4))
    return list(range(0, top + step, step))


def _values(days, name):
    return [day.get(name) for day in days]


def dashboard_charts(days: list) -> list[Chart]:
    """The trends of the dashboard (and of a report's page) over `days`, oldest first."""
    specs = [
        (
            "remote_share",
            _("Share of staff at home against the cap"),
            _(
                "Counted staff working from home, in percent, at the agencies with a plan; the cap is the sum "
                "of their caps."
            ),
            pygal.Line,
            [
                Series(_("At home"), [day.remote_percent for day in days], percent=True),
                Series(_("Cap"), [day.cap_percent for day in days], percent=True, dashed=True),
            ],
            {"percent": True},
        ),
        (
            "agencies",
            _("Agencies over the cap and without a plan"),
            _("Agencies planned above the cap, and agencies with active staff and no plan (working days)."),
            pygal.Bar,
            [
                Series(_("Over the cap"), _values(days, "agencies_over_cap")),
                Series(_("No plan"), _values(days, "agencies_no_plan")),
            ],
            {},
        ),
        (
            "channels",
            _("Dossiers received by channel"),
            _("Dossiers received each day, online, by public postal service and in person."),
            pygal.Bar,
            [
                Series(_("Online"), _values(days, "dossiers_online")),
                Series(_("Postal"), _values(days, "dossiers_postal")),
                Series(_("In person"), _values(days, "dossiers_in_person")),
            ],
            {"stacked": True},
        ),
        (
            "overdue_dossiers",
            _("Overdue dossiers"),
            _("Open dossiers past their appointment date."),
            pygal.Line,
            [Series(_("Overdue dossiers"), _values(days, "dossiers_overdue"))],
            {},
        ),
        (
            "progress_reports",
            _("Progress-report rate of home workers"),
            _("Staff at home who sent a progress report that day, in percent."),
            pygal.Line,
            [Series(_("Reported"), _values(days, "progress_report_rate"), percent=True)],
            {"percent": True},
        ),
        (
            "overdue_assignments",
            _("Overdue assignments"),
            _("Open assignments past their due date."),
            pygal.Line,
            [Series(_("Overdue assignments"), _values(days, "assignments_overdue"))],
            {},
        ),
    ]
    return [
        Chart(key, title, description, _draw(kind, title, days, series, **options), days, series)
        for key, title, description, kind, series, options in specs
    ]
