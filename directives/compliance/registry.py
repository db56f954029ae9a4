"""The daily compliance report: a registry of sections that each app fills from its AppConfig.ready().

The report stands below the sub-domains it reports on (obligations, work modes, tthc), so each registers the builders of its own
sections here and `build_report(day)` asks them all. A builder takes the report day and returns rows:
dicts of JSON values keyed by its columns. The report is stored as JSON (ComplianceReport.content) and
drawn from that JSON by `render_report`, whether it was built a minute ago or sent last month; labels
come from the registry at drawing time, so a stored report reads in the reader's language.
"""

import datetime
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from directives.policy.selectors import policies_in_force_by_kind, policies_in_force_by_kind_between

from .figures import build_figures

NOT_APPLICABLE = "—"


@dataclass(frozen=True)
class Column:
    """One column of a section: `kind` is text, number, date (ISO in the JSON), phone or list (of text).

    `choices` (a TextChoices class) turns stored values into their labels; `empty` is shown for None,
    "" or []; a key missing from a row means the column does not apply to it and shows a dash.
    """

    key: str
    label: str
    kind: str = "text"
    choices: type | None = None
    empty: str = NOT_APPLICABLE


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    builder: Callable[[datetime.date], list[dict]]
    columns: tuple[Column, ...]
    order: int = 100
    description: str = ""
    empty: str = field(default_factory=lambda: _("Nothing to report."))
    # What the rows count, in words ("4 agencies (8 days)"): a row is not always an agency.
    summary: Callable[[list[dict]], str] | None = None


_sections: dict[str, Section] = {}


def register_section(
    key: str,
    title: str,
    builder: Callable[[datetime.date], list[dict]],
    *,
    columns: tuple[Column, ...],
    order: int = 100,
    description: str = "",
    empty: str = "",
    summary: Callable[[list[dict]], str] | None = None,
) -> None:
    """Add (or replace) a section of the report; called from an AppConfig.ready() through a sub-domain's
    `compliance` module."""
    _sections[key] = Section(
        key=key,
        title=title,
        builder=builder,
        columns=tuple(columns),
        order=order,
        description=description,
        summary=summary,
        **({"empty": empty} if empty else {}),
    )


def registered_sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def next_working_day(day: datetime.date) -> datetime.date:
    """The day whose plan the report looks ahead to: tomorrow, or Monday after a Friday or a weekend."""
    following = day + datetime.timedelta(days=1)
    while following.weekday() >= 5:
        following += datetime.timedelta(days=1)
    return following


# What the sections and figures of one report share, while build_report runs (see `shared`).
_shared: ContextVar[dict | None] = ContextVar("compliance_report_shared", default=None)


def shared(key, compute: Callable[[], object]):
    """compute(), once per build_report for each key: several sections read the same table (the district's
    work modes of the day feed the over-cap and no-plan sections and the figures). Outside build_report it
    simply calls compute()."""
    cache = _shared.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def policies_by_kind(day: datetime.date) -> dict:
    """policies_in_force_by_kind(day=day), read once per report for the sections that need it."""
    return shared(("policies_in_force_by_kind", day), lambda: policies_in_force_by_kind(day=day))


def building_report() -> bool:
    """True while build_report runs (a builder may then compute more than its own part, for `shared`)."""
    return _shared.get() is not None


def build_report(day: datetime.date) -> dict:
    """The report of `day` as JSON: every registered section with its rows (labels in the default language,
    kept as a record of what was sent)."""
    # The policies of both days the report looks at, in one query, for every section that asks.
    by_day = policies_in_force_by_kind_between(start=day, end=next_working_day(day))
    token = _shared.set({("policies_in_force_by_kind", when): policies for when, policies in by_day.items()})
    try:
        return _build_report(day)
    finally:
        _shared.reset(token)


def _build_report(day: datetime.date) -> dict:
    sections = []
    with translation.override(settings.LANGUAGE_CODE):
        for section in registered_sections():
            sections.append(
                {
                    "key": section.key,
                    "title": str(section.title),
                    "columns": [
                        {"key": c.key, "label": str(c.label), "kind": c.kind} for c in section.columns
                    ],
                    "rows": section.builder(day),
                }
            )
    return {
        "day": day.isoformat(),
        "next_day": next_working_day(day).isoformat(),
        "built_at": timezone.now().isoformat(),
        "sections": sections,
        "figures": build_figures(day),
    }


# Drawing a stored report -------------------------------------------------------------------------


