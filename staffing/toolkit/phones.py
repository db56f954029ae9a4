"""Vietnamese mobile numbers: the normaliser every register uses and the validator of its fields."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Vietnamese mobile numbers since the 2018 renumbering: 10 digits, prefixes 03, 05, 07, 08, 09.
MOBILE_RE = re.compile(r"^0[35789]\d{8}$")


def normalize_mobile_phone(value: str) -> str:
    """Strip spaces, dots and dashes, and turn +84/84 into the leading 0 people write."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def validate_mobile_phone(value: str) -> None:
    if not MOBILE_RE.match(normalize_mobile_phone(value)):
        raise ValidationError(
            _("Enter a Vietnamese mobile number of 10 digits starting with 03, 05, 07, 08 or 09."),
            code="invalid_mobile_phone",
        )
