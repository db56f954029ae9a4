"""Helpers of the dossier tests: a commune under 2629/UBND with its one-stop officer and a small catalogue."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, Role
from tests.factories import (
    AgencyFactory,
    DocumentFactory,
    ProcedureFactory,
    WorkModePolicyFactory,
    urgent_list_published,
    user_with_role,
)
from tthc.dossiers.services import dossier_receive
from tthc.intake.constants import Channel
from tthc.urgent_lists.models import UrgentList


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@dataclass
class District:
    commune: object
    officer: object
    policy: object
    birth: object
    marriage: object
    business: object
    postal_refused: object


def district_under_2629(
    *, commune_name: str = "UBND xã Phước Thạnh", statistics_code: str = "27526"
) -> District:
    """One commune, its one-stop officer, 2629/UBND in force from 04/06/2021 with the cut-off 03/06/2021,
    and an urgent list holding birth registration only."""
    commune = AgencyFactory(
        name=commune_name,
        short_name="Phước Thạnh",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        statistics_code=statistics_code,
        phone="02837900000",
        email="phuocthanh@example.gov.vn",
    )
    officer = user_with_role(Role.ONE_STOP_OFFICER, commune, username=f"motcua-{statistics_code}")
    directive = Document.objects.filter(number="2629/UBND").first() or DocumentFactory(number="2629/UBND")
    policy = WorkModePolicy.objects.filter(directive=directive).first() or WorkModePolicyFactory(
        directive=directive
    )
    birth = ProcedureFactory(
        code="1.001193", name="Đăng ký khai sinh", processing_time_unit="same_day", online_level=3
    )
    marriage = ProcedureFactory(
        code="1.000894",
        name="Đăng ký kết hôn",
        processing_time_unit="same_day",
        online_level=2,
        result_in_person_by_law=True,
        in_person_legal_basis="Luật Hộ tịch 2014, Điều 18",
    )
    business = ProcedureFactory(
        code="1.001612",
        name="Đăng ký thành lập hộ kinh doanh",
        level="district",
        online_level=4,
        agency_kinds=[AgencyKind.SPECIALISED_OFFICE],
    )
    postal_refused = ProcedureFactory(
        code="1.001699", name="Xác định mức độ khuyết tật", online_level=2, postal_intake_accepted=False
    )
    if not UrgentList.objects.exists():
        urgent_list_published(
            procedures=[birth], effective_from=datetime.date(2021, 6, 4), directive=directive
        )
    return District(commune, officer, policy, birth, marriage, business, postal_refused)


def receive(district: District, **overrides):
    values = {
        "agency": district.commune,
        "procedure": district.birth,
        "applicant_name": "Trần Thị Demo",
        "applicant_id_number": "079190000001",
        "applicant_phone": "0909 123 456",
        "applicant_email": "nguoidan@example.com",
        "applicant_address": "Ấp 1, xã Phước Thạnh",
        "channel": Channel.ONLINE,
        "received_at": at(datetime.date(2021, 6, 7)),
        "documents_received": "Tờ khai đăng ký khai sinh; Giấy chứng sinh",
        "actor": district.officer,
    }
    values.update(overrides)
    return dossier_receive(**values)
