"""The one way a form shows a service's refusal: each message at the field it names, the rest above the form."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError, field_map: dict | None = None) -> None:
    """Put each message of a service's ValidationError on the form field it names (renamed through
    `field_map`, service name -> form field name); messages without a field, or naming a field the form
    does not have, go above the form (non-field errors)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    field_map = field_map or {}
    for name, messages in error.error_dict.items():
        target = field_map.get(name, name)
        form.add_error(target if target in form.fields else None, messages)
