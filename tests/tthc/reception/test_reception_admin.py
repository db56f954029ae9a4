"""The admin writes reception data through the services (the same checks as the pages) and only reads
petitions, which move on the agency's pages."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.tthc.reception.factories import commune_with_reception, file
from tthc.reception.models import PetitionSettings, ReceptionSlot

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


def slot_form(agency, officer, **overrides):
    data = {
        "agency": agency.pk,
        "weekday": 1,
        "starts_at": "07:30",
        "ends_at": "11:30",
        "place": "Phòng tiếp dân",
    }
    return {**data, "officer": officer.pk if officer else "", **overrides}


def test_admin_adds_a_session_and_refuses_an_officer_of_another_agency(admin_client):
    a = commune_with_reception()
    b = commune_with_reception(name="UBND xã Phước Hiệp", code="27529", prefix="PH")
    url = reverse("admin:tthc_receptionslot_add")
    refused = admin_client.post(url, slot_form(a.agency, b.member))
    assert refused.status_code == 200
    assert "Hãy chọn một cán bộ của cơ quan, đơn vị này." in refused.content.decode()
    assert not ReceptionSlot.objects.exists()
    assert admin_client.post(url, slot_form(a.agency, a.member)).status_code == 302
    assert ReceptionSlot.objects.get().officer == a.member


def test_admin_sets_the_time_limit_through_the_service(admin_client):
    response = admin_client.post(
        reverse("admin:tthc_petitionsettings_add"), {"answer_within_working_days": 7}
    )
    assert response.status_code == 302
    assert PetitionSettings.current().answer_within_working_days == 7


def test_admin_reads_petitions_without_add_or_change(admin_client):
    petition = file(commune_with_reception().agency)
    changelist = admin_client.get(reverse("admin:tthc_petition_changelist"), {"q": petition.code})
    assert petition.code in changelist.content.decode()
    assert admin_client.get(reverse("admin:tthc_petition_change", args=[petition.pk])).status_code == 200
    assert admin_client.get(reverse("admin:tthc_petition_add")).status_code == 403
