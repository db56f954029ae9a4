"""The import machinery shared by every importer: map columns, validate every row, then save all or nothing.

An importer declares its ``columns``, a ``row_form`` (a Django form validating one row), the
``natural_key`` fields that identify an existing record, and how to find (``existing``) and save
(``save_row`` or, for speed, ``save_rows``) records. ``run(file, commit=...)`` returns an ``ImportResult``.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .fields import fold, labels_in_every_language
from .readers import ImportFileError, read_table


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: the form field it fills, its header label and other headers accepted for it."""

    field: str
    label: object
    required: bool = False
    aliases: tuple[str, ...] = ()
    example: str = ""
    width: int = 18
    text: bool = False  # keep as text in the template (codes and phone numbers keep their leading zeros)

    def accepted_headers(self) -> set[str]:
        headers = {fold(self.field), *(fold(a) for a in self.aliases)}
        headers |= {fold(label) for label in labels_in_every_language(self.label)}
        return headers


@dataclass(frozen=True)
class RowError:
    row: int | None  # row number in the file; None for the file as a whole
    column: str
    message: str


@dataclass
class Row:
    number: int
    data: dict
    key: tuple
    existing: object = None


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class Importer:
    columns: tuple[Column, ...] = ()
    row_form = None
    natural_key: tuple[str, ...] = ()

    def make_form(self, data: dict):
        """The form validating one row; override to pass it context (an agency, a user)."""
        return self.row_form(data=data)

    def existing(self, keys: list[tuple]) -> dict:
        """Records already stored, by natural key: one query for the whole file."""
        return {}

    def save_row(self, row: Row) -> str:
        """Create or update one record; return "created", "updated" or "unchanged"."""
        raise NotImplementedError

    def save_rows(self, rows: list[Row], result: ImportResult) -> None:
        """Save every row (inside the import's transaction); importers of many rows override it to write in bulk."""
        for row in rows:
            try:
                outcome = self.save_row(row)
            except ValidationError as exc:
                self.add_validation_error(result, row.number, exc)
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)

    # -- the run ---------------------------------------------------------------------------------

    def run(self, file, *, commit: bool = True) -> ImportResult:
        """Validate every row; save all rows only if none is wrong (with commit=False, check and roll back)."""
        result = ImportResult()
        try:
            table = read_table(file)
            positions, headers = self._map_headers(table.headers)
        except ImportFileError as exc:
            result.errors.append(RowError(None, "", str(exc)))
            return result
        self._headers = headers
        rows = self._validate_rows(table, positions, result)
        if result.errors:
            return result
        stored = self.existing([row.key for row in rows])
        for row in rows:
            row.existing = stored.get(row.key)
        with transaction.atomic():
            self.save_rows(rows, result)
            if result.errors or not commit:
                transaction.set_rollback(True)
        if result.errors:
            result.created = result.updated = result.unchanged = 0
        result.committed = commit and result.ok
        return result

    def _map_headers(self, headers: list[str]) -> tuple[dict[str, int], dict[str, str]]:
        by_header = {}
        for column in self.columns:
            for accepted in column.accepted_headers():
                by_header[accepted] = column
        positions, written = {}, {}
        for index, header in enumerate(headers):
            column = by_header.get(fold(header))
            if column is None:
                continue
            if column.field in positions:
                raise ImportFileError(
                    _("Two columns (“%(first)s” and “%(second)s”) both hold %(label)s.")
                    % {"first": written[column.field], "second": header, "label": column.label}
                )
            positions[column.field] = index
            written[column.field] = header
        missing = [str(c.label) for c in self.columns if c.required and c.field not in positions]
        if missing:
            raise ImportFileError(
                _("Missing columns: %(columns)s. Download the template to see the expected headers.")
                % {"columns": ", ".join(missing)}
            )
        return positions, written

    def _validate_rows(self, table, positions, result) -> list[Row]:
        rows, first_seen = [], {}
        for number, cells in table.rows:
            # Any formula is refused, even in a column the importer ignores: the file is not what it shows.
            for index, cell in enumerate(cells):
                if cell.is_formula:
                    header = table.headers[index] if index < len(table.headers) else ""
                    result.errors.append(
                        RowError(
                            number,
                            header or _column_letter(index),
                            _("Formulas are not accepted; type the value itself."),
                        )
                    )
            data = {}
            for name, index in positions.items():
                cell = cells[index] if index < len(cells) else None
                data[name] = _form_value(cell.value if cell is not None else None)
            form = self.make_form(data)
            if not form.is_valid():
                for name, messages in form.errors.items():
                    for message in messages:
                        result.errors.append(RowError(number, self._column_header(name), message))
                continue
            key = tuple(form.cleaned_data[name] for name in self.natural_key)
            if key in first_seen:
                result.errors.append(
                    RowError(
                        number,
                        self._column_header(self.natural_key[0]),
                        _("The same value as row %(row)s: each record may appear only once.")
                        % {"row": first_seen[key]},
                    )
                )
                continue
            first_seen[key] = number
            rows.append(Row(number=number, data=form.cleaned_data, key=key))
        return rows

    def _column_header(self, name: str) -> str:
        if name in self._headers:
            return self._headers[name]
        for column in self.columns:
            if column.field == name:
                return str(column.label)
        return ""

    def add_validation_error(self, result: ImportResult, number: int, exc: ValidationError) -> None:
        """Record a service's ValidationError against the row and the column of the field it names."""
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                column = "" if name == NON_FIELD_ERRORS else self._column_header(name)
                for error in errors:
                    for message in error.messages:
                        result.errors.append(RowError(number, column, message))
        else:
            for message in exc.messages:
                result.errors.append(RowError(number, "", message))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _form_value(value):
    """Turn a cell into what a form field expects; numbers typed in a spreadsheet keep no trailing ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0) else value
    if isinstance(value, datetime.date):
        return value
    return str(value).strip()
