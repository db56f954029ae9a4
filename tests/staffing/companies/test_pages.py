"""The register's pages: scope (another commune's chairman gets 404), the form's messages at the field,
and the list's constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffing.companies.models import Company
from staffing.registry.constants import Role
from tests.factories import UserFactory, user_with_role

from .conftest import make_company, tax_code

pytestmark = pytest.mark.django_db


def test_chairman_sees_only_the_communes_companies(chairman_client, commune, other_commune):
    make_company(commune, 1, name="Công ty Của Xã Mình")
    make_company(other_commune, 2, name="Công ty Xã Khác")
    page = chairman_client.get(reverse("companies:list")).content.decode()
    assert "Công ty Của Xã Mình" in page
    assert "Công ty Xã Khác" not in page


def test_another_communes_company_is_a_404_for_a_chairman(client, commune, other_chairman):
    company = make_company(commune, 1)
    client.force_login(other_chairman)
    assert client.get(reverse("companies:detail", args=[company.pk])).status_code == 404
    assert client.get(reverse("companies:edit", args=[company.pk])).status_code == 404
    response = client.post(reverse("companies:edit", args=[company.pk]), {"name": "Đổi tên"})
    assert response.status_code == 404
    assert Company.objects.get().name == company.name


def test_a_user_with_no_commune_has_no_register(client, db):
    client.force_login(UserFactory(username="khong-xa"))
    assert client.get(reverse("companies:list")).status_code == 404


def test_one_stop_officer_reads_but_does_not_edit(client, commune):
    company = make_company(commune, 1)
    client.force_login(user_with_role(Role.ONE_STOP_OFFICER, commune, username="mot-cua"))
    assert client.get(reverse("companies:detail", args=[company.pk])).status_code == 200
    assert client.get(reverse("companies:edit", args=[company.pk])).status_code == 404
    assert client.get(reverse("companies:create")).status_code == 404


def test_district_leadership_sees_every_commune_and_filters_by_commune(client, commune, other_commune):
    make_company(commune, 1, name="Công ty Phước Thạnh")
    make_company(other_commune, 2, name="Công ty Bình Mỹ")
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP, username="lanh-dao"))
    page = client.get(reverse("companies:list")).content.decode()
    assert "Công ty Phước Thạnh" in page and "Công ty Bình Mỹ" in page
    page = client.get(reverse("companies:list"), {"commune": other_commune.pk}).content.decode()
    assert "Công ty Bình Mỹ" in page and "Công ty Phước Thạnh" not in page


def test_filters_by_sector_status_and_tax_code(chairman_client, commune):
    make_company(commune, 1, name="Công ty Sản Xuất", sector="manufacturing")
    make_company(commune, 2, name="Công ty Thương Mại", sector="trade")
    url = reverse("companies:list")
    page = chairman_client.get(url, {"sector": "trade"}).content.decode()
    assert "Công ty Thương Mại" in page and "Công ty Sản Xuất" not in page
    code = tax_code(1)
    page = chairman_client.get(url, {"q": f"{code[:4]} {code[4:7]}.{code[7:9]}"}).content.decode()
    assert "Công ty Sản Xuất" in page and "Công ty Thương Mại" not in page
    page = chairman_client.get(url, {"status": "closed"}).content.decode()
    assert "Công ty Sản Xuất" not in page


def test_create_through_the_form_and_errors_at_the_field(chairman_client, commune):
    url = reverse("companies:create")
    data = {
        "name": "Công ty TNHH Mới",
        "tax_code": tax_code(7),
        "sector": "services",
        "workforce": "10",
        "working_online": "12",
        "status": "active",
    }
    response = chairman_client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "working_online" in form.errors
    assert not Company.objects.exists()
    data["tax_code"] = tax_code(7)[:9] + str((int(tax_code(7)[9]) + 1) % 10)
    data["working_online"] = "4"
    response = chairman_client.post(url, data)
    assert "tax_code" in response.context["form"].errors
    data["tax_code"] = tax_code(7)
    response = chairman_client.post(url, data)
    company = Company.objects.get()
    assert response.status_code == 302
    assert company.commune == commune and company.working_online == 4


def test_edit_closes_a_company_with_its_date(chairman_client, commune):
    company = make_company(commune, 1)
    data = {
        "name": company.name,
        "tax_code": company.tax_code,
        "sector": company.sector,
        "workforce": "100",
        "working_online": "25",
        "status": "closed",
        "closed_on": "",
    }
    response = chairman_client.post(reverse("companies:edit", args=[company.pk]), data)
    assert "closed_on" in response.context["form"].errors
    data["closed_on"] = "15/06/2021"
    response = chairman_client.post(reverse("companies:edit", args=[company.pk]), data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert not company.is_active and company.closed_on.strftime("%d/%m/%Y") == "15/06/2021"


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("companies:list"))
    assert response.status_code == 200
    return len(queries)


def test_the_register_page_reads_a_constant_number_of_queries(chairman_client, commune):
    for serial in range(10):
        make_company(commune, serial)
    ten = _list_queries(chairman_client)
    for serial in range(10, 60):
        make_company(commune, serial)
    sixty = _list_queries(chairman_client)
    assert ten == sixty
    page = chairman_client.get(reverse("companies:list")).content.decode()
    assert page.count('href="/staffing/companies/') >= 50


def test_the_chairman_home_shows_companies_and_share_online(chairman_client, commune):
    make_company(commune, 1, workforce=100, working_online=25)
    make_company(commune, 2, workforce=100, working_online=75)
    page = chairman_client.get(reverse("home")).content.decode()
    assert "UBND xã Phước Thạnh" in page
    assert "(50%)" in page
