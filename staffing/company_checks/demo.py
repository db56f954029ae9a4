"""Demo checks: the office's workplace checklist (synthetic wording) and the bands of Decision 2194, then
checks of the demo companies of two communes, with outcomes and follow-ups (some overdue, some due soon,
one done by a later check). Dated from today, so the follow-ups read as they would in use. A second run
finds the set, the bands and the checks in place and writes nothing."""

import datetime

from django.utils import timezone

from staffing.companies.models import Company
from staffing.registry.constants import Role
from staffing.registry.models import Agency, RoleAssignment

from .constants import DEFAULT_BANDS
from .models import CompanyCheck, CriteriaSet, RiskBand
from .scoring import Band
from .selectors import criteria_set_in_force
from .services import check_record, criteria_set_save, risk_bands_set

CRITERIA = [
    (4, "Không bố trí khu vực đo thân nhiệt, sàng lọc người ra vào nơi làm việc"),
    (3, "Người lao động không đeo khẩu trang khi làm việc"),
    (3, "Không bảo đảm khoảng cách tối thiểu 2 mét giữa người lao động"),
    (2, "Không bố trí nơi rửa tay, dung dịch sát khuẩn tại lối ra vào"),
    (3, "Không khai báo y tế đối với người ra vào"),
    (4, "Số người làm việc trực tuyến thấp hơn khả năng của công việc"),
    (3, "Nhà ăn tập thể không có vách ngăn, không giãn cách"),
    (2, "Không có phương án xử lý khi phát hiện trường hợp nghi nhiễm"),
    (3, "Không vệ sinh, khử khuẩn nơi làm việc hằng ngày"),
    (3, "Đưa đón người lao động không bảo đảm giãn cách"),
]
# Communes whose demo companies get checks: Phước Thạnh (recorded by its chairman) and Thị trấn Củ Chi.
COMMUNE_CODES = ("27526", "27496")
# Per company, in register order: checks of (days ago, criteria found at risk by position, outcome,
# follow-up in days from today). Some follow-ups overdue, some due soon, one done by a later check.
PLANS = [
    [(40, [2, 4], "passed", None), (10, [1, 2, 6, 7], "remedy", 3)],
    [(20, [1, 2, 3, 5, 6, 9, 10], "violation", -5)],
    [(12, [4], "passed", None)],
    [(30, [1, 3, 6], "remedy", -15), (14, [6], "passed", None)],
    [(8, [2, 3, 9], "remedy", 6)],
    [(25, [1, 5, 6, 7, 10], "remedy", -10)],
    [(5, [], "passed", None)],
    [(15, [1, 2, 3, 4, 5, 6, 7, 8, 9], "violation", 20)],
    [],
    [(3, [8], "passed", None)],
]
ASKED = {
    "remedy": "Bố trí khu vực đo thân nhiệt, tăng số người làm việc trực tuyến; báo cáo UBND xã khi hoàn thành.",
    "violation": "Tạm dừng nhà ăn tập thể, sắp xếp lại ca làm việc bảo đảm giãn cách; lập biên bản vi phạm.",
}


def seed(*, password: str) -> list[dict]:
    office = RoleAssignment.objects.filter(role=Role.DISTRICT_OFFICE).select_related("user").first()
    if office is None:
        return []
    if not RiskBand.objects.exists():
        risk_bands_set(actor=office.user, bands=[Band(upper, label) for upper, label in DEFAULT_BANDS])
    if not CriteriaSet.objects.exists():
        criteria_set_save(
            actor=office.user,
            criteria_set=CriteriaSet(
                name="Bộ tiêu chí đánh giá nguy cơ lây nhiễm tại nơi làm việc",
                effective_from=datetime.date(2021, 6, 4),
                note="Dữ liệu minh họa, theo cách chấm điểm của Quyết định 2194/QĐ-BCĐQG.",
            ),
            criteria=[(text, weight) for weight, text in CRITERIA],
        )
    today = timezone.localdate()
    for commune in Agency.objects.filter(statistics_code__in=COMMUNE_CODES).order_by("statistics_code"):
        if CompanyCheck.objects.filter(commune=commune).exists():
            continue
        chairman = RoleAssignment.objects.filter(role=Role.COMMUNE_CHAIRMAN, agency=commune).first()
        actor = chairman.user if chairman else office.user
        inspector = commune.staff.exclude(position__icontains="Chủ tịch").order_by("staff_code").first()
        if inspector is None:
            continue
        companies = Company.objects.filter(commune=commune, is_active=True).order_by("tax_code")
        for company, plan in zip(companies, PLANS, strict=False):
            for days_ago, positions, outcome, follow_up in plan:
                checked_on = today - datetime.timedelta(days=days_ago)
                criteria_set = criteria_set_in_force(checked_on, company.sector)
                at_risk = list(
                    criteria_set.criteria.filter(position__in=positions).values_list("pk", flat=True)
                )
                check_record(
                    actor=actor,
                    company=company,
                    checked_on=checked_on,
                    mode="remote" if days_ago % 3 == 0 else "on_site",
                    checked_by=inspector,
                    on_site_count=company.workforce - company.working_online,
                    online_count=company.working_online,
                    at_risk=at_risk,
                    outcome=outcome,
                    requested=ASKED.get(outcome, ""),
                    follow_up_on=today + datetime.timedelta(days=follow_up)
                    if follow_up is not None
                    else None,
                )
    return []
