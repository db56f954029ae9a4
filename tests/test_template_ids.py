"""Ids written into HTML attributes are never localised: with thousand separators on, pk 1596 would become
"1.596" and the form or link would point at nothing once a table passes a thousand rows."""

import re
from pathlib import Path

from django.conf import settings

ATTRIBUTE = re.compile(r'="([^"]*)"')
VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*(\|[^}]*)?\}\}")
ID_NAMES = re.compile(r"(^|\.)(pk|id|\w+_id|version|year)$")


def test_ids_in_attributes_are_unlocalized():
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for attribute in ATTRIBUTE.finditer(path.read_text(encoding="utf-8")):
            for match in VARIABLE.finditer(attribute.group(1)):
                name, filters = match.group(1), match.group(2) or ""
                if ID_NAMES.search(name) and not name.endswith("auto_id") and "unlocalize" not in filters:
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}: {{{{ {name}{filters} }}}}")
    assert offenders == []


def test_a_large_id_renders_without_separators():
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        html = Template('{% load l10n %}<option value="{{ pk|unlocalize }}">{{ count }}</option>').render(
            Context({"pk": 1596, "count": 1596})
        )
    assert html == '<option value="1596">1.596</option>'
