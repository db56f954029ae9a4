"""The office follows one obligation across agencies: each agency's acknowledgement and evidence, reached
from the matrix; it may waive an agency or close the follow-up, and heads then see it as no longer required."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from directives.obligations import services
from directives.obligations.constants import ObligationState
from directives.obligations.models import AgencyObligation
from staffing.registry.constants import Role
from tests.directives.factories import PDF_BYTES, ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 6, 7)


@pytest.fixture
def obligation(db):
    clause = ClauseFactory(document__number="2629/UBND", document__issued_on=datetime.date(2021, 6, 4))
    return ObligationFactory(clause=clause, title="Quán triệt mục đích làm việc tại nhà", due_on=TODAY)


@pytest.fixture
def answered(obligation, agency, head):
    return services.obligation_acknowledge(
        obligation=obligation,
        agency=agency,
        user=head,
        acknowledged_on=TODAY,
        method="meeting",
        evidence_text="Biên bản họp quán triệt số 12/BB-TP",
        evidence_file=SimpleUploadedFile("bien-ban.pdf", PDF_BYTES, content_type="application/pdf"),
    )


def _url(obligation):
    return f"/directives/obligations/{obligation.pk}/"


def test_matrix_cells_and_headers_open_the_follow_up_page(office_client, obligation, agency):
    page = office_client.get("/directives/obligations/matrix/").text
    assert f'href="{_url(obligation)}"' in page
    assert f'href="{_url(obligation)}#agency-{agency.pk}"' in page


def test_office_reads_each_agency_evidence_text_and_file(office_client, obligation, agency, answered):
    other = AgencyFactory(name="Phòng Y tế")
    page = office_client.get(_url(obligation)).text
    assert "Biên bản họp quán triệt số 12/BB-TP" in page
    assert f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/evidence/" in page
    assert f'id="agency-{other.pk}"' in page and "Chưa quán triệt" in page
    download = office_client.get(f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/evidence/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_follow_up_filters_by_status(office_client, obligation, agency, head, answered):
    services.obligation_mark_done(obligation=obligation, agency=agency, user=head)
    AgencyFactory(name="Phòng Y tế")
    for state, names in (
        ("overdue", ["Phòng Y tế"]),
        ("done", ["Phòng Tư pháp"]),
        ("", ["Phòng Tư pháp", "Phòng Y tế"]),
    ):
        response = office_client.get(f"{_url(obligation)}?state={state}")
        assert [cell.agency.name for cell in response.context["cells"]] == names


def test_leadership_reads_the_follow_up_but_cannot_waive_or_close(obligation, agency):
    client = Client()
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP, username="lanhdao"))
    page = client.get(_url(obligation))
    assert page.status_code == 200 and "Miễn cho cơ quan này" not in page.text
    assert client.post(f"{_url(obligation)}close/", {"close-reason": "x"}).status_code == 404
    assert client.post(f"{_url(obligation)}waive/{agency.pk}/", {"waive-reason": "x"}).status_code == 404


def test_heads_and_staff_cannot_open_the_follow_up(head_client, obligation):
    assert head_client.get(_url(obligation)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, obligation):
    response = client.get(_url(obligation))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_office_waives_an_agency_with_a_reason_and_can_cancel_it(office_client, obligation, agency):
    response = office_client.post(f"{_url(obligation)}waive/{agency.pk}/", {"waive-reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    response = office_client.post(
        f"{_url(obligation)}waive/{agency.pk}/", {"waive-reason": "Đơn vị đã sáp nhập."}
    )
    assert response.url == f"{_url(obligation)}#agency-{agency.pk}"
    cell = office_client.get(_url(obligation)).context["cells"][0]
    assert cell.state == ObligationState.CLOSED and "Đơn vị đã sáp nhập." in cell.reason
    office_client.post(f"{_url(obligation)}waive/{agency.pk}/cancel/")
    assert office_client.get(_url(obligation)).context["cells"][0].state != ObligationState.CLOSED


def test_closed_obligation_is_no_longer_required_and_the_head_cannot_answer_it(
    office_client, office_user, obligation, agency, head
):
    response = office_client.post(f"{_url(obligation)}close/", {"close-reason": "Đã kiểm tra tại chỗ."})
    assert response.status_code == 302
    head_client = Client()
    head_client.force_login(head)
    page = head_client.get(f"/directives/obligations/agency/{agency.pk}/").text
    assert "Không còn yêu cầu" in page and "Đã kiểm tra tại chỗ." in page
    assert f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/" not in page
    form = head_client.get(f"/directives/obligations/agency/{agency.pk}/{obligation.pk}/")
    assert "Đã kiểm tra tại chỗ." in form.text and 'enctype="multipart/form-data"' not in form.text
    with pytest.raises(ValidationError) as refused:
        services.obligation_acknowledge(
            obligation=obligation,
            agency=agency,
            user=head,
            acknowledged_on=TODAY,
            method="meeting",
            evidence_text="Biên bản",
        )
    assert refused.value.code == "not_required"
    assert not AgencyObligation.objects.filter(acknowledged_on__isnull=False).exists()


def test_a_done_obligation_cannot_be_waived(office_user, obligation, agency, head, answered):
    services.obligation_mark_done(obligation=obligation, agency=agency, user=head)
    with pytest.raises(ValidationError) as refused:
        services.obligation_waive(obligation=obligation, agency=agency, user=office_user, reason="Lý do")
    assert refused.value.code == "already_done"


def test_follow_up_queries_do_not_grow_with_agencies(
    office_client, obligation, django_assert_max_num_queries
):
    AgencyFactory.create_batch(3)
    with django_assert_max_num_queries(15) as few:
        assert office_client.get(_url(obligation)).status_code == 200
    for agency in AgencyFactory.create_batch(30):
        head = user_with_role(Role.AGENCY_HEAD, agency)
        services.obligation_acknowledge(
            obligation=obligation,
            agency=agency,
            user=head,
            acknowledged_on=TODAY,
            method="written",
            evidence_text="Công văn phổ biến",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = office_client.get(_url(obligation))
    assert len(response.context["cells"]) == 33
