"""Demo citizen reception for `manage.py seed_demo`: the regular sessions and the channels of a few agencies,
and a few synthetic petitions (one past its due date without an answer), all written through the services.

Idempotent: sessions and channels are added only where an agency has none; petitions only once.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from staffing.registry.models import Agency, StaffMember

from .constants import Weekday
from .models import Petition, ReceptionChannels, ReceptionSlot
from .services import (
    petition_answer,
    petition_assign,
    petition_close,
    petition_file,
    reception_channels_set,
    reception_slot_add,
)

T = datetime.time
# agency key (statistics code or short name): sessions (weekday, from, until, place), hotline, e-mail.
RECEPTION = {
    "27526": (
        [(Weekday.TUESDAY, T(7, 30), T(11, 30), "Phòng tiếp công dân, trụ sở UBND xã")],
        "0283 790 1111",
        "tiepcongdan.phuocthanh@example.gov.vn",
    ),
    "27496": (
        [
            (Weekday.MONDAY, T(7, 30), T(11, 30), "Phòng tiếp công dân, trụ sở UBND thị trấn"),
            (Weekday.THURSDAY, T(13, 30), T(16, 30), "Phòng tiếp công dân, trụ sở UBND thị trấn"),
        ],
        "0283 790 2222",
        "",
    ),
    "PTP": ([(Weekday.WEDNESDAY, T(8, 0), T(11, 0), "Phòng họp tầng 2, Phòng Tư pháp")], "", ""),
}
NOTE = (
    "Trong thời gian tạm dừng tiếp công dân trực tiếp, mọi kiến nghị được tiếp nhận qua biểu mẫu trực tuyến."
)

# (agency key, filer, phone, content, filed on, what happens next: "", "assign", "answer" or "close").
PETITIONS = [
    (
        "27526",
        "Trần Văn Khánh",
        "0908111222",
        "Đèn chiếu sáng công cộng tại Ấp 2 bị hỏng hơn một tuần, đề nghị xã kiểm tra, sửa chữa.",
        datetime.date(2021, 6, 8),
        "close",
    ),
    (
        "27526",
        "Lê Thị Mỹ Duyên",
        "0917333444",
        "Đề nghị hướng dẫn thủ tục đăng ký khai sinh trực tuyến cho con trong thời gian giãn cách.",
        datetime.date(2021, 6, 15),
        "answer",
    ),
    (
        "27526",
        "Phạm Hữu Tài",
        "0939555666",
        "Phản ánh việc tập trung đông người tại khu vực chợ tạm Ấp Phước An vào buổi sáng.",
        datetime.date(2021, 7, 5),
        "assign",
    ),
    (
        "PTP",
        "Võ Ngọc Hân",
        "0977888999",
        "Đề nghị cho biết thời gian trả kết quả chứng thực bản sao đã nộp qua bưu chính.",
        datetime.date(2021, 6, 21),
        "answer",
    ),
]
ANSWER = "Cơ quan đã tiếp nhận, kiểm tra và trả lời: nội dung kiến nghị đã được xử lý theo quy định."


def _agencies() -> dict[str, Agency]:
    keys = list(RECEPTION) + [row[0] for row in PETITIONS]
    found = Agency.objects.filter(Q(statistics_code__in=keys) | Q(short_name__in=keys))
    return {agency.statistics_code or agency.short_name: agency for agency in found}


def _actor():
    return get_user_model().objects.filter(username="admin").first()


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, T(hour)))


def seed() -> None:
    actor = _actor()
    if actor is None:
        return
    agencies = _agencies()
    for key, (sessions, hotline, email) in RECEPTION.items():
        agency = agencies.get(key)
        if agency is None:
            continue
        officer = StaffMember.objects.filter(agency=agency).order_by("pk").first()
        if not ReceptionSlot.objects.filter(agency=agency).exists():
            for weekday, starts_at, ends_at, place in sessions:
                reception_slot_add(
                    agency=agency,
                    actor=actor,
                    weekday=weekday,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    place=place,
                    officer=officer,
                )
        if not ReceptionChannels.objects.filter(agency=agency).exists():
            reception_channels_set(agency=agency, actor=actor, hotline=hotline, email=email, note=NOTE)
    if Petition.objects.filter(agency__in=agencies.values()).exists():
        return
    for key, name, phone, content, day, step in PETITIONS:
        agency = agencies.get(key)
        if agency is None:
            continue
        petition = petition_file(
            agency=agency, filer_name=name, filer_phone=phone, content=content, filed_at=_at(day)
        )
        assignee = StaffMember.objects.filter(agency=agency).order_by("pk").first()
        # The assigned one stays unanswered past its due date: the overdue petition of the demo.
        if step in ("assign", "answer", "close") and assignee is not None:
            petition = petition_assign(petition=petition, actor=actor, assignee=assignee)
        if step in ("answer", "close"):
            petition = petition_answer(petition=petition, actor=actor, answer=ANSWER)
        if step == "close":
            petition_close(petition=petition, actor=actor)
