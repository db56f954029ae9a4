"""Demo dossiers for `manage.py seed_demo`: one-stop officers and a few hundred synthetic dossiers of
May–July 2021, all received through dossier_receive (so every one obeys the intake rules of its day).

Deterministic (a fixed random seed) and idempotent: skipped once any demo agency has a 2021 dossier.
Applicants are invented from common name parts; no real person is named.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from directives.policy.selectors import policy_in_force
from staffing.registry.constants import Role
from staffing.registry.models import Agency, RoleAssignment
from tthc.calendar.working_days import add_working_days, working_day_on_or_after
from tthc.catalogue.models import Procedure
from tthc.intake.constants import Channel

from .constants import DossierStatus
from .models import Dossier
from .services import dossier_receive, dossier_transition, dossiers_extend

SEED = 2629
DOSSIERS = 300
FIRST_DAY, LAST_DAY = datetime.date(2021, 5, 4), datetime.date(2021, 7, 30)
# Dossiers received after this day are still open in the demo (every step before it is done).
OPEN_FROM = datetime.date(2021, 7, 19)

# (agency key: statistics code or short name, username of its one-stop officer, weight, procedure codes).
# "motcua" (UBND xã Phước Thạnh) comes from the staffing demo.
DESKS = [
    (
        "27526",
        "motcua",
        4,
        [
            "1.001193",
            "1.000656",
            "1.000894",
            "1.004873",
            "2.000635",
            "2.000815",
            "2.000884",
            "2.001019",
            "1.001699",
        ],
    ),
    (
        "27496",
        "motcua-thitran",
        3,
        ["1.001193", "1.000656", "1.000894", "1.004873", "2.000635", "2.000815", "2.000884", "1.001699"],
    ),
    ("PTP", "motcua-tuphap", 2, ["2.000635", "2.000815", "2.000884", "2.000806"]),
    ("PKT", "motcua-kinhte", 1, ["1.001612"]),
    ("QLDT", "motcua-qldt", 1, ["1.009122"]),
]
NEW_OFFICERS = {
    "motcua-thitran": "Nguyễn Thị Hồng Nhung",
    "motcua-tuphap": "Trần Minh Khoa",
    "motcua-kinhte": "Lê Thị Thu Trang",
    "motcua-qldt": "Phạm Quốc Bảo",
}

DOCUMENTS = {
    "1.001193": "Tờ khai đăng ký khai sinh\nGiấy chứng sinh",
    "1.000656": "Tờ khai đăng ký khai tử\nGiấy báo tử",
    "1.000894": "Tờ khai đăng ký kết hôn\nGiấy xác nhận tình trạng hôn nhân",
    "1.004873": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
    "2.000635": "Tờ khai cấp bản sao trích lục hộ tịch",
    "2.000815": "Bản chính giấy tờ\nBản sao cần chứng thực",
    "2.000884": "Giấy tờ, văn bản cần chứng thực chữ ký\nCăn cước công dân",
    "2.001019": "Dự thảo di chúc\nCăn cước công dân",
    "2.000806": "Tờ khai đăng ký kết hôn\nHộ chiếu của bên nước ngoài\nGiấy xác nhận tình trạng hôn nhân",
    "1.001612": "Giấy đề nghị đăng ký hộ kinh doanh\nBản sao giấy tờ pháp lý của chủ hộ",
    "1.001699": "Đơn đề nghị xác định mức độ khuyết tật\nBản sao hồ sơ bệnh án",
    "1.009122": "Đơn đề nghị cấp giấy phép xây dựng\nBản vẽ thiết kế\nGiấy tờ về quyền sử dụng đất",
}
SPECIAL_REASONS = [
    "Người nộp là người cao tuổi, không sử dụng được dịch vụ trực tuyến và cần kết quả gấp",
    "Cần giấy tờ gấp để làm thủ tục khám, chữa bệnh",
    "Người khuyết tật nặng, gia đình đề nghị giải quyết trực tiếp",
]
REFUSALS = ["Hồ sơ không thuộc thẩm quyền giải quyết", "Người nộp không bổ sung hồ sơ đúng hạn"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Hữu", "Thị Kim", "Quốc", "Bảo"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hạnh",
    "Khang",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Quyên",
    "Sơn",
    "Tâm",
    "Uyên",
    "Vy",
    "Xuân",
    "Yến",
    "Thảo",
    "Trung",
]
HAMLETS = ["Ấp 1", "Ấp 2", "Ấp 3", "Ấp Bàu Tròn", "Ấp Phước An", "Khu phố 4", "Khu phố 7"]


def _agencies() -> dict[str, Agency]:
    keys = [key for key, *_ in DESKS]
    found = Agency.objects.filter(Q(statistics_code__in=keys) | Q(short_name__in=keys))
    return {agency.statistics_code or agency.short_name: agency for agency in found}


def _officers(agencies: dict[str, Agency], password: str) -> tuple[dict, list[dict]]:
    User = get_user_model()
    officers, accounts = {}, []
    for key, username, _weight, _codes in DESKS:
        agency = agencies.get(key)
        if agency is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None and username in NEW_OFFICERS:
            user = User.objects.create_user(username=username, first_name=NEW_OFFICERS[username])
        if user is None:
            continue
        if username in NEW_OFFICERS and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        RoleAssignment.objects.get_or_create(user=user, role=Role.ONE_STOP_OFFICER, agency=agency)
        officers[key] = user
        if username in NEW_OFFICERS:
            accounts.append(
                {"username": username, "role": str(Role.ONE_STOP_OFFICER.label), "agency": agency.name}
            )
    return officers, accounts


def _applicant(rng: random.Random, n: int) -> dict:
    return {
        "applicant_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
        "applicant_id_number": f"0792{rng.randrange(10**8):08d}",
        "applicant_phone": f"09{rng.randrange(10**8):08d}",
        "applicant_email": f"nguoidan{n:03d}@example.com" if rng.random() < 0.7 else "",
        "applicant_address": f"{rng.choice(HAMLETS)}, huyện Củ Chi",
    }


def _received_at(rng: random.Random) -> datetime.datetime:
    span = (LAST_DAY - FIRST_DAY).days
    day = working_day_on_or_after(FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1)))
    minutes = rng.randrange(7 * 60 + 30, 16 * 60 + 30)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60)))


def _channel_order(rng: random.Random, *, peak: bool) -> list[str]:
    """Channels in the order this applicant would try them: in person first more often before the peak."""
    weights = {Channel.ONLINE: 3, Channel.POSTAL: 2, Channel.IN_PERSON: 2 if peak else 5}
    order = []
    pool = dict(weights)
    while pool:
        channel = rng.choices(list(pool), weights=list(pool.values()))[0]
        order.append(channel)
        del pool[channel]
    return order


def _receive(rng: random.Random, *, peak: bool, **values) -> Dossier | None:
    """Try the applicant's channels in turn; the service refuses closed ones, and now and then the officer
    records an in-person special case instead (clause 3.1 b)."""
    for channel in _channel_order(rng, peak=peak):
        attempts = [""]
        if channel == Channel.IN_PERSON and peak and rng.random() < 0.3:
            attempts.append(rng.choice(SPECIAL_REASONS))
        for reason in attempts:
            try:
                return dossier_receive(channel=channel, special_case_reason=reason, **values)
            except ValidationError as exc:
                if "channel" not in exc.error_dict:
                    raise
    return None


def _advance(rng: random.Random, dossier: Dossier, officer, *, cutoff) -> None:
    """Walk the dossier along its trail as a desk would have by the end of the demo period; a few received
    before the cut-off stay open, for the clause 3.2 notices."""
    received_on = timezone.localdate(dossier.received_at)
    before_cutoff_open = bool(cutoff and received_on < cutoff) and rng.random() < 0.12
    if received_on >= OPEN_FROM or before_cutoff_open:
        targets = rng.choice(
            [
                [],
                [DossierStatus.PROCESSING],
                [DossierStatus.PROCESSING, DossierStatus.WAITING_SUPPLEMENT],
                [DossierStatus.PROCESSING, DossierStatus.RESULT_READY],
            ]
        )
    elif rng.random() < 0.05:
        targets = [DossierStatus.PROCESSING, DossierStatus.REFUSED]
    else:
        targets = [DossierStatus.PROCESSING, DossierStatus.RESULT_READY, DossierStatus.RETURNED]
    when = dossier.received_at
    for step, to_status in enumerate(targets):
        days = 0 if step == 0 else max(0, (dossier.due_date - received_on).days // 2)
        day = add_working_days(timezone.localdate(when), days) if days else timezone.localdate(when)
        planned = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))
        when = max(when + datetime.timedelta(minutes=10), planned + datetime.timedelta(minutes=20 * step))
        dossier = dossier_transition(
            dossier=dossier,
            to_status=to_status,
            actor=officer,
            note=rng.choice(REFUSALS) if to_status == DossierStatus.REFUSED else "",
            postage_amount=rng.choice([None, None, 22000, 32000])
            if to_status == DossierStatus.RETURNED
            else None,
            at=when,
        )


def _seed_dossiers(agencies, officers) -> None:
    rng = random.Random(SEED)
    procedures = {p.code: p for p in Procedure.objects.all()}
    desks = [
        (key, weight, [procedures[c] for c in codes if c in procedures]) for key, _u, weight, codes in DESKS
    ]
    desks = [(key, weight, procs) for key, weight, procs in desks if key in officers and procs]
    if not desks:
        return
    # The cut-off of clause 3.2, read from the policy in force at the end of the demo period.
    policy = policy_in_force(agency=agencies[desks[0][0]], day=LAST_DAY)
    cutoff = policy.pre_cutoff_date if policy else None
    for n in range(DOSSIERS):
        key, _weight, procs = rng.choices(desks, weights=[w for _k, w, _p in desks])[0]
        agency, officer, procedure = agencies[key], officers[key], rng.choice(procs)
        received_at = _received_at(rng)
        dossier = _receive(
            rng,
            peak=bool(cutoff and timezone.localdate(received_at) >= cutoff),
            agency=agency,
            procedure=procedure,
            received_at=received_at,
            documents_received=DOCUMENTS.get(procedure.code, ""),
            actor=officer,
            **_applicant(rng, n),
        )
        if dossier is not None:
            _advance(rng, dossier, officer, cutoff=cutoff)


def _seed_extension(agencies) -> None:
    """The office gave building-permit dossiers of the planning office five more working days."""
    office = RoleAssignment.objects.filter(role=Role.DISTRICT_OFFICE).select_related("user").first()
    building = Procedure.objects.filter(code="1.009122").first()
    if office and building and "QLDT" in agencies:
        dossiers_extend(
            procedures=[building],
            agencies=[agencies["QLDT"]],
            working_days=5,
            reason="Thẩm định thực địa tạm dừng trong thời gian giãn cách xã hội",
            actor=office.user,
        )


def seed(*, password: str) -> list[dict]:
    agencies = _agencies()
    officers, accounts = _officers(agencies, password)
    if Dossier.objects.filter(agency__in=agencies.values(), received_at__year=2021).exists():
        return accounts
    _seed_dossiers(agencies, officers)
    _seed_extension(agencies)
    return accounts
