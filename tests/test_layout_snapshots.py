"""The house may be rearranged, but not what it offers: the same URLs, the same API schema, the same tables.

The snapshots were taken on the main branch before the sub-domain packages were made; a deliberate change of
the API or of the URLs updates them in the same commit (`manage.py spectacular --file
tests/snapshots/openapi.yaml`)."""

import re
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.urls import get_resolver
from django.urls.resolvers import URLResolver

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _routes(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield f"{prefix}{entry.pattern} {name}"


def test_every_url_and_its_name_stay_as_they_were():
    routes = sorted({r for r in _routes(get_resolver().url_patterns) if not r.startswith("admin/")})
    assert routes == (SNAPSHOTS / "urls.txt").read_text(encoding="utf-8").splitlines()


# Integer bounds the database backend sets (SQLite has none, so 64-bit limits; PostgreSQL its column types):
# the same model gives different numbers on each, and the snapshot must hold on both.
_BACKEND_BOUNDS = re.compile(
    r"^\s+(?:maximum: (?:32767|2147483647|9223372036854775807)"
    r"|minimum: (?:-32768|-2147483648|-9223372036854775808)|format: int64)\n",
    re.MULTILINE,
)


def _without_backend_bounds(schema: str) -> str:
    return _BACKEND_BOUNDS.sub("", schema)


def test_openapi_schema_stays_as_it_was(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(out))
    assert _without_backend_bounds(out.read_text(encoding="utf-8")) == _without_backend_bounds(
        (SNAPSHOTS / "openapi.yaml").read_text(encoding="utf-8")
    )


def test_every_model_keeps_its_app_and_table():
    """Sub-domain packages live inside the three apps: labels and tables are those of the migrations."""
    tables = sorted(
        f"{model._meta.label} {model._meta.db_table}"
        for model in apps.get_models()
        if model._meta.app_label in {"staffing", "directives", "tthc"}
    )
    assert tables == (SNAPSHOTS / "tables.txt").read_text(encoding="utf-8").splitlines()
