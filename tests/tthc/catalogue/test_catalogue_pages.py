"""The public catalogue: search, filters, detail; the office's menu entries."""

import datetime

import pytest
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import DocumentFactory, ProcedureFactory, urgent_list_published, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return [
        ProcedureFactory(code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch", online_level=3),
        ProcedureFactory(code="2.000884", name="Chứng thực chữ ký", field="Chứng thực", online_level=1),
        ProcedureFactory(
            code="1.009122", name="Cấp giấy phép xây dựng", field="Hoạt động xây dựng", level="district"
        ),
        ProcedureFactory(code="9.999999", name="Thủ tục đã bãi bỏ", is_active=False),
    ]


def names(response):
    return [p.name for p in response.context["page_obj"]]


def test_the_catalogue_is_public_and_hides_retired_procedures(client, catalogue):
    response = client.get(reverse("tthc:procedure-list"))
    assert response.status_code == 200
    assert "Thủ tục đã bãi bỏ" not in names(response)
    assert len(names(response)) == 3


def test_search_by_code_or_name(client, catalogue):
    assert names(client.get(reverse("tthc:procedure-list"), {"q": "2.000884"})) == ["Chứng thực chữ ký"]
    assert names(client.get(reverse("tthc:procedure-list"), {"q": "khai sinh"})) == ["Đăng ký khai sinh"]


def test_filters_by_field_level_and_online_level(client, catalogue):
    url = reverse("tthc:procedure-list")
    assert names(client.get(url, {"field": "Chứng thực"})) == ["Chứng thực chữ ký"]
    assert names(client.get(url, {"level": "district"})) == ["Cấp giấy phép xây dựng"]
    assert names(client.get(url, {"online_level": "1"})) == ["Chứng thực chữ ký"]


def test_the_detail_says_when_a_procedure_is_on_the_urgent_list(client, catalogue):
    urgent_list_published(
        procedures=[catalogue[0]], effective_from=datetime.date(2021, 6, 4), directive=DocumentFactory()
    )
    page = client.get(reverse("tthc:procedure-detail", args=["1.001193"])).content.decode()
    assert "Thuộc Danh mục thủ tục hành chính đặc biệt, cấp bách" in page
    assert client.get(reverse("tthc:procedure-detail", args=["9.999999"])).status_code == 404


def test_catalogue_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    for _ in range(25):
        ProcedureFactory()
    with django_assert_max_num_queries(6):
        client.get(reverse("tthc:procedure-list"))


def test_office_menu_has_catalogue_and_urgent_lists(office_client):
    page = office_client.get(reverse("home")).content.decode()
    assert reverse("tthc:urgent-list-index") in page
    assert reverse("tthc:procedure-list") in page


def test_agency_head_menu_has_no_urgent_list_entry(client, agency):
    client.force_login(user_with_role(Role.AGENCY_HEAD, agency))
    page = client.get(reverse("home")).content.decode()
    assert reverse("tthc:urgent-list-index") not in page
