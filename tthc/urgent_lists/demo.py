"""Demo urgent list for `manage.py seed_demo`: version 1 of the urgent in-person list under 2629/UBND from
04/06/2021 (skipped without that letter, or once it has a list); idempotent."""

import datetime

from django.contrib.auth import get_user_model

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document
from staffing.registry.constants import Role
from staffing.registry.models import RoleAssignment
from tthc.catalogue.models import Procedure

from .models import UrgentList
from .services import urgent_list_create_draft, urgent_list_publish, urgent_list_set_items

D = datetime.date
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


def seed() -> None:
    letter = Document.objects.filter(number=LETTER_NUMBER, status=DocumentStatus.PUBLISHED).first()
    if letter is None or UrgentList.objects.filter(directive=letter).exists():
        return
    procedures = {p.code: p for p in Procedure.objects.filter(code__in=[code for code, _c in URGENT_ITEMS])}
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
