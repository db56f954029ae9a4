"""factory-boy factories shared by every test package."""

import datetime

import factory
from django.contrib.auth import get_user_model

from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Document
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import AgencyKind, DutyGroup, Role, StaffCategory
from staffing.registry.models import Agency, RoleAssignment, StaffMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Người dùng"
    password = factory.django.Password("matkhau-demo-123")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Phòng thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    kind = AgencyKind.SPECIALISED_OFFICE


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    agency = factory.SubFactory(AgencyFactory)
    staff_code = factory.Sequence(lambda n: f"CB{n:05d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Chuyên viên"
    category = StaffCategory.CIVIL_SERVANT
    duty_group = DutyGroup.REGULAR
    mobile_phone = factory.Sequence(lambda n: f"09{n:08d}")


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.AGENCY_HEAD
    agency = factory.SubFactory(AgencyFactory)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    kind = DocumentKind.OFFICIAL_LETTER
    # Far from the numbers the tests name (2579, 2629, 9999/UBND...): a sequence never meets one of them.
    number = factory.Sequence(lambda n: f"{50000 + n}/UBND")
    issuer = "Ủy ban nhân dân huyện"
    issued_on = datetime.date(2021, 6, 4)
    subject = "Thay đổi phương thức làm việc"
    status = DocumentStatus.PUBLISHED


class WorkModePolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkModePolicy

    directive = factory.SubFactory(DocumentFactory)
    effective_from = datetime.date(2021, 6, 4)
    remote_cap_numerator = 1
    remote_cap_denominator = 2
    exempt_duty_groups = factory.LazyFunction(
        lambda: [DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE, DutyGroup.MILITARY]
    )
    citizen_reception_suspended = True
    inspections_restricted = True
    in_person_intake_restricted = True
    pre_cutoff_date = datetime.date(2021, 6, 3)
    free_postal_return = True


def user_with_role(role, agency=None, username=None):
    """A user holding one role (in one agency for agency roles)."""
    user = UserFactory(username=username) if username else UserFactory()
    RoleAssignmentFactory(user=user, role=role, agency=agency)
    return user


# tthc: catalogue, calendar and urgent list ------------------------------------------------------------


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tthc.Procedure"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9.{n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục thử nghiệm {n}")
    field = "Hộ tịch"
    level = "commune"
    processing_time_unit = "working_days"
    processing_time_value = 3
    online_level = 3


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tthc.CalendarDay"
        django_get_or_create = ("date",)

    date = datetime.date(2021, 4, 21)
    kind = "public_holiday"
    name = "Giỗ Tổ Hùng Vương"


def urgent_list_published(*, procedures, effective_from, version=None, directive=None, conditions=None):
    """A published urgent-list version holding these procedures (written directly: a test fixture)."""
    from tthc.urgent_lists.models import UrgentList, UrgentListItem

    if version is None:
        version = (UrgentList.objects.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    urgent_list = UrgentList.objects.create(
        version=version,
        directive=directive or DocumentFactory(),
        effective_from=effective_from,
        status="published",
    )
    conditions = conditions or {}
    UrgentListItem.objects.bulk_create(
        UrgentListItem(urgent_list=urgent_list, procedure=p, conditions=conditions.get(p.code, ""))
        for p in procedures
    )
    return urgent_list
