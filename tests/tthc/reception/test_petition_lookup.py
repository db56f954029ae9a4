"""The petition look-up follows the dossier look-up's rules: code plus the filer's phone, one answer for any
wrong pair, one allowance of tries per client shared with the dossier look-up."""

import datetime

import pytest
from django.urls import reverse

from staffing.toolkit.throttles import PublicLookupThrottle
from tests.tthc.reception.factories import at, commune_with_reception, file
from tthc.reception.services import petition_answer

pytestmark = pytest.mark.django_db
NOT_FOUND = "Không tìm thấy kiến nghị với mã kiến nghị và số điện thoại này"


@pytest.fixture
def petition():
    commune = commune_with_reception()
    return file(
        commune.agency, filed_at=at(datetime.date(2021, 6, 7)), content="Nội dung riêng tư của người gửi."
    )


def lookup(client, code, phone, **extra):
    return client.post(reverse("tthc:petition-lookup"), {"code": code, "phone": phone}, **extra)


def test_the_right_pair_shows_status_due_date_and_the_answer(client, petition):
    response = lookup(client, petition.code.lower(), "+84 909 123 456")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đã tiếp nhận" in page
    assert petition.due_date.strftime("%d/%m/%Y") in page
    assert response["Cache-Control"] == "no-store"
    petition_answer(petition=petition, actor=petition_user(petition), answer="Xã đã sửa đèn ngày 10/06/2021.")
    answered = lookup(client, petition.code, "0909123456").content.decode()
    assert "Xã đã sửa đèn ngày 10/06/2021." in answered


def petition_user(petition):
    from staffing.registry.constants import Role
    from tests.factories import user_with_role

    return user_with_role(Role.AGENCY_HEAD, petition.agency)


def test_a_wrong_phone_and_a_missing_code_give_the_same_answer(client, petition):
    wrong_phone = lookup(client, petition.code, "0911111111")
    missing_code = lookup(client, "KN-27526-210607-9999", "0909123456")
    bodies = []
    for response in (wrong_phone, missing_code):
        page = response.content.decode()
        assert response.status_code == 200
        assert NOT_FOUND in page
        assert petition.filer_name not in page and petition.content not in page
        assert "Đã tiếp nhận" not in page
        bodies.append(page.split("<main", 1)[1].split("csrfmiddlewaretoken", 1)[0])
    assert wrong_phone.context["not_found"] and missing_code.context["not_found"]


def test_the_api_gives_one_404_for_a_wrong_phone_and_a_missing_code(client, petition):
    wrong = client.get(reverse("api-petition-status", args=[petition.code]), {"phone": "0911111111"})
    missing = client.get(reverse("api-petition-status", args=["KN-0-0-0"]), {"phone": "0909123456"})
    assert wrong.status_code == missing.status_code == 404
    assert wrong.json() == missing.json()
    right = client.get(reverse("api-petition-status", args=[petition.code]), {"phone": "0909123456"})
    assert right.status_code == 200 and right.json()["status"] == "received"
    assert "filer_name" not in right.json() and "phone" not in right.json()


def test_the_look_up_is_throttled_per_client_with_the_dossier_look_up(client, petition, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "3/min"})
    client.post(reverse("tthc:dossier-lookup"), {"code": "27526-210607-0001", "phone": "0900000000"})
    codes = [lookup(client, petition.code, "0900000000").status_code for _ in range(2)]
    assert codes == [200, 200]
    blocked = lookup(client, petition.code, "0909123456")
    assert blocked.status_code == 429
    assert petition.content not in blocked.content.decode()
    api = client.get(reverse("api-petition-status", args=[petition.code]), {"phone": "0909123456"})
    assert api.status_code == 429
    assert lookup(client, petition.code, "0909123456", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, petition, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "2/min"})
    codes = [
        lookup(client, petition.code, "0900000000", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
