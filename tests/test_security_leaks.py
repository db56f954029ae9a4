"""What the product must never show: stack traces, another agency's data in an error, drafts on public
pages, and an applicant's identity to whoever guesses a dossier code."""

import re

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import include, path, reverse

from staffing.toolkit.throttles import PublicLookupThrottle
from tests.test_security_scope import build_world

pytestmark = pytest.mark.django_db

NOT_FOUND_PAGE = "Không tìm thấy trang"
SERVER_ERROR_PAGE = "Lỗi máy chủ"
LOOKUP_NOT_FOUND = "Không tìm thấy hồ sơ với mã hồ sơ và số điện thoại này"
RIGHT_PHONE = "0911222333"
TRACE_MARKERS = ("Traceback", "File &quot;", 'File "', "site-packages", "Using the URLconf", "config.urls")


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def signed_in(world, role) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def normalised(response, *typed) -> str:
    """The page without its CSRF tokens and without what the visitor typed (the form shows it back)."""
    page = re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())
    for value in typed:
        page = page.replace(value, "")
    return page


# Error pages -------------------------------------------------------------------------------------


def boom(request):
    raise RuntimeError("bí mật nội bộ: mật khẩu cơ sở dữ liệu")


urlpatterns = [path("boom/", boom), path("", include("config.urls"))]


def assert_no_trace(page: str) -> None:
    for marker in TRACE_MARKERS:
        assert marker not in page
    assert settings.SECRET_KEY not in page