@dataclass
class RenderedCell:
    text: str
    items: list = field(default_factory=list)
    value: object = None  # a date, number or text for the spreadsheet
    numeric: bool = False
    label: str = ""  # the column's, for the stacked rows of a phone
    kind: str = "text"

    @property
    def nowrap(self) -> bool:
        return self.kind in ("date", "number", "phone")

    @property
    def tel(self) -> str:
        """The number to dial for a phone cell, digits only."""
        return "".join(ch for ch in self.text if ch.isdigit()) if self.kind == "phone" else ""


@dataclass
class RenderedSection:
    key: str
    title: str
    description: str
    empty: str
    columns: list
    rows: list
    summary: str = ""

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def label(self) -> str:
        """The figure as people read it: what is counted, not only how many rows."""
        return self.summary or str(self.count)


@dataclass
class RenderedReport:
    day: datetime.date
    next_day: datetime.date
    built_at: datetime.datetime | None
    sections: list

    @property
    def findings(self) -> int:
        """Rows that call for action (the policy section only informs)."""
        return sum(section.count for section in self.sections if section.key not in INFORMATIVE_SECTIONS)


# Sections that describe the day rather than list something to correct.
INFORMATIVE_SECTIONS = {"policy_in_force"}


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _cell(column: Column, row: dict) -> RenderedCell:
    cell = _value_cell(column, row)
    cell.label = str(column.label)
    cell.kind = column.kind
    return cell


def _value_cell(column: Column, row: dict) -> RenderedCell:
    if column.key not in row:
        return RenderedCell(NOT_APPLICABLE)
    value = row[column.key]
    if value in (None, "", []):
        return RenderedCell(str(column.empty), value=str(column.empty))
    if column.kind == "date":
        day = datetime.date.fromisoformat(value)
        return RenderedCell(formats.date_format(day, "SHORT_DATE_FORMAT"), value=day)
    if column.kind == "number":
        return RenderedCell(formats.number_format(value), value=value, numeric=True)
    if column.kind == "list":
        items = [_label(column.choices, item) if column.choices else str(item) for item in value]
        return RenderedCell("; ".join(items), items=items, value="; ".join(items))
    text = _label(column.choices, value) if column.choices else str(value)
    return RenderedCell(text, value=text)


def render_report(content: dict) -> RenderedReport:
    """The stored JSON ready for a page, an e-mail or a spreadsheet, in the active language."""
    sections = []
    for stored in content.get("sections", []):
        section = _sections.get(stored["key"])
        if section is not None:
            columns = list(section.columns)
            title, description, empty = section.title, section.description, section.empty
            summary = section.summary(stored["rows"]) if section.summary and stored["rows"] else ""
        else:  # a section no longer registered: keep what was stored
            columns = [Column(c["key"], c["label"], c.get("kind", "text")) for c in stored["columns"]]
            title, description, empty = stored["title"], "", _("Nothing to report.")
            summary = ""
        sections.append(
            RenderedSection(
                key=stored["key"],
                title=str(title),
                description=str(description),
                empty=str(empty),
                columns=[{"label": str(c.label), "numeric": c.kind == "number"} for c in columns],
                rows=[[_cell(column, row) for column in columns] for row in stored["rows"]],
                summary=str(summary),
            )
        )
    built_at = content.get("built_at")
    return RenderedReport(
        day=datetime.date.fromisoformat(content["day"]),
        next_day=datetime.date.fromisoformat(content["next_day"]),
        built_at=datetime.datetime.fromisoformat(built_at) if built_at else None,
        sections=sections,
    )


def agencies_and_days(rows: list[dict]) -> str:
    """A section of one row per agency and day: "4 agencies (8 days)"."""
    return _("%(agencies)s agencies (%(days)s days)") % {
        "agencies": len({row.get("agency") for row in rows}),
        "days": len(rows),
    }


def agencies_only(rows: list[dict]) -> str:
    return _("%(agencies)s agencies") % {"agencies": len({row.get("agency") for row in rows})}


def total_at_agencies(key: str, what: str) -> Callable[[list[dict]], str]:
    """A section of one row per agency holding a number: "52 overdue dossiers at 5 agencies"."""

    def summary(rows: list[dict]) -> str:
        total = sum(int(row.get(key) or 0) for row in rows) if key else len(rows)
        return _("%(total)s %(what)s at %(agencies)s agencies") % {
            "total": total,
            "what": what,
            "agencies": len({row.get("agency") for row in rows}),
        }

    return summary
