"""The public list, the register and GET /api/v1/directives/ filter through FilterSets: a refused value is
named at its field or parameter, and the public list never reaches a draft whatever is asked."""

import pytest

from directives.documents.constants import DocumentKind, DocumentStatus
from tests.directives.factories import DraftFactory
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db
INVALID_CHOICE = "Hãy chọn một lựa chọn hợp lệ."


@pytest.fixture
def documents():
    return {
        "letter": DocumentFactory(number="2629/UBND", subject="Thay đổi phương thức làm việc"),
        "decision": DocumentFactory(number="55/QĐ-UBND", kind=DocumentKind.DECISION, subject="Danh mục"),
        "draft": DraftFactory(number="77/UBND", subject="Thay đổi phương thức làm việc (dự thảo)"),
    }


def numbers(response) -> list[str]:
    return [document.number for document in response.context["page_obj"]]


def test_public_list_ignores_a_status_and_never_shows_a_draft(client, documents):
    assert numbers(client.get("/directives/", {"status": DocumentStatus.DRAFT, "q": "Thay đổi"})) == [
        "2629/UBND"
    ]


def test_public_list_names_an_unknown_kind_at_the_kind_field(client, documents):
    response = client.get("/directives/", {"kind": "bogus", "q": "Danh mục"})
    assert response.status_code == 200
    assert INVALID_CHOICE in response.context["form"].errors["kind"][0]
    assert 'class="form-select is-invalid"' in response.text
    assert numbers(response) == ["55/QĐ-UBND"]


def test_register_lists_the_drafts_by_status(office_client, documents):
    assert numbers(office_client.get("/directives/register/", {"status": DocumentStatus.DRAFT})) == [
        "77/UBND"
    ]


def test_register_names_an_unknown_status_at_the_status_field(office_client, documents):
    response = office_client.get("/directives/register/", {"status": "bogus"})
    assert INVALID_CHOICE in response.context["form"].errors["status"][0]
    assert f'<div class="invalid-feedback">{INVALID_CHOICE}' in response.text


def test_api_refuses_an_unknown_kind_with_a_vietnamese_message_for_that_parameter(client, documents):
    response = client.get("/api/v1/directives/", {"kind": "bogus"})
    assert response.status_code == 400
    assert INVALID_CHOICE in response.json()["kind"][0]


def test_api_filters_narrow_the_list_but_not_one_directive(client, documents):
    letter = documents["letter"]
    assert client.get("/api/v1/directives/", {"kind": DocumentKind.PLAN}).json()["count"] == 0
    assert client.get(f"/api/v1/directives/{letter.pk}/", {"kind": DocumentKind.PLAN}).status_code == 200


def test_schema_documents_the_search_and_kind_parameters(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/directives/"]["get"]["parameters"]}
    assert {"search", "kind", "page"} <= set(parameters)
    assert set(parameters["kind"]["schema"]["enum"]) == set(DocumentKind.values)
