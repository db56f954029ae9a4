"""The public status look-up: code plus the applicant's phone; a wrong pair reveals nothing; throttled."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from staffing.toolkit.throttles import PublicLookupThrottle
from tests.tthc.dossiers.factories import district_under_2629, receive

pytestmark = pytest.mark.django_db
NOT_FOUND = "Không tìm thấy hồ sơ với mã hồ sơ và số điện thoại này"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def dossier():
    return receive(district_under_2629())


def lookup(client, code, phone, **extra):
    return client.post(reverse("tthc:dossier-lookup"), {"code": code, "phone": phone}, **extra)


def test_the_right_pair_shows_status_due_date_and_delivery(client, dossier):
    response = lookup(client, dossier.code, "+84 909 123 456")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đã tiếp nhận" in page
    assert dossier.due_date.strftime("%d/%m/%Y") in page
    assert "Bưu chính công ích" in page
    assert response["Cache-Control"] == "no-store"


def test_a_wrong_phone_and_a_missing_code_give_the_same_answer(client, dossier):
    wrong_phone = lookup(client, dossier.code, "0911111111")
    missing_code = lookup(client, "27526-210607-9999", "0909123456")
    for response in (wrong_phone, missing_code):
        page = response.content.decode()
        assert response.status_code == 200
        assert NOT_FOUND in page
        assert dossier.applicant_name not in page
        assert dossier.procedure.name not in page
        assert "Đã tiếp nhận" not in page


def test_the_page_is_throttled_per_client(client, dossier, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "3/min"})
    codes = [lookup(client, dossier.code, "0900000000").status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    blocked = lookup(client, dossier.code, "0909123456")
    assert blocked.status_code == 429
    assert dossier.applicant_name not in blocked.content.decode()
    other_client = lookup(client, dossier.code, "0909123456", REMOTE_ADDR="10.0.0.2")
    assert other_client.status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, dossier, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "2/min"})
    codes = [
        lookup(client, dossier.code, "0900000000", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_the_api_is_throttled_with_the_same_counter(client, dossier, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "2/min"})
    lookup(client, dossier.code, "0900000000")
    url = reverse("api-dossier-status", args=[dossier.code])
    assert client.get(url, {"phone": "0900000000"}).status_code == 404
    assert client.get(url, {"phone": "0909123456"}).status_code == 429


def test_the_api_answers_the_right_pair(client, dossier):
    url = reverse("api-dossier-status", args=[dossier.code])
    response = client.get(url, {"phone": "0909.123.456"})
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == dossier.code
    assert body["status"] == "received"
    assert body["due_date"] == dossier.due_date.isoformat()
    assert body["result_delivery"] == "postal"
    assert "applicant_name" not in body


def test_the_api_leaks_nothing_on_a_wrong_pair(client, dossier):
    wrong_phone = client.get(reverse("api-dossier-status", args=[dossier.code]), {"phone": "0911111111"})
    missing = client.get(reverse("api-dossier-status", args=["CQ1-210607-0001"]), {"phone": "0909123456"})
    assert wrong_phone.status_code == missing.status_code == 404
    assert wrong_phone.json() == missing.json()


def test_the_answer_says_in_plain_words_what_happens_next(client, dossier):
    page = lookup(client, dossier.code, "0909123456").content.decode()
    assert "Hồ sơ của ông/bà đã được tiếp nhận và đang chờ giải quyết." in page
    assert "Gửi qua Bưu chính công ích đến địa chỉ ông/bà đã khai" in page
    assert "Đã quá ngày hẹn trả kết quả" in page  # received in June 2021, still open today
    assert reverse("tthc:public-agency-arrangements", args=[dossier.agency_id]) in page
    assert dossier.applicant_id_number not in page and dossier.applicant_address not in page


def test_the_form_asks_for_a_phone_keyboard(client):
    page = client.get(reverse("tthc:dossier-lookup")).content.decode()
    assert 'inputmode="tel"' in page
    assert "ví dụ 27526-210607-0001" in page
