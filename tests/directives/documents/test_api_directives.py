"""GET /api/v1/directives/: published documents only, with their references."""

import datetime

import pytest

from directives.documents import services
from directives.documents.constants import DocumentStatus, ReferenceRelation
from tests.directives.factories import ClauseFactory, DraftFactory
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_documents_with_references(client, office_user):
    city = DocumentFactory(number="1803/UBND-VX", issuer="Ủy ban nhân dân Thành phố Hồ Chí Minh")
    letter = DraftFactory(number="2629/UBND")
    services.reference_add(source=letter, target=city, relation=ReferenceRelation.IMPLEMENTS)
    services.document_publish(document=letter, user=office_user)
    DraftFactory(number="9999/UBND")

    response = client.get("/api/v1/directives/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    by_number = {d["number"]: d for d in body["results"]}
    assert set(by_number) == {"2629/UBND", "1803/UBND-VX"}
    item = by_number["2629/UBND"]
    assert {"number", "issuer", "issued_on", "subject", "kind", "references"} <= set(item)
    assert item["issued_on"] == "2021-06-04"
    assert item["references"] == [
        {"relation": "implements", "direction": "outgoing", "id": city.pk, "number": "1803/UBND-VX"}
    ]
    assert by_number["1803/UBND-VX"]["references"][0]["direction"] == "incoming"


def test_detail_has_clauses_and_drafts_are_404(client):
    document = DocumentFactory()
    ClauseFactory(document=document, number="3.1 a", text="Tiếp nhận trực tuyến")
    draft = DraftFactory()
    body = client.get(f"/api/v1/directives/{document.pk}/").json()
    assert body["clauses"] == [{"number": "3.1 a", "text": "Tiếp nhận trực tuyến"}]
    assert client.get(f"/api/v1/directives/{draft.pk}/").status_code == 404


def test_reference_to_a_draft_is_not_disclosed(client):
    public = DocumentFactory(status=DocumentStatus.PUBLISHED)
    draft = DraftFactory(number="7777/UBND")
    services.reference_add(source=draft, target=public, relation=ReferenceRelation.REFERS_TO)
    body = client.get(f"/api/v1/directives/{public.pk}/").json()
    assert body["references"] == []


def test_list_filters_by_kind_and_search(client):
    DocumentFactory(kind="decision", subject="Quyết định về danh mục", issued_on=datetime.date(2021, 6, 5))
    DocumentFactory(kind="official_letter", subject="Công văn khác")
    assert client.get("/api/v1/directives/?kind=decision").json()["count"] == 1
    assert client.get("/api/v1/directives/?search=danh mục").json()["count"] == 1
