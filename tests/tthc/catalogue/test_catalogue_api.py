"""Public API of the catalogue and of the urgent list in force (no login)."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, ProcedureFactory, urgent_list_published

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def lists():
    birth = ProcedureFactory(code="1.001193", name="Đăng ký khai sinh")
    marriage = ProcedureFactory(code="1.000894", name="Đăng ký kết hôn")
    letter = DocumentFactory(number="2629/UBND", issuer="Ủy ban nhân dân huyện")
    urgent_list_published(
        procedures=[birth, marriage],
        effective_from=D(2021, 6, 4),
        directive=letter,
        conditions={"1.000894": "X"},
    )
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 15), directive=letter)


def test_procedures_are_listed_paginated_without_login(client):
    for _ in range(3):
        ProcedureFactory()
    ProcedureFactory(is_active=False)
    data = client.get(reverse("api-procedure-list")).json()
    assert data["count"] == 3
    assert {"code", "name", "field", "level", "online_level", "processing_time_unit"} <= set(
        data["results"][0]
    )


def test_procedures_can_be_searched_and_filtered(client):
    ProcedureFactory(code="1.001193", name="Đăng ký khai sinh", online_level=3)
    ProcedureFactory(code="2.000884", name="Chứng thực chữ ký", online_level=1)
    url = reverse("api-procedure-list")
    assert [p["code"] for p in client.get(url, {"search": "chữ ký"}).json()["results"]] == ["2.000884"]
    assert [p["code"] for p in client.get(url, {"online_level": 3}).json()["results"]] == ["1.001193"]


def test_urgent_list_of_a_day(client, lists):
    data = client.get(reverse("api-urgent-list"), {"date": "2021-06-10"}).json()
    assert data["version"] == 1
    assert data["effective_from"] == "2021-06-04"
    assert (
        data["directive"]["number"] == "2629/UBND" and data["directive"]["issuer"] == "Ủy ban nhân dân huyện"
    )
    assert [(i["code"], i["name"], i["conditions"]) for i in data["items"]] == [
        ("1.000894", "Đăng ký kết hôn", "X"),
        ("1.001193", "Đăng ký khai sinh", ""),
    ]


def test_a_later_version_replaces_it_from_its_date(client, lists):
    data = client.get(reverse("api-urgent-list"), {"date": "2021-06-15"}).json()
    assert data["version"] == 2 and [i["code"] for i in data["items"]] == ["1.001193"]


def test_no_list_in_force_is_a_404_with_a_message(client, lists):
    response = client.get(reverse("api-urgent-list"), {"date": "2021-06-03"})
    assert response.status_code == 404
    assert "2021-06-03" in response.json()["detail"]


@pytest.mark.parametrize("raw", ["03/06/2021", "2021-02-30", "yesterday"])
def test_a_malformed_date_is_a_400(client, raw):
    assert client.get(reverse("api-urgent-list"), {"date": raw}).status_code == 400


def test_the_schema_documents_the_endpoints(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    paths = schema["paths"]
    assert "/api/v1/procedures/" in paths
    assert "/api/v1/urgent-list/" in paths
    assert "/api/v1/agencies/{id}/intake/" in paths


def test_the_schema_describes_each_channel_of_the_intake_arrangements(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    channels = schema["components"]["schemas"]["IntakeArrangements"]["properties"]["channels"]
    assert channels["items"]["$ref"].endswith("/Channel")
    assert "restricted_to_urgent_list" in schema["components"]["schemas"]["Channel"]["properties"]
