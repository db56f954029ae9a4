"""The tax-code rule, on codes constructed here from the published weights (never real companies' codes)."""

import pytest
from django.core.exceptions import ValidationError

from staffing.companies.taxcodes import WEIGHTS, check_digit, normalize_tax_code, validate_tax_code


def build(first_nine: str) -> str:
    return first_nine + str(check_digit(first_nine))


def nine_digits_with_check(wanted: int) -> str:
    for n in range(100_000_000, 100_100_000):
        if check_digit(str(n)) == wanted:
            return str(n)
    raise AssertionError("no such digits")


def test_check_digit_follows_the_published_weights():
    assert WEIGHTS == (31, 29, 23, 19, 17, 13, 7, 5, 3)
    # 1,2,...,9: 31+58+69+76+85+78+49+40+27 = 513; 513 mod 11 = 7; 10 - 7 = 3
    assert check_digit("123456789") == 3


@pytest.mark.parametrize("wanted", range(10))
def test_constructed_codes_pass_for_every_check_digit(wanted):
    validate_tax_code(build(nine_digits_with_check(wanted)))


def test_wrong_check_digit_is_refused():
    code = build("123456789")
    wrong = code[:9] + str((int(code[9]) + 1) % 10)
    with pytest.raises(ValidationError) as exc:
        validate_tax_code(wrong)
    assert exc.value.code == "tax_code_check_digit"


def test_nine_digits_whose_check_is_ten_make_no_code():
    nine = nine_digits_with_check(10)
    for last in range(10):
        with pytest.raises(ValidationError):
            validate_tax_code(nine + str(last))


def test_branch_code_is_ten_digits_a_dash_and_three():
    code = build("123456789")
    validate_tax_code(f"{code}-001")
    assert normalize_tax_code(f"{code}001") == f"{code}-001"
    for bad in (f"{code}-01", f"{code}-0011", f"{code}/001", code[:9], "abcdefghij"):
        with pytest.raises(ValidationError) as exc:
            validate_tax_code(bad)
        assert exc.value.code == "tax_code_format"


def test_branch_of_a_code_with_a_wrong_check_digit_is_refused():
    code = build("123456789")
    wrong = code[:9] + str((int(code[9]) + 1) % 10)
    with pytest.raises(ValidationError):
        validate_tax_code(f"{wrong}-001")


def test_spaces_and_dots_are_normalised():
    code = build("123456789")
    assert normalize_tax_code(f" {code[:3]}.{code[3:6]} {code[6:]} ") == code
    validate_tax_code(f"{code[:3]} {code[3:6]}.{code[6:]}")
