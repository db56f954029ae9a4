"""Demo catalogue for `manage.py seed_demo`: the procedures of docs/domain.md §3 (codes are national codes;
times, fees and levels are demo values). Existing rows are never overwritten: a second run changes nothing.
"""

from tthc.calendar.constants import ProcessingTimeUnit

from .constants import ProcedureLevel
from .models import Procedure
from .services import procedure_save

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


def seed() -> dict[str, Procedure]:
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
