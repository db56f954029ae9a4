"""Dossier intake under the policy and the urgent list in force (clause 3.1 of 2629/UBND)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from staffing.registry.constants import Role
from tests.factories import CalendarDayFactory, ProcedureFactory, user_with_role
from tests.tthc.dossiers.factories import at, district_under_2629, receive
from tthc.dossiers.constants import DossierEventKind, DossierStatus
from tthc.dossiers.models import Dossier
from tthc.dossiers.selectors import special_case_counts
from tthc.intake.constants import Channel

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return district_under_2629()


def refusal(excinfo, field):
    return " ".join(excinfo.value.message_dict[field])


def test_in_person_intake_refused_for_procedure_not_on_urgent_list(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=district.postal_refused, channel=Channel.IN_PERSON)
    message = refusal(excinfo, "channel")
    assert "2629/UBND" in message
    assert "07/06/2021" in message
    assert "trực tuyến" not in message.split(":")[-1]  # online level 2: not an open channel
    assert Dossier.objects.count() == 0


def test_refusal_names_the_open_channels(district):
    marriage_like = district.marriage
    marriage_like.online_level = 3
    marriage_like.save()
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=marriage_like, channel=Channel.IN_PERSON)
    open_part = refusal(excinfo, "channel").rsplit(":", 1)[-1]
    assert "trực tuyến" in open_part
    assert "bưu chính công ích" in open_part


def test_in_person_intake_accepted_for_procedure_on_urgent_list(district):
    dossier = receive(district, channel=Channel.IN_PERSON)
    assert dossier.channel == Channel.IN_PERSON
    assert dossier.special_case_reason == ""


def test_in_person_intake_accepted_as_recorded_special_case_and_counted(district):
    dossier = receive(
        district,
        procedure=district.postal_refused,
        channel=Channel.IN_PERSON,
        special_case_reason="Người cao tuổi, cần gấp để hưởng trợ cấp",
    )
    assert dossier.is_special_case
    counts = {row.pk: row.special_cases for row in special_case_counts()}
    assert counts[district.commune.pk] == 1


def test_special_case_reason_is_not_kept_when_channel_was_open_anyway(district):
    dossier = receive(district, channel=Channel.IN_PERSON, special_case_reason="Không cần")
    assert dossier.special_case_reason == ""


def test_in_person_intake_is_free_before_the_policy_takes_effect(district):
    dossier = receive(
        district, procedure=district.postal_refused, channel=Channel.IN_PERSON, received_at=at(D(2021, 6, 2))
    )
    assert dossier.channel == Channel.IN_PERSON
    assert not dossier.is_special_case


def test_a_list_published_for_a_later_date_does_not_open_in_person_intake_today(district):
    from tests.factories import urgent_list_published

    urgent_list_published(procedures=[district.postal_refused], effective_from=D(2021, 6, 20))
    with pytest.raises(ValidationError):
        receive(
            district,
            procedure=district.postal_refused,
            channel=Channel.IN_PERSON,
            received_at=at(D(2021, 6, 7)),
        )


def test_online_intake_refused_below_level_3(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=district.postal_refused, channel=Channel.ONLINE)
    assert "mức độ 2" in refusal(excinfo, "channel")


def test_postal_intake_refused_when_the_procedure_does_not_accept_it(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=district.postal_refused, channel=Channel.POSTAL)
    assert "bưu chính" in refusal(excinfo, "channel")


def test_procedure_of_another_agency_kind_is_refused(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=district.business, channel=Channel.ONLINE)
    assert "procedure" in excinfo.value.message_dict


def test_bad_applicant_fields_are_refused_at_their_field(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(
            district, applicant_id_number="12345", applicant_phone="12345", applicant_email="không-phải-email"
        )
    errors = excinfo.value.message_dict
    assert {"applicant_id_number", "applicant_phone", "applicant_email"} <= set(errors)
    assert Dossier.objects.count() == 0


def test_reception_in_the_future_is_refused(district):
    with pytest.raises(ValidationError) as excinfo:
        receive(district, received_at=at(D(2099, 1, 5)))
    assert "received_at" in excinfo.value.message_dict


def test_only_a_one_stop_officer_of_the_agency_receives(district, other_agency):
    stranger = user_with_role(Role.ONE_STOP_OFFICER, other_agency)
    with pytest.raises(PermissionDenied):
        receive(district, actor=stranger)


def test_intake_gets_a_code_a_due_date_and_one_received_event(district):
    CalendarDayFactory(date=D(2021, 6, 8), kind="public_holiday", name="Ngày nghỉ thử")
    dossier = receive(
        district,
        procedure=district.postal_refused,
        channel=Channel.IN_PERSON,
        special_case_reason="Cần gấp",
        received_at=at(D(2021, 6, 7), 15, 30),
    )
    assert dossier.code == "27526-210607-0001"
    assert dossier.due_date == D(2021, 6, 11)  # 3 working days after the 7th: the 8th is a day off
    assert dossier.applicant_phone == "0909123456"
    assert dossier.received_by == district.officer
    events = list(dossier.events.all())
    assert [(e.kind, e.status_to) for e in events] == [(DossierEventKind.STATUS, DossierStatus.RECEIVED)]
    second = receive(district)
    assert second.code == "27526-210607-0002"
    next_day = receive(district, received_at=at(D(2021, 6, 9)))
    assert next_day.code == "27526-210609-0001"


def test_postal_return_is_the_default_while_intake_is_restricted_and_free(district):
    dossier = receive(district, channel=Channel.IN_PERSON)
    assert dossier.result_delivery == Channel.POSTAL
    assert dossier.free_postage


def test_result_in_person_by_law_stays_in_person(district):
    dossier = receive(district, procedure=district.marriage, channel=Channel.POSTAL)
    assert dossier.result_delivery == Channel.IN_PERSON
    assert not dossier.free_postage
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=district.marriage, channel=Channel.POSTAL, result_delivery=Channel.POSTAL)
    assert "Luật Hộ tịch" in refusal(excinfo, "result_delivery")


def test_without_a_policy_the_result_goes_back_the_usual_way(district):
    dossier = receive(district, channel=Channel.IN_PERSON, received_at=at(D(2021, 5, 20)))
    assert dossier.result_delivery == Channel.IN_PERSON
    assert not dossier.free_postage


def test_an_agency_without_statistics_code_numbers_with_its_id(district):
    from tests.factories import AgencyFactory

    office = AgencyFactory(name="Phòng Tư pháp", statistics_code="")
    officer = user_with_role(Role.ONE_STOP_OFFICER, office)
    dossier = receive(district, agency=office, actor=officer, procedure=district.business)
    assert dossier.code == f"CQ{office.pk}-210607-0001"


def test_a_commune_cannot_receive_a_district_procedure_that_names_no_agency_kind(district):
    # Naming no kind means "handled at its level": the same rule as the public intake arrangements.
    permit = ProcedureFactory(code="1.009122", name="Cấp giấy phép xây dựng", level="district")
    with pytest.raises(ValidationError) as excinfo:
        receive(district, procedure=permit, channel=Channel.ONLINE)
    assert excinfo.value.error_dict["procedure"][0].code == "procedure_not_handled"
    assert "UBND xã Phước Thạnh không giải quyết thủ tục này" in refusal(excinfo, "procedure")
    assert Dossier.objects.count() == 0


def test_postal_return_without_an_address_is_refused_at_the_address_and_nothing_is_saved():
    from django.core.exceptions import ValidationError

    from tests.tthc.dossiers.factories import district_under_2629, receive
    from tthc.dossiers.models import Dossier

    district = district_under_2629()
    with pytest.raises(ValidationError) as refused:
        receive(district, applicant_address="", result_delivery="postal")
    assert "Nhập địa chỉ của người nộp" in refused.value.message_dict["applicant_address"][0]
    with pytest.raises(ValidationError) as by_default:
        receive(district, applicant_address="   ")
    assert "hạn chế tiếp nhận trực tiếp" in by_default.value.message_dict["applicant_address"][0]
    assert not Dossier.objects.exists()
    assert receive(district, applicant_address="", result_delivery="in_person").result_delivery == "in_person"
