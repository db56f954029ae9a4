"""The obligations matrix as an XLSX workbook: one sheet as on screen, one with each cell's evidence."""

import io

from django.utils import formats
from django.utils.translation import gettext as _

from staffing.toolkit import xlsx

from .constants import ObligationState

EVIDENCE_WIDTHS = (36, 16, 8, 45, 12, 16, 14, 22, 50, 10, 22, 12, 40, 40)


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _title(matrix) -> str:
    return _("Obligations by agency on %(day)s") % {"day": _date(matrix["today"])}


def _obligation_heading(obligation) -> str:
    return f"{obligation.clause.document.number} · {obligation.clause.number}\n{obligation.title}\n" + _(
        "due %(day)s"
    ) % {"day": _date(obligation.due_on)}


def _write_grid(workbook: xlsx.Workbook, matrix) -> None:
    """The matrix as on screen: one row per agency, one column per obligation, each cell its state."""
    grid = workbook.add_worksheet(_("Matrix"))
    grid.write(0, 0, _title(matrix), workbook.bold)
    grid.write_row(2, 0, [_("Agency"), _("Agency kind")], workbook.header)
    for column, obligation in enumerate(matrix["obligations"], start=2):
        grid.write_string(2, column, _obligation_heading(obligation), workbook.header)
    for number, row in enumerate(matrix["rows"], start=3):
        grid.write_string(number, 0, row["agency"].name)
        grid.write_string(number, 1, str(row["agency"].get_kind_display()))
        for column, cell in enumerate(row["cells"], start=2):
            grid.write_string(number, column, str(ObligationState(cell.state).label) if cell else "–")
    grid.set_column(0, 0, 40)
    grid.set_column(1, 1, 26)
    grid.set_column(2, 1 + len(matrix["obligations"]), 24)
    grid.set_row(2, 75)
    grid.freeze_panes(3, 1)


def _evidence_headers() -> list[str]:
    return [
        _("Agency"),
        _("Document"),
        _("Clause"),
        _("Obligation"),
        _("Due date"),
        _("Status"),
        _("Disseminated on"),
        _("How"),
        _("Evidence"),
        _("Evidence file"),
        _("Acknowledged by"),
        _("Done on"),
        _("Result"),
        _("Why no longer required"),
    ]


def _evidence_row(agency, cell) -> list:
    status = cell.status
    return [
        agency.name,
        cell.obligation.clause.document.number,
        cell.obligation.clause.number,
        cell.obligation.title,
        _date(cell.obligation.due_on),
        str(ObligationState(cell.state).label),
        _date(status.acknowledged_on) if status else "",
        str(status.get_method_display()) if status and status.method else "",
        status.evidence_text if status else "",
        _("yes") if status and status.evidence_file else "",
        _person(status.acknowledged_by) if status else "",
        _date(status.done_on) if status else "",
        status.done_note if status else "",
        cell.reason,
    ]


def _write_evidence(workbook: xlsx.Workbook, matrix) -> None:
    """One row per agency and obligation addressed to it: how and when it answered, with what evidence."""
    details = workbook.add_worksheet(_("Evidence"))
    details.write(0, 0, _title(matrix), workbook.bold)
    details.write_row(2, 0, _evidence_headers(), workbook.header)
    number = 3
    for row in matrix["rows"]:
        for cell in row["cells"]:
            if cell is not None:
                details.write_row(number, 0, _evidence_row(row["agency"], cell), workbook.wrap)
                number += 1
    for column, width in enumerate(EVIDENCE_WIDTHS):
        details.set_column(column, column, width)
    details.freeze_panes(3, 1)


def matrix_workbook(matrix: dict) -> io.BytesIO:
    """The written workbook (a BytesIO) of `selectors.obligation_matrix(...)`."""
    output = io.BytesIO()
    workbook = xlsx.workbook(output)
    _write_grid(workbook, matrix)
    _write_evidence(workbook, matrix)
    workbook.close()
    return output
