"""company_save: the one write path of the register, and the rules a user meets on every path."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from staffing.companies.models import Company
from staffing.companies.services import company_save
from tests.factories import AgencyFactory

from .conftest import make_company, tax_code

pytestmark = pytest.mark.django_db


def fields(serial=1, **extra):
    values = {
        "name": "  Công ty TNHH   Thử nghiệm Một ",
        "tax_code": tax_code(serial),
        "sector": "trade",
        "workforce": 40,
        "working_online": 10,
    }
    values.update(extra)
    return values


def test_create_normalises_name_tax_code_and_phone_and_keeps_history(commune):
    code = tax_code(1)
    saved = company_save(
        commune=commune,
        **fields(tax_code=f"{code[:4]} {code[4:7]}.{code[7:]}", contact_phone="+84 912 345 678"),
    )
    company = Company.objects.get()
    assert saved.outcome == "created"
    assert company.name == "Công ty TNHH Thử nghiệm Một"
    assert company.tax_code == code
    assert company.contact_phone == "0912345678"
    assert company.online_percent == 25
    assert company.history.count() == 1


def test_saving_the_same_values_writes_nothing(commune):
    company = company_save(commune=commune, **fields()).company
    again = company_save(commune=commune, company=company, **fields())
    assert again.outcome == "unchanged"
    assert company.history.count() == 1
    updated = company_save(commune=commune, company=company, **fields(working_online=20))
    assert updated.outcome == "updated"
    assert company.history.count() == 2


def test_online_cannot_exceed_the_workforce(commune):
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(workforce=10, working_online=11))
    assert "working_online" in exc.value.message_dict
    assert "không thể nhiều hơn" in exc.value.message_dict["working_online"][0]
    assert not Company.objects.exists()


def test_wrong_check_digit_is_refused_at_the_tax_code(commune):
    code = tax_code(1)
    wrong = code[:9] + str((int(code[9]) + 1) % 10)
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(tax_code=wrong))
    assert list(exc.value.message_dict) == ["tax_code"]


def test_a_tax_code_is_registered_once_and_another_commune_is_not_named(commune, other_commune):
    make_company(other_commune, 1, name="Công ty Bí Mật")
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(serial=1))
    message = exc.value.message_dict["tax_code"][0]
    assert "đã được đăng ký" in message
    assert "Bí Mật" not in message
    make_company(commune, 2, name="Công ty Cùng Xã")
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(serial=2))
    assert "Công ty Cùng Xã" in exc.value.message_dict["tax_code"][0]


def test_a_closed_company_has_its_date_and_an_operating_one_none(commune):
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(is_active=False))
    assert "closed_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(closed_on=datetime.date(2021, 6, 1)))
    assert "closed_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        company_save(commune=commune, **fields(is_active=False, closed_on=datetime.date(2999, 1, 1)))
    assert "closed_on" in exc.value.message_dict
    company = company_save(
        commune=commune, **fields(is_active=False, closed_on=datetime.date(2021, 6, 1))
    ).company
    assert not company.is_active and company.closed_on == datetime.date(2021, 6, 1)


def test_companies_belong_to_a_commune_or_township(db):
    office = AgencyFactory()
    with pytest.raises(ValidationError) as exc:
        company_save(commune=office, **fields())
    assert "commune" in exc.value.message_dict


def test_a_branch_code_is_kept_with_its_dash(commune):
    code = tax_code(3)
    company = company_save(commune=commune, **fields(tax_code=f"{code}001")).company
    assert company.tax_code == f"{code}-001"


def test_a_refused_edit_leaves_the_company_as_it_was(commune):
    make_company(commune, 2, name="Công ty Giữ Mã")
    company = make_company(commune, 1, name="Công ty Gốc", workforce=50, working_online=5)
    with pytest.raises(ValidationError):
        company_save(commune=commune, company=company, **fields(serial=1, workforce=10, working_online=20))
    with pytest.raises(ValidationError):
        company_save(commune=commune, company=company, **fields(serial=2))  # another company's code
    assert (company.name, company.tax_code, company.workforce) == ("Công ty Gốc", tax_code(1), 50)
    saved = company_save(commune=commune, company=company, **fields(serial=1, working_online=30))
    assert saved.company is company and company.working_online == 30
