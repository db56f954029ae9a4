"""Serializer fields the APIs share."""

from rest_framework import serializers

BIGINT_MAX = 2**63 - 1  # the largest id a database column holds


class IdField(serializers.PrimaryKeyRelatedField):
    """A primary key that is a whole number a database id can be: `1e999`, `10**30`, `true` or `"x"` are the
    field's own 400, never an overflow in the lookup."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            value = int(data)
        except (TypeError, ValueError, OverflowError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if isinstance(data, float) and data != value:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= value <= BIGINT_MAX:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(value)
