"""The admin manages procedures through procedure_save and only reads the urgent lists."""

import pytest
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import ProcedureFactory, user_with_role
from tthc.catalogue.models import Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = user_with_role(Role.DISTRICT_ADMIN, username="quantri")
    user.is_staff = user.is_superuser = True
    user.save()
    client.force_login(user)
    return client, user


def form(**overrides):
    data = {
        "code": "2.000884",
        "name": "Chứng thực chữ ký",
        "field": "Chứng thực",
        "level": "commune_and_district",
        "processing_time_unit": "same_day",
        "processing_time_value": "0",
        "fee_text": "",
        "online_level": "1",
        "postal_intake_accepted": "",
        "postal_return_offered": "",
        "result_in_person_by_law": "on",
        "in_person_legal_basis": "Điều 24 Nghị định 23/2015/NĐ-CP",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_admin_adds_a_procedure_through_the_service(admin_client):
    client, user = admin_client
    response = client.post(reverse("admin:tthc_procedure_add"), form())
    assert response.status_code == 302
    procedure = Procedure.objects.get(code="2.000884")
    assert procedure.history.first().history_user == user


def test_admin_shows_a_rule_at_its_field(admin_client):
    client, _ = admin_client
    response = client.post(reverse("admin:tthc_procedure_add"), form(in_person_legal_basis=""))
    assert response.status_code == 200
    assert "in_person_legal_basis" in response.context["adminform"].form.errors
    assert not Procedure.objects.exists()


def test_admin_edits_an_existing_procedure(admin_client):
    client, _ = admin_client
    procedure = ProcedureFactory(code="2.000884")
    response = client.post(reverse("admin:tthc_procedure_change", args=[procedure.pk]), form(name="Tên mới"))
    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.name == "Tên mới" and procedure.result_in_person_by_law


def test_urgent_lists_are_read_only_in_the_admin(admin_client):
    client, _ = admin_client
    assert client.get(reverse("admin:tthc_urgentlist_add")).status_code == 403
