"""The one XLSX writer set-up every export and import template uses.

Cells hold names, reasons and evidence typed by people or imported from files: ``strings_to_formulas`` is
off, so a cell starting with "=" stays text and never becomes a formula.
"""

from functools import cached_property

import xlsxwriter
from django.http import HttpResponse

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {"strings_to_formulas": False, "in_memory": True}

HEADER_BLUE = "#DDEBF7"


class Workbook(xlsxwriter.Workbook):
    """An xlsxwriter workbook with the formats the exports share, each created on first use."""

    @cached_property
    def bold(self):
        return self.add_format({"bold": True})

    @cached_property
    def header(self):
        """A column heading: bold on light blue, boxed, wrapped."""
        return self.add_format({"bold": True, "bg_color": HEADER_BLUE, "border": 1, "text_wrap": True})

    @cached_property
    def wrap(self):
        return self.add_format({"text_wrap": True, "valign": "top"})

    @cached_property
    def date(self):
        return self.add_format({"num_format": "dd/mm/yyyy"})


def workbook(output) -> Workbook:
    """A workbook writing into `output` (a BytesIO), in memory, strings never read as formulas."""
    return Workbook(output, OPTIONS)


def xlsx_response(output, filename: str) -> HttpResponse:
    """The written workbook as a download named `filename`."""
    response = HttpResponse(output.getvalue(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
