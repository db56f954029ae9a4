"""The status trail of a dossier: each step with who and when; invalid steps refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from staffing.registry.constants import Role
from tests.factories import user_with_role
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.constants import DossierStatus
from tthc.dossiers.services import dossier_transition
from tthc.intake.constants import Channel

pytestmark = pytest.mark.django_db
S = DossierStatus


@pytest.fixture
def district():
    return district_under_2629()


def step(dossier, to_status, actor, **kwargs):
    return dossier_transition(dossier=dossier, to_status=to_status, actor=actor, **kwargs)


def test_a_dossier_goes_through_supplement_to_returned_with_a_trail(district):
    officer = district.officer
    dossier = receive(district)
    for to_status in (S.PROCESSING, S.WAITING_SUPPLEMENT, S.PROCESSING, S.RESULT_READY, S.RETURNED):
        dossier = step(dossier, to_status, officer, note="Bước")
    trail = [(e.status_from, e.status_to, e.by_id) for e in dossier.events.order_by("at", "id")]
    assert trail == [
        ("", S.RECEIVED, officer.pk),
        (S.RECEIVED, S.PROCESSING, officer.pk),
        (S.PROCESSING, S.WAITING_SUPPLEMENT, officer.pk),
        (S.WAITING_SUPPLEMENT, S.PROCESSING, officer.pk),
        (S.PROCESSING, S.RESULT_READY, officer.pk),
        (S.RESULT_READY, S.RETURNED, officer.pk),
    ]
    assert dossier.status == S.RETURNED
    assert dossier.status_changed_at is not None


def test_an_invalid_step_is_refused_in_vietnamese(district):
    dossier = receive(district)
    with pytest.raises(ValidationError) as excinfo:
        step(dossier, S.RETURNED, district.officer)
    assert "không thể chuyển" in excinfo.value.message_dict["to_status"][0]
    dossier.refresh_from_db()
    assert dossier.status == S.RECEIVED
    assert dossier.events.count() == 1


def test_nothing_follows_a_returned_or_refused_dossier(district):
    dossier = receive(district)
    dossier = step(dossier, S.REFUSED, district.officer, note="Hồ sơ không thuộc thẩm quyền")
    with pytest.raises(ValidationError):
        step(dossier, S.PROCESSING, district.officer)


def test_refusal_needs_a_reason_which_is_kept(district):
    dossier = receive(district)
    with pytest.raises(ValidationError) as excinfo:
        step(dossier, S.REFUSED, district.officer, note="   ")
    assert "note" in excinfo.value.message_dict
    dossier = step(dossier, S.REFUSED, district.officer, note="Thiếu giấy chứng sinh")
    assert dossier.refusal_reason == "Thiếu giấy chứng sinh"


def test_a_free_postal_return_books_the_flat_postage_unless_the_officer_enters_one(district, settings):
    settings.TTHC_FREE_POSTAGE_FLAT_RATE = 26000
    first = receive(district, channel=Channel.IN_PERSON)
    second = receive(district, channel=Channel.IN_PERSON)
    assert first.free_postage and first.result_delivery == Channel.POSTAL
    for dossier, postage in ((first, None), (second, 32000)):
        for to_status in (S.PROCESSING, S.RESULT_READY):
            dossier = step(dossier, to_status, district.officer)
        step(dossier, S.RETURNED, district.officer, postage_amount=postage)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.postage_amount, second.postage_amount) == (26000, 32000)


def test_an_officer_of_another_agency_cannot_move_the_dossier(district, other_agency):
    dossier = receive(district)
    stranger = user_with_role(Role.ONE_STOP_OFFICER, other_agency)
    with pytest.raises(PermissionDenied):
        step(dossier, S.PROCESSING, stranger)


def test_a_step_typed_in_later_keeps_its_time_but_not_before_the_previous_one(district):
    dossier = receive(district)  # received 07/06/2021 09:00
    earlier = at(datetime.date(2021, 6, 7), 8, 0)
    with pytest.raises(ValidationError) as excinfo:
        step(dossier, S.PROCESSING, district.officer, at=earlier)
    assert "at" in excinfo.value.message_dict
    later = at(datetime.date(2021, 6, 7), 10, 0)
    dossier = step(dossier, S.PROCESSING, district.officer, at=later)
    assert dossier.status_changed_at == later
    assert dossier.events.get(status_to=S.PROCESSING).at == later
