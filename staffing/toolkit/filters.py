"""The filter-bar plumbing every list shares: a FilterSet whose refused values show under their field,
a tick-box filter, the Bootstrap widgets, and the query string the pagination links repeat.

A FilterSet narrows a queryset its view already scoped through the selectors; it never widens it.
"""

from urllib.parse import urlencode

import django_filters
from django import forms


class FilterBoundField(forms.BoundField):
    """Marks a refused filter value for Bootstrap, so its message shows under the field."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.form.is_bound and self.errors:
            widget = widget or self.field.widget
            classes = (attrs.get("class") or widget.attrs.get("class", "")).split()
            if "is-invalid" not in classes:
                attrs["class"] = " ".join([*classes, "is-invalid"])
        return attrs


class FilterForm(forms.Form):
    bound_field_class = FilterBoundField


class ListFilterSet(django_filters.FilterSet):
    class Meta:
        form = FilterForm


class CheckboxFilter(django_filters.Filter):
    """A tick box (`name=on`), not the yes/no/unknown select of django-filter's BooleanFilter."""

    field_class = forms.BooleanField


def search_input(placeholder) -> forms.SearchInput:
    return forms.SearchInput(attrs={"class": "form-control", "placeholder": placeholder})


def select(**attrs) -> forms.Select:
    return forms.Select(attrs={"class": "form-select", **attrs})


def filter_query(filterset) -> str:
    """The filters as typed, for the pagination links (empty ones and the page left out)."""
    return urlencode({name: value for name in filterset.filters if (value := filterset.data.get(name))})
