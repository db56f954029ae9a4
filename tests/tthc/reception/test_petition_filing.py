"""A citizen files a petition online without an account: checked phone, bounded content, an attachment
checked by its content and size, a unique code, a due date in working days, a receipt only for the filer."""

import datetime
import re
import threading

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse

from staffing.toolkit.throttles import PublicFilingThrottle
from tests.directives.factories import PDF_BYTES, PNG_BYTES
from tests.factories import CalendarDayFactory
from tests.tthc.reception.factories import at, commune_with_reception, file
from tthc.reception.constants import PetitionStatus
from tthc.reception.models import Petition, PetitionEvent
from tthc.reception.services import petition_settings_set

pytestmark = pytest.mark.django_db
NOT_A_FILE_WE_TAKE = "Chỉ chấp nhận tệp PDF, PNG hoặc JPEG; tệp này không thuộc các định dạng đó."


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def commune():
    return commune_with_reception()


def form(**overrides) -> dict:
    data = {
        "filer_name": "Lê Thị Phản Ánh",
        "filer_phone": "+84 909 123 456",
        "filer_email": "",
        "filer_address": "Ấp 2",
        "content": "Đề nghị sửa đèn chiếu sáng công cộng tại Ấp 2.",
    }
    return {**data, **overrides}


def post(client, agency, data, **extra):
    return client.post(reverse("tthc:petition-file", args=[agency.pk]), data, **extra)


def test_a_citizen_files_and_gets_a_receipt_with_code_and_due_date(client, commune):
    response = post(client, commune.agency, form())
    petition = Petition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tthc:petition-receipt")
    assert re.fullmatch(r"KN-27526-\d{6}-0001", petition.code)
    assert petition.filer_phone == "0909123456"
    assert petition.status == PetitionStatus.RECEIVED
    assert PetitionEvent.objects.filter(petition=petition, action="filed").exists()
    receipt = client.get(response["Location"])
    page = receipt.content.decode()
    assert receipt.status_code == 200
    assert "Giấy biên nhận kiến nghị, phản ánh" in page
    assert petition.code in page and petition.due_date.strftime("%d/%m/%Y") in page
    assert commune.agency.name in page
    assert receipt["Cache-Control"] == "no-store"


def test_the_receipt_opens_only_in_the_browser_that_filed(client, commune):
    response = post(client, commune.agency, form())
    other = Client().get(response["Location"])
    assert other.status_code == 404
    assert "Lê Thị Phản Ánh" not in other.content.decode()


def test_the_answer_is_due_after_the_set_number_of_working_days_skipping_holidays(commune):
    # Filed on Monday 07/06/2021; 10 working days with Friday 11/06 a (test) holiday: Tuesday 22/06.
    CalendarDayFactory(date=datetime.date(2021, 6, 11), kind="public_holiday", name="Ngày nghỉ thử")
    petition = file(commune.agency, filed_at=at(datetime.date(2021, 6, 7)))
    assert petition.due_date == datetime.date(2021, 6, 22)


def test_the_office_sets_the_limit_and_new_petitions_follow_it(commune):
    from staffing.registry.constants import Role
    from tests.factories import user_with_role

    petition_settings_set(actor=user_with_role(Role.DISTRICT_OFFICE), answer_within_working_days=3)
    petition = file(commune.agency, filed_at=at(datetime.date(2021, 6, 7)))
    assert petition.due_date == datetime.date(2021, 6, 10)


def test_a_wrong_phone_is_refused_at_the_field_and_nothing_is_saved(client, commune):
    response = post(client, commune.agency, form(filer_phone="12345"))
    assert response.status_code == 200
    assert "số di động Việt Nam gồm 10 chữ số" in response.content.decode()
    assert not Petition.objects.exists()


def test_content_over_the_limit_is_refused(client, commune, settings):
    settings.PETITION_CONTENT_MAX_CHARS = 50
    response = post(client, commune.agency, form(content="x" * 51))
    assert response.status_code == 200
    assert response.context["form"].errors["content"]
    assert not Petition.objects.exists()


