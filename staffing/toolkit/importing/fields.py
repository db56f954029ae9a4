"""Form fields for spreadsheet rows, where people type labels in either language rather than codes."""

import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def fold(text) -> str:
    """Compare headers and labels the way people mean them: no accents, case or extra spaces."""
    text = str(text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("*", " ").split())


def labels_in_every_language(label) -> set[str]:
    """A lazy label rendered in every language the site offers."""
    rendered = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            rendered.add(str(label))
    return rendered


# Folded label -> choice value, per set of choices: built once, not for every row of a large file.
_LOOKUPS: dict[tuple, dict[str, str]] = {}


class ChoiceLabelField(forms.ChoiceField):
    """A choice typed as its code or its label in any language ("Công chức", "civil servant", "civil_servant")."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not one of: %(labels)s."),
    }

    def __init__(self, *, choices, empty_value="", **kwargs):
        self.empty_value = empty_value
        super().__init__(choices=choices, **kwargs)

    def _lookup(self) -> dict[str, str]:
        key = tuple((value, str(label)) for value, label in self.choices)
        if key not in _LOOKUPS:
            mapping = {}
            for value, label in self.choices:
                if value == "":
                    continue
                mapping[fold(value)] = value
                for rendered in labels_in_every_language(label):
                    mapping[fold(rendered)] = value
            _LOOKUPS[key] = mapping
        return _LOOKUPS[key]

    def to_python(self, value):
        if value in self.empty_values or not str(value).strip():
            return self.empty_value
        folded = fold(value)
        found = self._lookup().get(folded)
        if found is None:
            labels = ", ".join(str(label) for v, label in self.choices if v != "")
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value, "labels": labels},
            )
        return found

    def validate(self, value):
        if value == self.empty_value and not self.required:
            return
        super().validate(value)
