"""The admin writes through company_save: the same refusals at the field, history kept."""

import pytest
from django.urls import reverse

from staffing.companies.models import Company
from tests.factories import UserFactory

from .conftest import make_company, tax_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quan-tri", is_staff=True, is_superuser=True))
    return client


def _data(commune, **extra):
    data = {
        "commune": commune.pk,
        "name": "Công ty Qua Quản Trị",
        "tax_code": tax_code(4),
        "address": "",
        "sector": "services",
        "workforce": "30",
        "working_online": "10",
        "contact_person": "",
        "contact_phone": "",
        "is_active": "on",
        "closed_on": "",
    }
    return {**data, **extra}


def test_admin_adds_through_the_service(admin_client, commune):
    response = admin_client.post(reverse("admin:staffing_company_add"), _data(commune))
    assert response.status_code == 302, response.content.decode()[:2000]
    company = Company.objects.get()
    assert company.history.count() == 1 and company.working_online == 10


def test_admin_refuses_at_the_field(admin_client, commune):
    make_company(commune, 4, name="Công ty Đã Có")
    response = admin_client.post(
        reverse("admin:staffing_company_add"), _data(commune, tax_code=tax_code(5), working_online="31")
    )
    errors = response.context["adminform"].form.errors
    assert "không thể nhiều hơn" in errors["working_online"][0]
    assert Company.objects.count() == 1
    response = admin_client.post(reverse("admin:staffing_company_add"), _data(commune))
    assert "Công ty Đã Có" in response.context["adminform"].form.errors["tax_code"][0]
    assert Company.objects.count() == 1
