"""The one-stop desk's pages: who sees which agency's dossiers, the intake form, detail, receipt, list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from staffing.registry.constants import AgencyKind, Role
from tests.factories import user_with_role
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.models import Dossier
from tthc.dossiers.services import dossier_transition
from tthc.intake.constants import Channel

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return district_under_2629()


@pytest.fixture
def officer_client(client, district):
    client.force_login(district.officer)
    return client


def form_data(district, **overrides):
    data = {
        "procedure": district.postal_refused.pk,
        "channel": Channel.IN_PERSON,
        "received_date": "07/06/2021",
        "received_time": "09:30",
        "applicant_name": "Lê Văn Thử",
        "applicant_id_number": "079190000002",
        "applicant_phone": "0912345678",
        "applicant_email": "",
        "applicant_address": "Ấp 2",
        "documents_received": "Tờ khai\nGiấy xác nhận",
        "result_delivery": "",
        "special_case_reason": "",
    }
    data.update(overrides)
    return data


def test_an_officer_of_agency_a_cannot_see_agency_b_dossiers(client, district):
    other = district_under_2629(commune_name="UBND xã Phước Hiệp", statistics_code="27529")
    theirs = receive(other)
    client.force_login(district.officer)
    for url in (
        reverse("tthc:dossier-list", args=[other.commune.pk]),
        reverse("tthc:dossier-receive", args=[other.commune.pk]),
        reverse("tthc:dossier-detail", args=[theirs.pk]),
        reverse("tthc:dossier-receipt", args=[theirs.pk]),
        reverse("tthc:dossier-free-postage", args=[other.commune.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("tthc:dossier-transition", args=[theirs.pk]), {"to_status": "processing"}
        ).status_code
        == 404
    )


def test_other_roles_get_404_and_the_office_reads_all(client, district, head):
    dossier = receive(district)
    client.force_login(head)
    assert client.get(reverse("tthc:dossier-detail", args=[dossier.pk])).status_code == 404
    # The head of another agency lands on that agency's own dossiers, never on this commune's.
    assert client.get(reverse("tthc:dossier-home"))["Location"] != reverse(
        "tthc:dossier-list", args=[district.commune.pk]
    )
    assert client.get(reverse("tthc:dossier-list", args=[district.commune.pk])).status_code == 404
    client.force_login(user_with_role(Role.DISTRICT_LEADERSHIP))
    page = client.get(reverse("tthc:dossier-detail", args=[dossier.pk])).content.decode()
    assert dossier.code in page
    assert "Chuyển sang" not in page  # leadership reads, does not act
    assert client.get(reverse("tthc:dossier-receive", args=[district.commune.pk])).status_code == 404


def test_the_desk_home_goes_straight_to_the_officers_agency(officer_client, district):
    response = officer_client.get(reverse("tthc:dossier-home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("tthc:dossier-list", args=[district.commune.pk])


def test_the_intake_form_refuses_an_off_list_in_person_intake_at_the_channel(officer_client, district):
    response = officer_client.post(
        reverse("tthc:dossier-receive", args=[district.commune.pk]), form_data(district)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["channel"]
    assert "không thuộc Danh mục" in errors["channel"][0]
    assert "bưu chính" not in errors["channel"][0].rsplit(":", 1)[-1]
    assert Dossier.objects.count() == 0


def test_the_intake_form_accepts_a_recorded_special_case(officer_client, district):
    response = officer_client.post(
        reverse("tthc:dossier-receive", args=[district.commune.pk]),
        form_data(district, special_case_reason="Người khuyết tật nặng, cần gấp"),
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tthc:dossier-receipt", args=[dossier.pk])
    assert dossier.received_at == at(D(2021, 6, 7), 9, 30)
    assert dossier.special_case_reason == "Người khuyết tật nặng, cần gấp"


def test_the_intake_form_shows_applicant_errors_at_their_fields(officer_client, district):
    response = officer_client.post(
        reverse("tthc:dossier-receive", args=[district.commune.pk]),
        form_data(district, procedure=district.birth.pk, applicant_id_number="123", applicant_phone="123"),
    )
    errors = response.context["form"].errors
    assert {"applicant_id_number", "applicant_phone"} <= set(errors)
    assert "9 hoặc 12 chữ số" in errors["applicant_id_number"][0]


def test_the_intake_form_lists_only_procedures_of_the_agency_kind(officer_client, district):
    form = officer_client.get(reverse("tthc:dossier-receive", args=[district.commune.pk])).context["form"]
    codes = {p.code for p in form.fields["procedure"].queryset}
    assert district.birth.code in codes
    assert district.business.code not in codes  # specialised offices only
    assert district.commune.kind == AgencyKind.COMMUNE_COMMITTEE


def test_the_channel_hint_names_the_open_channels(officer_client, district):
    url = reverse("tthc:dossier-channel-hint", args=[district.commune.pk])
    off_list = officer_client.get(
        url, {"procedure": district.postal_refused.pk, "received_date": "07/06/2021"}
    )
    page = off_list.content.decode()
    assert "chỉ khi ghi nhận trường hợp đặc biệt, cấp bách" in page
    assert "mức độ 2" in page
    on_list = officer_client.get(url, {"procedure": district.birth.pk, "received_date": "07/06/2021"})
    assert "Thuộc Danh mục" in on_list.content.decode()


def test_detail_shows_the_trail_and_the_next_steps(officer_client, district):
    dossier = receive(district)
    response = officer_client.post(
        reverse("tthc:dossier-transition", args=[dossier.pk]),
        {"to_status": DossierStatus.PROCESSING, "note": "Chuyển phòng"},
    )
    assert response.status_code == 302
    page = officer_client.get(reverse("tthc:dossier-detail", args=[dossier.pk])).content.decode()
    assert "Đang xử lý" in page and "Chuyển phòng" in page and district.officer.get_full_name() in page
    assert "Chuyển sang “Chờ bổ sung”" in page


def test_an_invalid_step_from_the_page_shows_the_reason(officer_client, district):
    dossier = receive(district)
    response = officer_client.post(
        reverse("tthc:dossier-transition", args=[dossier.pk]),
        {"to_status": DossierStatus.RETURNED},
        follow=True,
    )
    assert "không thể chuyển" in response.content.decode()


def test_the_receipt_carries_what_the_applicant_needs(officer_client, district):
    dossier = receive(district, channel=Channel.IN_PERSON, received_at=at(D(2021, 6, 7), 8, 15))
    page = officer_client.get(reverse("tthc:dossier-receipt", args=[dossier.pk])).content.decode()
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        dossier.code,
        "Đăng ký khai sinh",
        "Giấy chứng sinh",
        "07/06/2021",
        "qua dịch vụ bưu chính công ích",
        "miễn phí",
        district.officer.get_full_name(),
        "UBND XÃ PHƯỚC THẠNH",
        "Phước Thạnh, ngày 07 tháng 06 năm 2021",
        "@media print",
    ):
        assert text in page, text


def test_the_list_filters_and_marks_overdue(officer_client, district):
    old = receive(district, received_at=at(D(2021, 6, 1)), applicant_name="Người Quá Hạn")
    done = receive(district, received_at=at(D(2021, 6, 1)), applicant_name="Người Đã Trả")
    for to_status in (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED):
        done = dossier_transition(dossier=done, to_status=to_status, actor=district.officer)
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    overdue = officer_client.get(url, {"overdue": "on"}).content.decode()
    assert old.code in overdue and done.code not in overdue
    assert "Quá hạn" in overdue
    by_name = officer_client.get(url, {"q": "Đã Trả"}).content.decode()
    assert done.code in by_name and old.code not in by_name
    by_phone = officer_client.get(url, {"q": "0909 123"}).content.decode()
    assert old.code in by_phone
    by_date = officer_client.get(url, {"received_from": "02/06/2021"}).content.decode()
    assert old.code not in by_date


def test_the_list_queries_do_not_grow_with_rows(officer_client, district, django_assert_max_num_queries):
    for _ in range(3):
        receive(district)
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    officer_client.get(url)
    with django_assert_max_num_queries(14) as few:
        officer_client.get(url)
    for _ in range(20):
        receive(district)
    with django_assert_max_num_queries(len(few.captured_queries)):
        officer_client.get(url)


def test_the_office_page_counts_special_cases(office_client, district):
    receive(
        district, procedure=district.postal_refused, channel=Channel.IN_PERSON, special_case_reason="Cần gấp"
    )
    page = office_client.get(reverse("tthc:dossier-office")).content.decode()
    assert "Trường hợp đặc biệt" in page
    assert district.commune.name in page


def test_the_officer_home_panel_counts_overdue(officer_client, district):
    receive(district, received_at=at(D(2021, 6, 1)))
    page = officer_client.get(reverse("home")).content.decode()
    assert "Hồ sơ quá hạn" in page
    assert "?overdue=on" in page


def test_the_free_postage_ledger_sums_the_postage(officer_client, district, settings):
    settings.TTHC_FREE_POSTAGE_FLAT_RATE = 26000
    dossier = receive(district, channel=Channel.IN_PERSON)
    for to_status in (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED):
        dossier = dossier_transition(dossier=dossier, to_status=to_status, actor=district.officer)
    page = officer_client.get(
        reverse("tthc:dossier-free-postage", args=[district.commune.pk])
    ).content.decode()
    assert dossier.code in page
    assert "26.000" in page


def test_the_list_opens_on_open_dossiers_soonest_appointment_first(officer_client, district):
    late = receive(
        district,
        procedure=district.postal_refused,
        channel=Channel.IN_PERSON,
        special_case_reason="Cần gấp",
        received_at=at(D(2021, 6, 7)),
    )
    soon = receive(district, received_at=at(D(2021, 6, 8)))  # same day: due 08/06/2021
    done = receive(district, received_at=at(D(2021, 6, 9)))
    for to_status in (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED):
        done = dossier_transition(dossier=done, to_status=to_status, actor=district.officer)
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    response = officer_client.get(url)
    rows = [d.code for d in response.context["page_obj"]]
    assert rows == [soon.code, late.code]  # the returned one is not listed; the soonest appointment first
    assert late.due_date > soon.due_date
    page = response.content.decode()
    assert "Đang giải quyết: 2" in page and "Quá hạn: 2" in page
    every = officer_client.get(url, {"status": "", "sort": "received"}).context["page_obj"]
    assert [d.code for d in every] == [done.code, soon.code, late.code]


def test_the_list_shows_what_is_due_today(officer_client, district):
    dossier = receive(district, received_at=timezone.now())
    url = reverse("tthc:dossier-list", args=[district.commune.pk])
    page = officer_client.get(url).content.decode()
    assert "Đến hạn hôm nay: 1" in page
    due_today = officer_client.get(url, {"status": "open", "due_today": "on"}).context["page_obj"]
    assert [d.code for d in due_today] == [dossier.code]


def test_after_intake_the_officer_lands_on_the_receipt_with_print_and_next_intake(officer_client, district):
    response = officer_client.post(
        reverse("tthc:dossier-receive", args=[district.commune.pk]),
        form_data(district, procedure=district.birth.pk, channel=Channel.ONLINE),
        follow=True,
    )
    page = response.content.decode()
    dossier = Dossier.objects.get()
    assert response.redirect_chain[-1][0] == reverse("tthc:dossier-receipt", args=[dossier.pk])
    assert f"Đã tiếp nhận hồ sơ {dossier.code}" in page
    assert "window.print()" in page and "In giấy tiếp nhận" in page
    assert reverse("tthc:dossier-receive", args=[district.commune.pk]) in page


def test_the_district_office_reads_a_receipt_without_the_next_intake_button(office_client, district):
    dossier = receive(district)
    page = office_client.get(reverse("tthc:dossier-receipt", args=[dossier.pk])).content.decode()
    assert "In giấy tiếp nhận" in page
    assert reverse("tthc:dossier-receive", args=[district.commune.pk]) not in page


def test_the_intake_form_is_made_for_a_counter_tablet(officer_client, district):
    page = officer_client.get(reverse("tthc:dossier-receive", args=[district.commune.pk])).content.decode()
    assert 'class="btn-check' in page  # the channels are large buttons
    assert 'inputmode="numeric"' in page and 'inputmode="tel"' in page
    assert "autofocus" in page
    assert "js/tthc-intake.js" in page


def test_the_head_reads_the_agency_dossiers_but_only_the_desk_moves_them(client, district):
    dossier = receive(district, received_at=at(D(2021, 6, 1)))
    chairman = user_with_role(Role.COMMUNE_CHAIRMAN, district.commune, username="chutich-pt")
    client.force_login(chairman)
    assert client.get(reverse("tthc:dossier-home"))["Location"] == reverse(
        "tthc:dossier-list", args=[district.commune.pk]
    )
    listing = client.get(reverse("tthc:dossier-list", args=[district.commune.pk])).content.decode()
    assert dossier.code in listing and "Quá hạn: 1" in listing
    assert reverse("tthc:dossier-receive", args=[district.commune.pk]) not in listing
    detail = client.get(reverse("tthc:dossier-detail", args=[dossier.pk])).content.decode()
    assert "Chuyển sang" not in detail
    assert client.get(reverse("tthc:dossier-receive", args=[district.commune.pk])).status_code == 404
    step = client.post(reverse("tthc:dossier-transition", args=[dossier.pk]), {"to_status": "processing"})
    assert step.status_code == 404
    home = client.get(reverse("home")).content.decode()
    assert "Hồ sơ quá hạn" in home
