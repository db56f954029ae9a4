"""Vietnamese tax codes (mã số thuế): 10 digits whose last is a check digit over the first nine, or
13 for a branch (the company's 10 digits, a dash and 3 digits)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
TAX_CODE_RE = re.compile(r"^(\d{10})(?:-(\d{3}))?$")


def normalize_tax_code(value: str) -> str:
    """Strip spaces and dots people type; keep the branch dash (a 13-digit run gains it)."""
    text = re.sub(r"[\s.]", "", value or "")
    if re.fullmatch(r"\d{13}", text):
        text = f"{text[:10]}-{text[10:]}"
    return text


def check_digit(first_nine: str) -> int:
    """10 − (Σ weight × digit mod 11); 10 means no code may be built on these nine digits."""
    total = sum(weight * int(digit) for weight, digit in zip(WEIGHTS, first_nine, strict=True))
    return 10 - total % 11


def validate_tax_code(value: str) -> None:
    code = normalize_tax_code(value)
    match = TAX_CODE_RE.match(code)
    if not match:
        raise ValidationError(
            _("Enter a tax code of 10 digits, or 13 for a branch written as 10 digits, a dash and 3 digits."),
            code="tax_code_format",
        )
    main = match.group(1)
    expected = check_digit(main[:9])
    if expected == 10 or expected != int(main[9]):
        raise ValidationError(
            _("This tax code's check digit is wrong: check the digits again."),
            code="tax_code_check_digit",
        )
