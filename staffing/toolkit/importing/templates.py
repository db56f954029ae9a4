"""Downloadable templates of an importer: the header row, one example row and, in XLSX, lists of choices."""

import csv
import io

from django.conf import settings

from ..xlsx import HEADER_BLUE, workbook
from .fields import ChoiceLabelField


def _header(column) -> str:
    return f"{column.label} *" if column.required else str(column.label)


def template_csv(importer) -> bytes:
    """UTF-8 with a byte order mark, so that Excel opens the Vietnamese headers correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_header(c) for c in importer.columns])
    writer.writerow([c.example for c in importer.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx(importer, *, sheet_name: str = "Data") -> bytes:
    buffer = io.BytesIO()
    # The shared set-up keeps a value such as "=1+1" text, never a formula.
    book = workbook(buffer)
    sheet = book.add_worksheet(sheet_name[:31])
    bold = book.add_format({"bold": True, "bg_color": HEADER_BLUE, "border": 1})
    text = book.add_format({"num_format": "@"})
    form_fields = importer.row_form.base_fields
    for index, column in enumerate(importer.columns):
        sheet.set_column(index, index, column.width, text if column.text else None)
        sheet.write_string(0, index, _header(column), bold)
        if column.example:
            sheet.write_string(1, index, column.example)
        form_field = form_fields.get(column.field)
        if isinstance(form_field, ChoiceLabelField):
            labels = [str(label) for value, label in form_field.choices if value != ""]
            sheet.data_validation(
                1, index, 1048575, index, {"validate": "list", "source": labels, "ignore_blank": True}
            )
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()


def import_page_context(importer, *, form, result, csv_url: str, xlsx_url: str) -> dict:
    """What templates/_partials/import_page.html reads, whichever register is imported."""
    return {
        "form": form,
        "result": result,
        "columns": importer.columns,
        "template_csv_url": csv_url,
        "template_xlsx_url": xlsx_url,
        "IMPORT_MAX_BYTES": settings.IMPORT_MAX_BYTES,
        "IMPORT_MAX_ROWS": settings.IMPORT_MAX_ROWS,
    }