def test_a_missing_page_is_a_vietnamese_404_without_the_url_list(client):
    response = client.get("/khong-co-trang-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert NOT_FOUND_PAGE in page
    assert_no_trace(page)
    assert "admin/" not in page


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_crash_is_a_vietnamese_500_without_a_stack_trace():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    page = response.content.decode()
    assert response.status_code == 500
    assert SERVER_ERROR_PAGE in page
    assert "bí mật nội bộ" not in page and "RuntimeError" not in page
    assert_no_trace(page)


def test_an_unknown_api_object_answers_json_without_a_trace(client):
    response = client.get("/api/v1/directives/999999/")
    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


# API errors never carry another agency's data -------------------------------------------------------


def test_api_refusals_to_agency_a_name_nothing_of_agency_b(world):
    head = signed_in(world, "head")
    officer = signed_in(world, "officer")
    responses = [
        head.get(reverse("api-agency-staff", args=[world.agency_b.pk])),
        head.get(
            reverse("api-agency-work-modes", args=[world.agency_b.pk]),
            {"from": "2021-06-07", "to": "2021-06-13"},
        ),
        head.post(
            reverse("api-agency-work-modes", args=[world.agency_b.pk]),
            {"entries": [{"staff": world.staff_b.pk, "date": "2021-06-08", "mode": "remote"}]},
            content_type="application/json",
        ),
        head.post(
            reverse("api-agency-work-modes", args=[world.agency_a.pk]),
            {"entries": [{"staff": world.staff_b.pk, "date": "2021-06-08", "mode": "remote"}]},
            content_type="application/json",
        ),
        officer.post(
            reverse("api-dossier-receive"),
            {
                "procedure": world.birth.code,
                "agency": world.agency_b.pk,
                "channel": "online",
                "applicant": {"full_name": "Tô Thị Nộp", "id_number": "079190000888", "phone": "0912345678"},
                "received_at": "2021-06-07T10:00:00+07:00",
            },
            content_type="application/json",
        ),
    ]
    assert [r.status_code for r in responses] == [404, 404, 404, 400, 404]
    for response in responses:
        body = response.content.decode()
        for marker in world.markers_b:
            assert marker not in body, (response.request["PATH_INFO"], marker)


def test_agency_list_api_of_agency_a_people_holds_agency_a_only(world):
    for role in ("head", "officer", "chairman", "staff"):
        names = [
            agency["name"]
            for agency in signed_in(world, role).get(reverse("api-agency-list")).json()["results"]
        ]
        assert names == [world.agency_a.name], role


# Drafts stay in the register ---------------------------------------------------------------------


def test_public_directive_pages_and_api_never_list_a_draft(world, client):
    draft, published = world.draft, world.directive
    pages = {
        "list": client.get(reverse("directives:public_list")),
        "search": client.get(reverse("directives:public_list"), {"q": "2700"}),
        "published detail": client.get(reverse("directives:public_detail", args=[published.pk])),
        "policy": client.get(reverse("directives:policy")),
        "home": client.get(reverse("public-home")),
        "api list": client.get(reverse("api-directive-list")),
        "api search": client.get(reverse("api-directive-list"), {"search": "2700"}),
        "api published detail": client.get(reverse("api-directive-detail", args=[published.pk])),
    }
    for label, response in pages.items():
        assert response.status_code == 200, label
        body = response.content.decode()
        assert draft.number not in body and draft.subject not in body, label
    assert published.number in pages["list"].content.decode()


@pytest.mark.parametrize("role", ["anonymous", "head", "officer", "chairman", "staff"])
def test_a_draft_its_pdf_and_a_draft_urgent_list_are_not_found_outside_the_district(world, role):
    client = Client() if role == "anonymous" else signed_in(world, role)
    for url in (
        reverse("directives:public_detail", args=[world.draft.pk]),
        reverse("directives:attachment", args=[world.draft.pk]),
        reverse("api-directive-detail", args=[world.draft.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url in (reverse("tthc:public-urgent-list-versions"), reverse("api-urgent-list")):
        assert world.urgent_draft.title not in client.get(url).content.decode(), url


def test_the_published_directive_pdf_is_public(world, client):
    response = client.get(reverse("directives:attachment", args=[world.directive.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


# The public dossier look-up ------------------------------------------------------------------------


def lookup(client, code, phone):
    return client.post(reverse("tthc:dossier-lookup"), {"code": code, "phone": phone})


def test_a_wrong_phone_and_a_missing_code_get_the_very_same_page(world, client):
    wrong_phone = lookup(client, world.dossier_b.code, "0900000000")
    missing_code = lookup(client, "27529-210607-9999", RIGHT_PHONE)
    assert wrong_phone.status_code == missing_code.status_code == 200
    assert normalised(wrong_phone, world.dossier_b.code, "0900000000") == normalised(
        missing_code, "27529-210607-9999", RIGHT_PHONE
    )
    assert LOOKUP_NOT_FOUND in wrong_phone.content.decode()


def test_the_api_answers_a_wrong_phone_and_a_missing_code_alike(world, client):
    wrong_phone = client.get(
        reverse("api-dossier-status", args=[world.dossier_b.code]), {"phone": "0900000000"}
    )
    missing_code = client.get(
        reverse("api-dossier-status", args=["27529-210607-9999"]), {"phone": RIGHT_PHONE}
    )
    assert wrong_phone.status_code == missing_code.status_code == 404
    assert wrong_phone.json() == missing_code.json()


@pytest.mark.parametrize("phone", ["0900000000", RIGHT_PHONE])
def test_the_look_up_never_shows_the_applicant_name_or_id_number(world, client, phone):
    for response in (
        lookup(client, world.dossier_b.code, phone),
        client.get(reverse("api-dossier-status", args=[world.dossier_b.code]), {"phone": phone}),
    ):
        body = response.content.decode()
        assert world.dossier_b.applicant_name not in body
        assert world.dossier_b.applicant_id_number not in body
        assert world.dossier_b.applicant_address not in body


def test_the_look_up_is_throttled_even_for_the_right_pair(world, client, monkeypatch):
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "3/min"})
    tries = [lookup(client, world.dossier_b.code, f"090000000{n}").status_code for n in range(3)]
    blocked = lookup(client, world.dossier_b.code, RIGHT_PHONE)
    api = client.get(reverse("api-dossier-status", args=[world.dossier_b.code]), {"phone": RIGHT_PHONE})
    assert tries == [200, 200, 200]
    assert (blocked.status_code, api.status_code) == (429, 429)
    assert world.dossier_b.get_status_display() not in blocked.content.decode()


def test_behind_a_proxy_each_citizen_has_an_own_look_up_allowance(world, client, settings, monkeypatch):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    monkeypatch.setattr(PublicLookupThrottle, "THROTTLE_RATES", {"public_lookup": "2/min"})

    def lookup_from(address):
        return client.post(
            reverse("tthc:dossier-lookup"),
            {"code": world.dossier_b.code, "phone": RIGHT_PHONE},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        ).status_code

    assert [lookup_from("203.0.113.5") for _ in range(3)] == [200, 200, 429]
    assert lookup_from("198.51.100.1, 203.0.113.5") == 429
    assert lookup_from("203.0.113.6") == 200
