"""Spreadsheet import shared by every register (staff, procedures, companies): see ``base.Importer``."""

from .base import Column, Importer, ImportResult, Row, RowError
from .fields import ChoiceLabelField
from .readers import ImportFileError, read_table
from .templates import import_page_context, template_csv, template_xlsx

__all__ = [
    "ChoiceLabelField",
    "Column",
    "ImportFileError",
    "ImportResult",
    "import_page_context",
    "Importer",
    "Row",
    "RowError",
    "read_table",
    "template_csv",
    "template_xlsx",
]
