"""Read an uploaded CSV or XLSX file into a header row and data rows, refusing what is not safe to read."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from staffing.toolkit.sizes import sizes_apart

CSV_CELL_MAX = 131_072  # characters in one CSV cell (csv's default): more is a broken or hostile file
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls and other Office 97 files
# A full 20,000-row staff sheet unpacks to about ten times its XLSX size.
XLSX_MAX_UNPACK_RATIO = 20


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message is shown to the user as it is."""


@dataclass
class Cell:
    value: object
    is_formula: bool = False


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # (row number in the file, cells)


def read_table(file) -> Table:
    """Read the first sheet of an XLSX file, or a UTF-8 CSV file, deciding by content, never by name."""
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size > settings.IMPORT_MAX_BYTES:
        raise ImportFileError(
            _("The file is %(size)s; files over %(limit)s are refused.")
            % sizes_apart(size, settings.IMPORT_MAX_BYTES)
        )
    file.seek(0)
    content = file.read()
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    if content.startswith(XLSX_MAGIC):
        return _with_rows(_read_xlsx(content))
    if content.startswith(OLE_MAGIC):
        raise ImportFileError(
            _("Old Excel files (.xls) are not accepted: save the file as .xlsx and try again.")
        )
    return _with_rows(_read_csv(content))


def _with_rows(table: Table) -> Table:
    """A file with its headings and nothing under them is an empty file, not an import of nothing."""
    if not table.rows:
        raise ImportFileError(
            _(
                "The file has its column headings but no rows under them: add one row per record and try again."
            )
        )
    return table


def _check_row_count(count: int) -> None:
    if count > settings.IMPORT_MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(limit)s rows; split it into smaller files.")
            % {"limit": settings.IMPORT_MAX_ROWS}
        )


def _is_blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _read_csv(content: bytes) -> Table:
    if b"\x00" in content:
        raise ImportFileError(_("The file is neither a CSV nor an XLSX spreadsheet."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "The file is not a spreadsheet saved as UTF-8 CSV or XLSX. In Excel choose “CSV UTF-8” or “Excel Workbook (.xlsx)”."
            )
        ) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # The limit is the process's, and a library may have raised it (frictionless does): set ours each time.
    csv.field_size_limit(CSV_CELL_MAX)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        # csv's own words ("field larger than field limit") would reach the user in English.
        raise ImportFileError(
            _(
                "The CSV file cannot be read: a cell is too long or a quotation mark is not closed. Open it in "
                "a spreadsheet, check the cells and save it again as “CSV UTF-8”."
            )
        ) from exc
    records = [(number, values) for number, values in enumerate(records, start=1) if not _is_blank(values)]
    if not records:
        raise ImportFileError(_("The file is empty."))
    _check_row_count(len(records) - 1)
    headers, data = records[0][1], records[1:]
    # A CSV cell beginning with "=" becomes a formula as soon as someone opens the file in a spreadsheet.
    rows = [
        (number, [Cell(v, is_formula=v.lstrip().startswith("=")) for v in values]) for number, values in data
    ]
    return Table(headers=[h.strip() for h in headers], rows=rows)


def _read_xlsx(content: bytes) -> Table:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise ImportFileError(_("The file is neither a CSV nor an XLSX spreadsheet."))
            # A small XLSX may unpack to gigabytes (a "zip bomb"); zipfile never inflates a member past
            # its declared size, so the declared sizes bound what openpyxl will read.
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > settings.IMPORT_MAX_BYTES * XLSX_MAX_UNPACK_RATIO:
                raise ImportFileError(
                    _("The XLSX file unpacks to %(size)s, more than a spreadsheet of this kind needs.")
                    % {"size": filesizeformat(unpacked)}
                )
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged workbook
        raise ImportFileError(_("The XLSX file cannot be read; it may be damaged.")) from exc
    try:
        sheet = workbook.worksheets[0]
        headers = None
        rows = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [cell.value for cell in cells]
            if _is_blank(values):
                continue
            if headers is None:
                headers = ["" if v is None else str(v).strip() for v in values]
                continue
            rows.append((number, [_xlsx_cell(cell) for cell in cells]))
            _check_row_count(len(rows))
    finally:
        workbook.close()
    if headers is None:
        raise ImportFileError(_("The file is empty."))
    return Table(headers=headers, rows=rows)


def _xlsx_cell(cell) -> Cell:
    value = getattr(cell, "value", None)
    is_formula = getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith("="))
    return Cell(value, is_formula=is_formula)
