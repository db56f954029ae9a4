"""The files of the open data: CSV (UTF-8 with a byte-order mark, so spreadsheets read the Vietnamese),
JSON, and the datapackage.json that describes them (Frictionless Data Package v1).

Text that a spreadsheet would evaluate (a leading "=", "+", "-", "@", tab or carriage return: the OWASP
CSV-injection rule) is written with a leading apostrophe, in the CSV and the JSON alike, so both say the
same and no reader runs a formula."""

import csv
import datetime
import io
import json

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .registry import Resource, resources

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_text(value)
    return value


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_text(value)
    return value


def csv_bytes(resource: Resource, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = resource.field_names
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def json_bytes(resource: Resource, rows, *, start: datetime.date, end: datetime.date) -> bytes:
    document = {
        "name": resource.name,
        "title": str(resource.title),
        "from": start.isoformat() if resource.periodic else None,
        "to": end.isoformat(),
        "fields": [f.name for f in resource.fields],
        "data": [{name: _json_value(row.get(name)) for name in resource.field_names} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _schema(resource: Resource) -> dict:
    schema = {
        "fields": [
            {
                "name": f.name,
                "type": f.type,
                "title": f.title,
                **({"description": f.description} if f.description else {}),
                **({"constraints": {"required": True}} if f.required else {}),
                **({"trueValues": ["true"], "falseValues": ["false"]} if f.type == "boolean" else {}),
            }
            for f in resource.fields
        ],
        "missingValues": [""],
    }
    if resource.primary_key:
        schema["primaryKey"] = list(resource.primary_key)
    return schema


def datapackage(*, base_url: str) -> dict:
    """The descriptor: every registered resource, its CSV path (relative to this file, so the package reads
    the same wherever it is served), its schema, and the licence."""
    return {
        "profile": "tabular-data-package",
        "name": "ubnd-" + slugify(settings.DISTRICT_NAME) + "-open-data",
        "title": _("Open data of the district: work modes and administrative procedures"),
        "description": _(
            "Published under clause 4 of official letter 2629/UBND: the urgent in-person list, the policies "
            "in force, the procedure catalogue, each agency's intake arrangements and the compliance of "
            "every agency per day. No personal data."
        ),
        "homepage": base_url + reverse("opendata:index"),
        "licenses": [LICENSE],
        "created": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "resources": [
            {
                "name": resource.name,
                "title": resource.title,
                "description": resource.description,
                "path": f"{resource.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": _schema(resource),
                "sources": [
                    {"title": _("People's Committee of %(district)s") % {"district": settings.DISTRICT_NAME}}
                ],
            }
            for resource in resources()
        ],
    }
