"""Spreadsheet import shared by every register (staff, procedures, companies): see ``base.Importer``."""

from .base import Column, Importer, ImportResult, Row, RowError
from .fields import ChoiceLabelField
from .readers import ImportFileError, read_table
from .templates import template_csv, template_xlsx

__all__ = [
    "ChoiceLabelField",
    "Column",
    "ImportFileError",
    "ImportResult",
    "Importer",
    "Row",
    "RowError",
    "read_table",
    "template_csv",
    "template_xlsx",
]