@pytest.mark.parametrize("content", [b"<html><script>alert(1)</script></html>", b"PK\x03\x04zip"])
def test_an_attachment_that_is_not_pdf_png_or_jpeg_is_refused_whatever_its_name(client, commune, content):
    upload = SimpleUploadedFile("don.pdf", content, content_type="application/pdf")
    response = post(client, commune.agency, {**form(), "attachment": upload})
    assert response.status_code == 200
    assert NOT_A_FILE_WE_TAKE in response.content.decode()
    assert not Petition.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(client, commune, settings):
    settings.PETITION_ATTACHMENT_MAX_BYTES = 100
    upload = SimpleUploadedFile("anh.png", PNG_BYTES + b"\0" * 200, content_type="image/png")
    response = post(client, commune.agency, {**form(), "attachment": upload})
    assert "dung lượng lớn nhất được chấp nhận là" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_pdf_attachment_is_kept_and_the_agency_downloads_it(client, commune):
    upload = SimpleUploadedFile("don.pdf", PDF_BYTES, content_type="application/pdf")
    post(client, commune.agency, {**form(), "attachment": upload})
    petition = Petition.objects.get()
    assert petition.attachment
    staff = Client()
    staff.force_login(commune.member_user)
    response = staff.get(reverse("tthc:petition-attachment", args=[petition.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert Client().get(reverse("tthc:petition-attachment", args=[petition.pk])).status_code == 302


def test_filing_is_limited_per_client_on_the_form_and_the_api_alike(client, commune, monkeypatch):
    monkeypatch.setattr(PublicFilingThrottle, "THROTTLE_RATES", {"public_filing": "2/hour"})
    assert post(client, commune.agency, form()).status_code == 302
    api = client.post(
        reverse("api-petition-file"),
        {
            "agency": commune.agency.pk,
            "name": "Lê Thị Phản Ánh",
            "phone": "0909123456",
            "content": "Nội dung.",
        },
    )
    assert api.status_code == 201
    blocked = post(client, commune.agency, form())
    assert blocked.status_code == 429
    assert "Quá nhiều kiến nghị" in blocked.content.decode()
    assert client.post(reverse("api-petition-file"), {"agency": commune.agency.pk}).status_code == 429
    assert Petition.objects.count() == 2
    assert post(client, commune.agency, form(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_the_filing_counter_holds_under_concurrency(monkeypatch):
    """Twenty requests at once from one client under a limit of five: exactly five pass."""
    monkeypatch.setattr(PublicFilingThrottle, "THROTTLE_RATES", {"public_filing": "5/hour"})
    cache.clear()
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    barrier = threading.Barrier(20)
    allowed = []

    def attempt():
        barrier.wait()
        allowed.append(PublicFilingThrottle().allow_request(request, None))

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 5


def test_the_api_answers_201_with_the_code(client, commune):
    response = client.post(
        reverse("api-petition-file"),
        {"agency": commune.agency.pk, "name": "Võ Văn Gửi", "phone": "0909 123 456", "content": "Nội dung."},
        content_type="application/json",
    )
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert response.json()["code"] == petition.code
    assert response.json()["due_date"] == petition.due_date.isoformat()


def test_the_api_refuses_a_bad_phone_and_a_disguised_file_with_vietnamese_messages(client, commune):
    upload = SimpleUploadedFile("don.pdf", b"<html></html>", content_type="application/pdf")
    response = client.post(
        reverse("api-petition-file"),
        {
            "agency": commune.agency.pk,
            "name": "Võ Văn Gửi",
            "phone": "123",
            "content": "Nội dung.",
            "attachment": upload,
        },
    )
    assert response.status_code == 400
    body = response.json()
    assert "số di động Việt Nam gồm 10 chữ số" in body["phone"][0]
    assert body["attachment"] == [NOT_A_FILE_WE_TAKE]
    assert not Petition.objects.exists()


def test_codes_count_up_per_agency_and_day(commune):
    first = file(commune.agency, filed_at=at(datetime.date(2021, 6, 7)))
    second = file(commune.agency, filed_at=at(datetime.date(2021, 6, 7), 10))
    next_day = file(commune.agency, filed_at=at(datetime.date(2021, 6, 8)))
    assert (first.code, second.code, next_day.code) == (
        "KN-27526-210607-0001",
        "KN-27526-210607-0002",
        "KN-27526-210608-0001",
    )
