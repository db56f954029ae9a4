"""Helpers of the reception tests: a commune under 2629/UBND (in-person reception suspended from 04/06/2021)
with its head, a staff member who handles petitions, and a way to file one."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from staffing.registry.constants import Role, StaffCategory
from staffing.registry.services import staff_member_link_user, staff_member_save
from tests.factories import UserFactory, user_with_role
from tests.tthc.dossiers.factories import district_under_2629
from tthc.reception.services import petition_file

PHONE = "0909123456"


@dataclass
class Commune:
    agency: object
    policy: object
    head: object
    member: object
    member_user: object


def commune_with_reception(
    *, name: str = "UBND xã Phước Thạnh", code: str = "27526", prefix: str = "PT"
) -> Commune:
    district = district_under_2629(commune_name=name, statistics_code=code)
    head = user_with_role(Role.COMMUNE_CHAIRMAN, district.commune, username=f"chu-tich-{code}")
    member = staff_member_save(
        agency=district.commune,
        staff_code=f"{prefix}-001",
        full_name=f"Nguyễn Thị Tiếp Dân {prefix}",
        category=StaffCategory.CIVIL_SERVANT,
        mobile_phone="0901000001" if prefix == "PT" else "0902000001",
    )
    member_user = UserFactory(username=f"can-bo-{code}")
    staff_member_link_user(member=member, user=member_user)
    return Commune(district.commune, district.policy, head, member, member_user)


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def file(agency, *, filed_at=None, phone: str = PHONE, **extra):
    values = {"filer_name": "Trần Văn Kiến", "filer_phone": phone, "content": "Đèn đường Ấp 2 bị hỏng."}
    return petition_file(agency=agency, filed_at=filed_at, **{**values, **extra})
