"""The API of the register: the same service and scope as the pages."""

import pytest

from staffing.companies.models import Company

from .conftest import make_company, tax_code

pytestmark = pytest.mark.django_db


def test_list_and_create_a_communes_companies(chairman_client, commune):
    make_company(commune, 1, name="Công ty Có Sẵn")
    url = f"/api/v1/communes/{commune.pk}/companies/"
    body = chairman_client.get(url).json()
    assert [c["name"] for c in body["results"]] == ["Công ty Có Sẵn"]
    response = chairman_client.post(
        url,
        {"name": "Công ty Qua API", "tax_code": tax_code(2), "workforce": 20, "working_online": 5},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["online_percent"] == 25
    assert Company.objects.get(tax_code=tax_code(2)).commune == commune


def test_the_service_answers_at_the_field(chairman_client, commune):
    url = f"/api/v1/communes/{commune.pk}/companies/"
    wrong = tax_code(2)[:9] + str((int(tax_code(2)[9]) + 1) % 10)
    response = chairman_client.post(
        url,
        {"name": "X", "tax_code": wrong, "workforce": 2, "working_online": 5},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"tax_code", "working_online"}
    assert "chữ số kiểm tra" in response.json()["tax_code"][0].lower()
    assert not Company.objects.exists()


def test_patch_updates_only_what_is_sent(chairman_client, commune):
    company = make_company(commune, 1, workforce=100, working_online=10)
    response = chairman_client.patch(
        f"/api/v1/companies/{company.pk}/", {"working_online": 60}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    company.refresh_from_db()
    assert (company.workforce, company.working_online, company.history.count()) == (100, 60, 2)


def test_another_communes_register_is_a_404(client, commune, other_chairman):
    company = make_company(commune, 1)
    client.force_login(other_chairman)
    assert client.get(f"/api/v1/communes/{commune.pk}/companies/").status_code == 404
    assert client.get(f"/api/v1/companies/{company.pk}/").status_code == 404
    response = client.patch(
        f"/api/v1/companies/{company.pk}/", {"working_online": 0}, content_type="application/json"
    )
    assert response.status_code == 404
    response = client.post(
        f"/api/v1/communes/{commune.pk}/companies/",
        {"name": "Chen", "tax_code": tax_code(5)},
        content_type="application/json",
    )
    assert response.status_code == 404
    company.refresh_from_db()
    assert company.working_online == 25 and Company.objects.count() == 1
