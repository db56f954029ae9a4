"""The daily report as an XLSX: offered on the report page and attached to the report's e-mail.

Vietnamese headers, dates as dd/mm/yyyy cells, every text cell written as a string (a name starting with
"=", "+", "-" or "@" stays text and is never read as a formula)."""

import datetime
import io

from django.utils import formats
from django.utils.translation import gettext as _

from staffing.toolkit import xlsx


def report_filename(day: datetime.date) -> str:
    return f"compliance-report-{day:%Y-%m-%d}.xlsx"


def report_xlsx(report) -> bytes:
    """`report`: a rendered report (registry.render_report)."""
    output = io.BytesIO()
    workbook = xlsx.workbook(output)
    sheet = workbook.add_worksheet(_("Report"))
    title = workbook.add_format({"bold": True, "font_size": 14})
    bold, header, wrap = workbook.bold, workbook.header, workbook.wrap
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    sheet.write_string(
        0,
        0,
        _("Daily compliance report of %(day)s")
        % {"day": formats.date_format(report.day, "SHORT_DATE_FORMAT")},
        title,
    )
    line = 2
    for section in report.sections:
        sheet.write_string(line, 0, f"{section.title} ({section.label})", bold)
        line += 1
        if not section.rows:
            sheet.write_string(line, 0, str(section.empty))
            line += 2
            continue
        sheet.write_row(line, 0, [str(column["label"]) for column in section.columns], header)
        line += 1
        for cells in section.rows:
            for number, cell in enumerate(cells):
                if isinstance(cell.value, datetime.date):
                    sheet.write_datetime(line, number, cell.value, date_format)
                elif cell.numeric:
                    sheet.write_number(line, number, cell.value)
                else:
                    sheet.write_string(line, number, str(cell.text), wrap)
            line += 1
        line += 1
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 6, 22)
    workbook.close()
    return output.getvalue()
