"""CSRF stays on: a signed-in browser session cannot be made to post a form or call the API from another
site. Each POST below would be accepted with a token; without one it is refused with 403 and saves nothing.
"""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from staffing.registry.constants import Role
from staffing.registry.models import StaffMember
from staffing.workmodes.models import WorkMode
from tests.factories import StaffMemberFactory, user_with_role
from tests.tthc.dossiers.factories import district_under_2629
from tthc.dossiers.models import Dossier
from tthc.urgent_lists.models import UrgentList

pytestmark = pytest.mark.django_db
EXPIRED = "Biểu mẫu đã hết hiệu lực"


@pytest.fixture
def world(agency):
    district = district_under_2629()
    return {
        "district": district,
        "agency": agency,
        "head": user_with_role(Role.AGENCY_HEAD, agency, username="truong"),
        "office": user_with_role(Role.DISTRICT_OFFICE, username="van-phong"),
        "staff": StaffMemberFactory.create_batch(2, agency=agency),
    }


def guarded_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def counts() -> tuple:
    return (
        StaffMember.objects.count(),
        WorkMode.objects.count(),
        Dossier.objects.count(),
        UrgentList.objects.count(),
    )


STAFF_FORM = {
    "staff_code": "TP-099",
    "full_name": "Phạm Minh Khoa",
    "category": "civil_servant",
    "duty_group": "regular",
    "mobile_phone": "0912345678",
}


def form_posts(world) -> list[tuple[str, str, dict]]:
    district, agency = world["district"], world["agency"]
    return [
        ("head", reverse("staffing:staff-create", args=[agency.pk]), STAFF_FORM),
        (
            "head",
            reverse("work_modes:week", args=[agency.pk]) + "?week=2021-W23",
            {"action": "save", f"m-{world['staff'][0].pk}-20210607": "remote"},
        ),
        ("office", reverse("tthc:urgent-list-create"), {"directive": district.policy.directive.pk}),
        (
            "officer",
            reverse("tthc:dossier-receive", args=[district.commune.pk]),
            {
                "procedure": district.birth.pk,
                "channel": "online",
                "received_date": "07/06/2021",
                "received_time": "09:30",
                "applicant_name": "Tô Thị Nộp",
                "applicant_id_number": "079190000888",
                "applicant_phone": "0912345678",
            },
        ),
        ("office", reverse("directives:document_create"), {"kind": "official_letter", "number": "1/UBND"}),
        ("head", reverse("logout"), {}),
    ]


def user_of(world, who):
    return world["district"].officer if who == "officer" else world[who]


def test_signed_in_forms_without_a_token_are_refused(world):
    before = counts()
    for who, url, data in form_posts(world):
        response = guarded_client(user_of(world, who)).post(url, data)
        assert response.status_code == 403, url
        assert EXPIRED in response.content.decode(), url
    assert counts() == before


def test_the_public_forms_need_a_token_too(world):
    for url, data in [
        (reverse("login"), {"username": "truong", "password": "matkhau-demo-123"}),
        (reverse("tthc:dossier-lookup"), {"code": "27526-210607-0001", "phone": "0909123456"}),
        (reverse("set_language"), {"language": "en"}),
    ]:
        response = guarded_client().post(url, data)
        assert response.status_code == 403, url
        page = response.content.decode()
        assert EXPIRED in page and '<html lang="vi"' in page, url


def test_the_same_form_with_its_token_is_accepted(world):
    client = guarded_client(world["head"])
    url = reverse("staffing:staff-create", args=[world["agency"].pk])
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.post(url, {**STAFF_FORM, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert StaffMember.objects.filter(staff_code="TP-099").exists()


def test_session_api_writes_without_a_token_are_refused(world):
    district, agency = world["district"], world["agency"]
    before = counts()
    head = APIClient(enforce_csrf_checks=True)
    head.force_login(world["head"])
    work_modes = head.post(
        reverse("api-agency-work-modes", args=[agency.pk]),
        {"entries": [{"staff": world["staff"][0].pk, "date": "2021-06-07", "mode": "remote"}]},
        format="json",
    )
    officer = APIClient(enforce_csrf_checks=True)
    officer.force_login(district.officer)
    dossier = officer.post(
        reverse("api-dossier-receive"),
        {
            "procedure": district.birth.code,
            "agency": district.commune.pk,
            "channel": "online",
            "applicant": {
                "full_name": "Tô Thị Nộp",
                "id_number": "079190000888",
                "phone": "0912345678",
                "address": "Ấp 2",
            },
            "received_at": "2021-06-07T10:00:00+07:00",
        },
        format="json",
    )
    assert (work_modes.status_code, dossier.status_code) == (403, 403)
    assert "CSRF" in work_modes.json()["detail"]
    assert counts() == before


def test_token_api_clients_need_no_csrf_token_since_no_browser_carries_their_credentials(world):
    district = world["district"]
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=district.officer).key}")
    response = client.post(
        reverse("api-dossier-receive"),
        {
            "procedure": district.birth.code,
            "agency": district.commune.pk,
            "channel": "online",
            "applicant": {
                "full_name": "Tô Thị Nộp",
                "id_number": "079190000888",
                "phone": "0912345678",
                "address": "Ấp 2",
            },
            "received_at": "2021-06-07T10:00:00+07:00",
        },
        format="json",
    )
    assert response.status_code == 201
