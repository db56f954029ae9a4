"""Obligations: each head answers for their own agency only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from directives.documents.constants import DocumentStatus
from directives.obligations import services
from directives.obligations.models import AgencyObligation
from staffing.registry.constants import AgencyKind, Role
from tests.directives.factories import PDF_BYTES, PNG_BYTES, ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def obligation(db):
    return ObligationFactory(clause=ClauseFactory(document__issued_on=datetime.date(2021, 6, 4)))


def _acknowledge_data(**extra):
    data = {"acknowledged_on": "07/06/2021", "method": "meeting", "evidence_text": "Biên bản họp số 12"}
    data.update(extra)
    return data


def test_head_acknowledges_and_marks_done_for_own_agency(head_client, head, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    assert head_client.post(url, _acknowledge_data()).status_code == 302
    status = AgencyObligation.objects.get(obligation=obligation, agency=agency)
    assert status.acknowledged_on == datetime.date(2021, 6, 7)
    assert status.acknowledged_by == head
    assert head_client.post(url + "done/", {"note": "Đã đăng tải"}).status_code == 302
    status.refresh_from_db()
    assert status.done_at is not None and status.done_by == head
    page = head_client.get(f"/directives/obligations/agency/{agency.pk}/")
    assert "Đã hoàn thành" in page.text


def test_head_cannot_acknowledge_for_another_agency(head_client, other_agency, obligation):
    url = f"/directives/obligations/agency/{other_agency.pk}/{obligation.pk}/"
    assert head_client.get(url).status_code == 404
    assert head_client.post(url, _acknowledge_data()).status_code == 404
    assert head_client.post(url + "done/").status_code == 404
    assert head_client.get(f"/directives/obligations/agency/{other_agency.pk}/").status_code == 404
    assert not AgencyObligation.objects.exists()


def test_service_refuses_a_head_acting_for_another_agency(head, other_agency, obligation):
    with pytest.raises(PermissionDenied):
        services.obligation_acknowledge(
            obligation=obligation,
            agency=other_agency,
            user=head,
            acknowledged_on=datetime.date(2021, 6, 7),
            method="meeting",
            evidence_text="x",
        )


def test_office_cannot_acknowledge_in_a_heads_place(office_client, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    assert office_client.post(url, _acknowledge_data()).status_code == 404
    assert office_client.get(f"/directives/obligations/agency/{agency.pk}/").status_code == 200


def test_obligation_not_addressed_to_the_agency_is_404(head_client, agency):
    commune_only = ObligationFactory(agency_kinds=[AgencyKind.COMMUNE_COMMITTEE])
    url = f"/directives/obligations/agency/{agency.pk}/{commune_only.pk}/"
    assert head_client.get(url).status_code == 404


def test_obligation_of_a_draft_is_not_shown(head_client, agency):
    draft_obligation = ObligationFactory(clause__document__status=DocumentStatus.DRAFT)
    page = head_client.get(f"/directives/obligations/agency/{agency.pk}/")
    assert draft_obligation.title not in page.text


def test_acknowledgement_needs_evidence_and_a_date_not_in_the_future(head_client, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    response = head_client.post(url, _acknowledge_data(evidence_text=""))
    assert "evidence_text" in response.context["form"].errors
    response = head_client.post(url, _acknowledge_data(acknowledged_on="01/01/2099"))
    assert "acknowledged_on" in response.context["form"].errors
    assert not AgencyObligation.objects.exists()


def test_evidence_file_must_be_pdf_or_image_by_content(head_client, agency, obligation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    fake = SimpleUploadedFile("anh.png", b"GIF89a....", content_type="image/png")
    response = head_client.post(url, _acknowledge_data(evidence_text="", evidence_file=fake))
    assert "PDF, PNG" in " ".join(response.context["form"].errors["evidence_file"])
    png = SimpleUploadedFile("anh.png", PNG_BYTES, content_type="image/png")
    assert head_client.post(url, _acknowledge_data(evidence_text="", evidence_file=png)).status_code == 302
    assert head_client.get(url + "evidence/").status_code == 200


def test_oversized_evidence_is_refused(head_client, agency, obligation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DIRECTIVE_ATTACHMENT_MAX_BYTES = 100
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    big = SimpleUploadedFile("bien-ban.pdf", PDF_BYTES + b"0" * 500, content_type="application/pdf")
    response = head_client.post(url, _acknowledge_data(evidence_file=big))
    assert "lớn nhất" in " ".join(response.context["form"].errors["evidence_file"])


def test_cannot_mark_done_before_acknowledging(head, agency, obligation):
    with pytest.raises(ValidationError) as exc:
        services.obligation_mark_done(obligation=obligation, agency=agency, user=head)
    assert exc.value.code == "not_acknowledged"


def test_commune_chairman_answers_an_obligation_addressed_to_communes():
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    chairman = user_with_role(Role.COMMUNE_CHAIRMAN, commune)
    obligation = ObligationFactory(agency_kinds=[AgencyKind.COMMUNE_COMMITTEE])
    status = services.obligation_acknowledge(
        obligation=obligation,
        agency=commune,
        user=chairman,
        acknowledged_on=datetime.date(2021, 6, 7),
        method="written",
        evidence_text="Văn bản gửi doanh nghiệp",
    )
    assert status.acknowledged_by == chairman


def test_obligation_create_validates_due_date_and_title(office_user):
    clause = ClauseFactory(document__issued_on=datetime.date(2021, 6, 4))
    with pytest.raises(ValidationError) as exc:
        services.obligation_create(
            clause=clause, user=office_user, title="Báo cáo", due_on=datetime.date(2021, 6, 1)
        )
    assert "due_on" in exc.value.error_dict
    services.obligation_create(
        clause=clause, user=office_user, title="Báo cáo", due_on=datetime.date(2021, 6, 9)
    )
    with pytest.raises(ValidationError) as exc:
        services.obligation_create(
            clause=clause, user=office_user, title="báo cáo", due_on=datetime.date(2021, 6, 9)
        )
    assert "title" in exc.value.error_dict


def test_office_adds_an_obligation_in_the_web_form(office_client):
    clause = ClauseFactory(document__issued_on=datetime.date(2021, 6, 4), number="5")
    response = office_client.post(
        f"/directives/register/{clause.document_id}/obligations/new/",
        {
            "clause": clause.pk,
            "title": "Rà soát doanh nghiệp",
            "due_on": "15/06/2021",
            "agency_kinds": [AgencyKind.COMMUNE_COMMITTEE, AgencyKind.TOWNSHIP_COMMITTEE],
        },
    )
    assert response.status_code == 302
    obligation = clause.obligations.get()
    assert obligation.agency_kinds == [AgencyKind.COMMUNE_COMMITTEE, AgencyKind.TOWNSHIP_COMMITTEE]


def test_head_reports_the_day_the_obligation_was_done(head_client, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    head_client.post(url, _acknowledge_data())
    assert head_client.post(url + "done/", {"done_on": "09/06/2021", "note": "Đã rà soát"}).status_code == 302
    status = AgencyObligation.objects.get(obligation=obligation, agency=agency)
    assert status.done_on == datetime.date(2021, 6, 9)
    assert (
        "Hoàn thành ngày 09/06/2021" in head_client.get(f"/directives/obligations/agency/{agency.pk}/").text
    )


def test_a_done_day_before_the_dissemination_is_refused_at_its_field_keeping_the_note(
    head_client, agency, obligation
):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    head_client.post(url, _acknowledge_data())
    response = head_client.post(url + "done/", {"done_on": "05/06/2021", "note": "Đã rà soát 12 phòng"})
    assert response.status_code == 200
    assert "07/06/2021" in " ".join(response.context["done_form"].errors["done_on"])
    assert "Đã rà soát 12 phòng" in response.text
    assert not AgencyObligation.objects.filter(done_at__isnull=False).exists()


def test_a_done_day_in_the_future_is_refused(head_client, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    head_client.post(url, _acknowledge_data())
    response = head_client.post(url + "done/", {"done_on": "01/01/2999"})
    assert response.context["done_form"].errors["done_on"]


def test_acknowledgement_errors_keep_what_the_head_typed(head_client, agency, obligation):
    url = f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/"
    response = head_client.post(
        url, _acknowledge_data(acknowledged_on="01/06/2021", evidence_text="Biên bản số 7")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["acknowledged_on"]
    assert "Biên bản số 7" in response.text


def test_agency_obligations_page_queries_do_not_grow_with_obligations(
    head_client, agency, django_assert_max_num_queries
):
    clause = ClauseFactory(document__issued_on=datetime.date(2021, 6, 4))
    ObligationFactory.create_batch(2, clause=clause)
    url = f"/directives/obligations/agency/{agency.pk}/"
    with django_assert_max_num_queries(20) as few:
        assert head_client.get(url).status_code == 200
    ObligationFactory.create_batch(20, clause=clause)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = head_client.get(url)
    assert len(response.context["rows"]) == 22
