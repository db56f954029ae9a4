"""The catalogue (page and GET /api/v1/procedures/) and the desk's dossier list filter through FilterSets:
a refused value is named at its field or parameter, the valid filters still apply."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ProcedureFactory
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.catalogue.constants import ProcedureLevel
from tthc.intake.constants import Channel

D = datetime.date
pytestmark = pytest.mark.django_db
INVALID_CHOICE = "Hãy chọn một lựa chọn hợp lệ."
INVALID_DATE = "Nhập một ngày hợp lệ."


@pytest.fixture
def catalogue():
    ProcedureFactory(code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch", online_level=3)
    ProcedureFactory(code="2.000884", name="Chứng thực chữ ký", field="Chứng thực", online_level=1)
    ProcedureFactory(code="1.009122", name="Cấp giấy phép xây dựng", field="Xây dựng", level="district")


def codes(response) -> list[str]:
    return [procedure.code for procedure in response.context["page_obj"]]


def test_catalogue_offers_only_the_fields_in_use(client, catalogue):
    ProcedureFactory(code="9.999999", field="Đã bãi bỏ", is_active=False)
    form = client.get(reverse("tthc:procedure-list")).context["form"]
    assert [value for value, _ in form.fields["field"].choices] == ["", "Chứng thực", "Hộ tịch", "Xây dựng"]


def test_catalogue_names_an_unknown_online_level_at_its_field(client, catalogue):
    response = client.get(
        reverse("tthc:procedure-list"), {"online_level": "9", "level": ProcedureLevel.DISTRICT}
    )
    assert response.status_code == 200
    assert INVALID_CHOICE in response.context["form"].errors["online_level"][0]
    assert 'class="form-select is-invalid"' in response.text
    assert codes(response) == ["1.009122"]


def test_api_refuses_unknown_levels_with_a_vietnamese_message_per_parameter(client, catalogue):
    response = client.get(reverse("api-procedure-list"), {"online_level": "9", "level": "bogus"})
    assert response.status_code == 400
    body = response.json()
    assert INVALID_CHOICE in body["online_level"][0] and INVALID_CHOICE in body["level"][0]


def test_api_field_is_matched_exactly(client, catalogue):
    url = reverse("api-procedure-list")
    assert [p["code"] for p in client.get(url, {"field": "Hộ tịch"}).json()["results"]] == ["1.001193"]
    assert client.get(url, {"field": "Hộ"}).json()["count"] == 0


def test_schema_documents_the_catalogue_filters(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/procedures/"]["get"]["parameters"]}
    assert {"search", "field", "level", "online_level", "page"} <= set(parameters)
    assert parameters["online_level"]["schema"]["enum"] == [1, 2, 3, 4]


@pytest.fixture
def district():
    return district_under_2629()


@pytest.fixture
def officer_client(client, district):
    client.force_login(district.officer)
    return client


def test_dossier_list_filters_by_channel(officer_client, district):
    postal = receive(district, channel=Channel.POSTAL)
    online = receive(district, channel=Channel.ONLINE)
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    listed = [d.code for d in officer_client.get(url, {"channel": Channel.POSTAL}).context["page_obj"]]
    assert postal.code in listed and online.code not in listed


def test_dossier_list_names_a_malformed_date_at_its_field_and_still_searches(officer_client, district):
    mine = receive(district, received_at=at(D(2021, 6, 7)), applicant_name="Người Cần Tìm")
    other = receive(district, received_at=at(D(2021, 6, 7)), applicant_name="Người Khác")
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    response = officer_client.get(url, {"received_from": "31/02/2021", "q": "Cần Tìm"})
    assert response.status_code == 200
    assert response.context["form"].errors["received_from"] == [INVALID_DATE]
    listed = [d.code for d in response.context["page_obj"]]
    assert mine.code in listed and other.code not in listed


def test_dossier_list_reads_dates_as_day_month_year(officer_client, district):
    early = receive(district, received_at=at(D(2021, 6, 1)))
    late = receive(district, received_at=at(D(2021, 6, 7)))
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    listed = [
        d.code
        for d in officer_client.get(url, {"status": "", "received_to": "01/06/2021"}).context["page_obj"]
    ]
    assert early.code in listed and late.code not in listed


def test_dossier_list_names_a_procedure_the_agency_does_not_handle(officer_client, district):
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    response = officer_client.get(url, {"procedure": district.business.pk})
    assert "procedure" in response.context["form"].errors
    assert "is-invalid" in response.text
