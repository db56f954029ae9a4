"""procedure_save: the one write path of the catalogue (admin, importer and demo all call it)."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from tthc.catalogue.models import Procedure
from tthc.catalogue.services import procedure_save

pytestmark = pytest.mark.django_db


def values(**overrides):
    base = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "commune",
        "processing_time_unit": "same_day",
        "online_level": 3,
    }
    return {**base, **overrides}


def test_a_procedure_is_created_tidied():
    procedure = procedure_save(**values(code=" 1.001193 ", name="Đăng ký   khai sinh"))
    assert (procedure.code, procedure.name, procedure.processing_time_value) == (
        "1.001193",
        "Đăng ký khai sinh",
        0,
    )


def test_the_same_code_cannot_be_added_twice():
    procedure_save(**values())
    with pytest.raises(ValidationError) as exc:
        procedure_save(**values(name="Khác"))
    assert "code" in exc.value.error_dict


def test_a_deadline_in_days_needs_a_number_of_days():
    with pytest.raises(ValidationError) as exc:
        procedure_save(**values(processing_time_unit="working_days", processing_time_value=0))
    assert exc.value.error_dict["processing_time_value"][0].code == "processing_time_missing"


def test_in_person_by_law_needs_its_legal_basis_and_no_postal_return():
    with pytest.raises(ValidationError) as exc:
        procedure_save(**values(result_in_person_by_law=True))
    assert set(exc.value.error_dict) == {"in_person_legal_basis", "postal_return_offered"}
    assert not Procedure.objects.exists()


def test_unknown_agency_kind_is_refused():
    with pytest.raises(ValidationError) as exc:
        procedure_save(**values(agency_kinds=["ministry"]))
    assert exc.value.error_dict["agency_kinds"][0].code == "unknown_agency_kind"


def test_update_records_who_changed_it_and_an_unchanged_save_writes_nothing():
    user = UserFactory()
    procedure = procedure_save(**values())
    procedure_save(procedure=procedure, by=user, **values(online_level=4))
    procedure_save(procedure=procedure, by=user, **values(online_level=4))
    assert procedure.history.count() == 2
    assert procedure.history.first().history_user == user
