"""Demo data of this app for `manage.py seed_demo`: idempotent, synthetic, returns the demo accounts it made.

The catalogue of docs/domain.md §3 (codes are national codes; times, fees and levels are demo values), the
2021 working-day calendar, and version 1 of the urgent in-person list under 2629/UBND from 04/06/2021.
Existing rows are never overwritten: a second run changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model

from directives.constants import DocumentStatus
from directives.models import Document
from staffing.constants import Role
from staffing.models import RoleAssignment

from .calendar_services import calendar_day_save
from .catalogue_services import (
    procedure_save,
    urgent_list_create_draft,
    urgent_list_publish,
    urgent_list_set_items,
)
from .constants import CalendarDayKind, ProcedureLevel, ProcessingTimeUnit
from .dossier_demo import seed_dossiers
from .models import CalendarDay, Procedure, UrgentList

D = datetime.date
SAME_DAY, WORKING_DAYS, DAYS = (
    ProcessingTimeUnit.SAME_DAY,
    ProcessingTimeUnit.WORKING_DAYS,
    ProcessingTimeUnit.CALENDAR_DAYS,
)
COMMUNE, DISTRICT, BOTH = ProcedureLevel.COMMUNE, ProcedureLevel.DISTRICT, ProcedureLevel.COMMUNE_AND_DISTRICT

CIVIL_STATUS = "Hộ tịch"
CERTIFICATION = "Chứng thực"

# (code, name, field, level, unit, value, online level, fee, in person by law: legal basis or "")
PROCEDURES = [
    ("1.001193", "Đăng ký khai sinh", CIVIL_STATUS, COMMUNE, SAME_DAY, 0, 3, "Miễn lệ phí", ""),
    ("1.000656", "Đăng ký khai tử", CIVIL_STATUS, COMMUNE, SAME_DAY, 0, 3, "Miễn lệ phí", ""),
    (
        "1.000894",
        "Đăng ký kết hôn",
        CIVIL_STATUS,
        COMMUNE,
        SAME_DAY,
        0,
        2,
        "Miễn lệ phí",
        "Điều 18 Luật Hộ tịch 2014: hai bên nam, nữ phải có mặt khi đăng ký kết hôn",
    ),
    (
        "1.004873",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        CIVIL_STATUS,
        COMMUNE,
        WORKING_DAYS,
        3,
        3,
        "Theo quy định của HĐND Thành phố",
        "",
    ),
    ("2.000635", "Cấp bản sao trích lục hộ tịch", CIVIL_STATUS, BOTH, SAME_DAY, 0, 4, "8.000 đồng/bản", ""),
    (
        "2.000815",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        CERTIFICATION,
        BOTH,
        SAME_DAY,
        0,
        2,
        "2.000 đồng/trang",
        "",
    ),
    (
        "2.000884",
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
        CERTIFICATION,
        BOTH,
        SAME_DAY,
        0,
        1,
        "10.000 đồng/trường hợp",
        "Điều 24 Nghị định 23/2015/NĐ-CP: người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực",
    ),
    (
        "2.001019",
        "Chứng thực di chúc",
        CERTIFICATION,
        COMMUNE,
        WORKING_DAYS,
        2,
        1,
        "50.000 đồng/di chúc",
        "Điều 36 Nghị định 23/2015/NĐ-CP: người lập di chúc ký trước mặt người thực hiện chứng thực",
    ),
    (
        "1.001612",
        "Đăng ký thành lập hộ kinh doanh",
        "Thành lập và hoạt động của hộ kinh doanh",
        DISTRICT,
        WORKING_DAYS,
        3,
        4,
        "100.000 đồng/lần",
        "",
    ),
    ("1.001699", "Xác định mức độ khuyết tật", "Bảo trợ xã hội", COMMUNE, DAYS, 25, 2, "Không", ""),
    (
        "2.000806",
        "Đăng ký kết hôn có yếu tố nước ngoài",
        CIVIL_STATUS,
        DISTRICT,
        WORKING_DAYS,
        15,
        2,
        "Theo quy định của HĐND Thành phố",
        "Điều 38 Luật Hộ tịch 2014: hai bên nam, nữ phải có mặt khi đăng ký kết hôn",
    ),
    (
        "1.009122",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Hoạt động xây dựng",
        DISTRICT,
        DAYS,
        15,
        3,
        "75.000 đồng/giấy phép",
        "",
    ),
]

HOLIDAY, DAY_OFF = CalendarDayKind.PUBLIC_HOLIDAY, CalendarDayKind.COMPENSATORY_DAY_OFF
CALENDAR_2021 = [
    (D(2021, 1, 1), HOLIDAY, "Tết Dương lịch"),
    (D(2021, 2, 10), DAY_OFF, "Nghỉ Tết Nguyên đán (nghỉ bù)"),
    *[(D(2021, 2, day), HOLIDAY, "Tết Nguyên đán Tân Sửu") for day in range(11, 16)],
    (D(2021, 2, 16), DAY_OFF, "Nghỉ Tết Nguyên đán (nghỉ bù)"),
    (D(2021, 4, 21), HOLIDAY, "Giỗ Tổ Hùng Vương"),
    (D(2021, 4, 30), HOLIDAY, "Ngày Chiến thắng"),
    (D(2021, 5, 1), HOLIDAY, "Ngày Quốc tế Lao động"),
    (D(2021, 5, 3), DAY_OFF, "Nghỉ bù Ngày Quốc tế Lao động"),
    (D(2021, 9, 2), HOLIDAY, "Quốc khánh"),
    (D(2021, 9, 3), HOLIDAY, "Quốc khánh"),
]

LETTER_NUMBER = "2629/UBND"
URGENT_LIST_FROM = D(2021, 6, 4)
# Marriage registration is deliberately absent: the city did not name it (4230/VP-KSTT, 03/06/2021).
URGENT_ITEMS = [
    ("1.001193", ""),
    ("1.000656", "Ưu tiên trường hợp cần giải quyết mai táng"),
    ("2.000815", "Giấy tờ phục vụ khám, chữa bệnh, bảo hiểm hoặc vay vốn cấp bách"),
    ("2.000884", ""),
    ("2.001019", "Người lập di chúc đang ốm nặng hoặc có lý do cấp bách"),
    ("1.001699", ""),
]


def _seed_procedures() -> dict[str, Procedure]:
    stored = {p.code: p for p in Procedure.objects.filter(code__in=[row[0] for row in PROCEDURES])}
    for code, name, field, level, unit, value, online, fee, basis in PROCEDURES:
        if code in stored:
            continue
        stored[code] = procedure_save(
            code=code,
            name=name,
            field=field,
            level=level,
            processing_time_unit=unit,
            processing_time_value=value,
            online_level=online,
            fee_text=fee,
            postal_intake_accepted=not basis,
            postal_return_offered=not basis,
            result_in_person_by_law=bool(basis),
            in_person_legal_basis=basis,
        )
    return stored


def _seed_calendar() -> None:
    stored = set(CalendarDay.objects.filter(date__year=2021).values_list("date", flat=True))
    for day, kind, name in CALENDAR_2021:
        if day not in stored:
            calendar_day_save(date=day, kind=kind, name=name)


def _office_user():
    assignment = (
        RoleAssignment.objects.filter(
            role__in=[Role.DISTRICT_OFFICE, Role.DISTRICT_ADMIN], agency__isnull=True
        )
        .select_related("user")
        .order_by("role", "user__username")
        .first()
    )
    if assignment:
        return assignment.user
    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def _seed_urgent_list(procedures: dict[str, Procedure]) -> None:
    letter = Document.objects.filter(number=LETTER_NUMBER, status=DocumentStatus.PUBLISHED).first()
    if letter is None or UrgentList.objects.filter(directive=letter).exists():
        return
    user = _office_user()
    draft = urgent_list_create_draft(
        by=user,
        directive=letter,
        title="Danh mục thủ tục hành chính đặc biệt, cấp bách được tiếp nhận trực tiếp (đợt cao điểm tháng 6/2021)",
    )
    urgent_list_set_items(
        urgent_list=draft,
        items=[(procedures[code], conditions) for code, conditions in URGENT_ITEMS],
        by=user,
    )
    urgent_list_publish(
        urgent_list=draft, effective_from=URGENT_LIST_FROM, actor=user, today=URGENT_LIST_FROM
    )


def seed_catalogue() -> None:
    """The catalogue, the 2021 calendar and version 1 of the urgent list (skipped without 2629/UBND)."""
    procedures = _seed_procedures()
    _seed_calendar()
    _seed_urgent_list(procedures)


def seed(*, password: str) -> list[dict]:
    seed_catalogue()
    return seed_dossiers(password=password)
