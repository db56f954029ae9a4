"""The office extends the due date of every open dossier of chosen procedures and agencies."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from staffing.registry.constants import AgencyKind, Role
from tests.factories import AgencyFactory, CalendarDayFactory, user_with_role
from tests.tthc.dossiers.factories import district_under_2629, receive
from tthc.dossiers.constants import DossierEventKind, DossierStatus
from tthc.dossiers.services import dossier_transition, dossiers_extend
from tthc.intake.constants import Channel

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return district_under_2629()


def test_open_dossiers_of_the_chosen_procedures_and_agencies_are_extended(district, office_user):
    CalendarDayFactory(date=D(2021, 6, 10), kind="public_holiday", name="Ngày nghỉ thử")
    birth = receive(district)  # same day: due 07/06/2021
    returned = receive(district)
    for to_status in (DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED):
        returned = dossier_transition(dossier=returned, to_status=to_status, actor=district.officer)
    other_procedure = receive(
        district, procedure=district.postal_refused, channel=Channel.IN_PERSON, special_case_reason="Cần gấp"
    )

    count = dossiers_extend(
        procedures=[district.birth],
        agencies=[district.commune],
        working_days=3,
        reason="Giãn cách xã hội",
        actor=office_user,
    )

    assert count == 1
    birth.refresh_from_db()
    assert birth.due_date == D(2021, 6, 11)  # 08, 09, (10 off), 11
    event = birth.events.get(kind=DossierEventKind.EXTENSION)
    assert (event.due_date_from, event.due_date_to, event.note, event.by) == (
        D(2021, 6, 7),
        D(2021, 6, 11),
        "Giãn cách xã hội",
        office_user,
    )
    assert birth.history.first().due_date == D(2021, 6, 11)
    returned.refresh_from_db()
    other_procedure.refresh_from_db()
    assert returned.due_date == D(2021, 6, 7)
    assert not other_procedure.events.filter(kind=DossierEventKind.EXTENSION).exists()


def test_an_extension_needs_a_reason_and_a_sensible_number_of_days(district, office_user):
    with pytest.raises(ValidationError) as excinfo:
        dossiers_extend(
            procedures=[district.birth],
            agencies=[district.commune],
            working_days=0,
            reason="",
            actor=office_user,
        )
    assert {"reason", "working_days"} <= set(excinfo.value.message_dict)


def test_only_the_district_office_extends(district):
    with pytest.raises(PermissionDenied):
        dossiers_extend(
            procedures=[district.birth],
            agencies=[district.commune],
            working_days=2,
            reason="x",
            actor=district.officer,
        )


def test_the_extension_page_extends_and_shows_in_the_trail(district, office_client):
    dossier = receive(district)
    AgencyFactory()
    response = office_client.post(
        reverse("tthc:dossier-extension"),
        {
            "procedures": [district.birth.pk],
            "agencies": [district.commune.pk],
            "working_days": 2,
            "reason": "Phong tỏa",
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.due_date == D(2021, 6, 9)
    office_client.force_login(district.officer)
    page = office_client.get(reverse("tthc:dossier-detail", args=[dossier.pk])).content.decode()
    assert "07/06/2021" in page and "09/06/2021" in page and "Phong tỏa" in page


def test_the_extension_page_is_not_for_one_stop_officers(district, client):
    client.force_login(district.officer)
    assert client.get(reverse("tthc:dossier-extension")).status_code == 404
    leader = user_with_role(Role.DISTRICT_LEADERSHIP)
    client.force_login(leader)
    assert client.get(reverse("tthc:dossier-extension")).status_code == 404


def test_the_extension_page_selects_by_kind_and_keeps_the_ticks_on_error(district, office_client):
    receive(district)
    office = AgencyFactory(name="Phòng Tư pháp", kind=AgencyKind.SPECIALISED_OFFICE)
    page = office_client.get(reverse("tthc:dossier-extension")).content.decode()
    assert "Chọn tất cả thủ tục" in page and "Chọn tất cả cơ quan, đơn vị" in page
    assert 'data-check-all="agencies" data-group="commune_committee"' in page
    assert 'data-group="specialised_office"' in page and office.name in page
    assert "1 đang giải quyết" in page  # open dossiers next to the commune and the procedure
    assert "js/tthc-check-all.js" in page

    response = office_client.post(
        reverse("tthc:dossier-extension"),
        {
            "procedures": [district.birth.pk],
            "agencies": [district.commune.pk],
            "working_days": 2,
            "reason": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'name="agencies" value="{district.commune.pk}" id="agencies-{district.commune.pk}"' in page
    assert (
        f'value="{district.commune.pk}" id="agencies-{district.commune.pk}" data-group="commune_committee" checked'
        in page
    )
    assert f'id="procedures-{district.birth.pk}" checked' in page


def test_the_extension_page_queries_do_not_grow_with_agencies(
    district, office_client, django_assert_max_num_queries
):
    office_client.get(reverse("tthc:dossier-extension"))
    with django_assert_max_num_queries(12) as few:
        office_client.get(reverse("tthc:dossier-extension"))
    for _ in range(15):
        AgencyFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        office_client.get(reverse("tthc:dossier-extension"))
