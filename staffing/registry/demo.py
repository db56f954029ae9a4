"""Demo data of this app for `manage.py seed_demo`: idempotent, synthetic, returns the demo accounts it made.

The district's communes and their statistics codes are public facts; every person is invented, names
drawn deterministically from common Vietnamese family, middle and given names. A second run finds
everything in place and writes nothing.
"""

import datetime
import random
import unicodedata
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from simple_history.utils import bulk_create_with_history

from .constants import AgencyKind, DutyGroup, Role, StaffCategory
from .models import Agency, RoleAssignment, StaffMember

CADRE = StaffCategory.CADRE
CIVIL = StaffCategory.CIVIL_SERVANT
EMPLOYEE = StaffCategory.PUBLIC_EMPLOYEE
WORKER = StaffCategory.WORKER
REGULAR = DutyGroup.REGULAR
TASK_FORCE = DutyGroup.EPIDEMIC_TASK_FORCE
POLICE = DutyGroup.POLICE
MILITARY = DutyGroup.MILITARY

TOWNSHIP = ("Thị trấn Củ Chi", "27496")
COMMUNES = [
    ("Phú Mỹ Hưng", "27499"),
    ("An Phú", "27502"),
    ("Trung Lập Thượng", "27505"),
    ("An Nhơn Tây", "27508"),
    ("Nhuận Đức", "27511"),
    ("Phạm Văn Cội", "27514"),
    ("Phú Hòa Đông", "27517"),
    ("Trung Lập Hạ", "27520"),
    ("Trung An", "27523"),
    ("Phước Thạnh", "27526"),
    ("Phước Hiệp", "27529"),
    ("Tân An Hội", "27532"),
    ("Phước Vĩnh An", "27535"),
    ("Thái Mỹ", "27538"),
    ("Tân Thạnh Tây", "27541"),
    ("Hòa Phú", "27544"),
    ("Tân Thạnh Đông", "27547"),
    ("Bình Mỹ", "27550"),
    ("Tân Phú Trung", "27553"),
    ("Tân Thông Hội", "27556"),
]
# (name, short name, staff, head's title, deputy's title); clause 2 of 2629/UBND applies to each.
OFFICES = [
    ("Văn phòng HĐND và UBND huyện", "VP", 46, "Chánh Văn phòng", "Phó Chánh Văn phòng"),
    ("Phòng Nội vụ", "PNV", 13, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Tư pháp", "PTP", 9, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Tài chính – Kế hoạch", "TCKH", 20, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Tài nguyên và Môi trường", "TNMT", 32, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Quản lý đô thị", "QLDT", 26, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Kinh tế", "PKT", 14, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Lao động – Thương binh và Xã hội", "LDTBXH", 17, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Văn hóa và Thông tin", "VHTT", 11, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Giáo dục và Đào tạo", "GDDT", 16, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Phòng Y tế", "PYT", 7, "Trưởng phòng", "Phó Trưởng phòng"),
    ("Thanh tra huyện", "TTR", 11, "Chánh Thanh tra", "Phó Chánh Thanh tra"),
]
SCHOOLS = [
    ("Trường Trung học cơ sở Lê Quý Đôn", "THCSLQD", 84),
    ("Trường Trung học cơ sở Nguyễn Trãi", "THCSNT", 71),
    ("Trường Tiểu học Hòa Bình", "THHB", 62),
    ("Trường Tiểu học Bình Minh", "THBM", 53),
    ("Trường Mầm non Hoa Sen", "MNHS", 38),
    ("Trường Mầm non Sơn Ca", "MNSC", 33),
]

FAMILY = (
    ["Nguyễn"] * 38
    + ["Trần"] * 11
    + ["Lê"] * 9
    + ["Phạm"] * 7
    + ["Huỳnh"] * 5
    + ["Võ"] * 4
    + ["Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Tô", "Mai", "Cao"]
    * 2
)
MIDDLE_MALE = ["Văn", "Văn", "Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Hoàng", "Tấn", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ", "Bích", "Hồng", "Phương", "Diệu"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khoa", "Kiên",
    "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Tâm",
    "Thắng", "Thành", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
]  # fmt: skip
GIVEN_FEMALE = [
    "Anh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan",
    "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Thủy",
    "Thư", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Xuân", "Lệ", "Diễm", "Ánh",
]  # fmt: skip
MOBILE_PREFIXES = ["090", "091", "093", "094", "097", "098", "032", "033", "035", "037", "038", "070",
                   "076", "077", "079", "081", "083", "085", "086", "088", "089"]  # fmt: skip


@dataclass(frozen=True)
class AgencySpec:
    key: str  # seeds this agency's random names: adding an agency elsewhere changes nobody here
    name: str
    short_name: str
    kind: str
    statistics_code: str = ""
    address: str = ""


@dataclass(frozen=True)
class Post:
    position: str
    category: str
    duty_group: str = REGULAR


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def agency_specs() -> list[AgencySpec]:
    district = _lower_first(settings.DISTRICT_NAME)
    specs = []
    for name, code in [TOWNSHIP, *COMMUNES]:
        is_township = name.startswith("Thị trấn")
        full = f"UBND {_lower_first(name)}" if is_township else f"UBND xã {name}"
        specs.append(
            AgencySpec(
                key=code,
                name=full,
                short_name="UBND TT"
                if is_township
                else "UBND " + "".join(w[0] for w in _ascii(name).split()),
                kind=AgencyKind.TOWNSHIP_COMMITTEE if is_township else AgencyKind.COMMUNE_COMMITTEE,
                statistics_code=code,
                address=f"Trụ sở UBND {_lower_first(name) if is_township else 'xã ' + name}, {district}",
            )
        )
    for name, short, *_rest in OFFICES:
        specs.append(
            AgencySpec(
                short, name, short, AgencyKind.SPECIALISED_OFFICE, address=f"Khu hành chính {district}"
            )
        )
    units = [
        (f"Trung tâm Y tế {district}", "TTYT"),
        (f"Ban Quản lý dự án đầu tư xây dựng khu vực {district}", "BQLDA"),
        (f"Trung tâm Văn hóa – Thể thao {district}", "TTVHTT"),
    ]
    for name, short in units:
        specs.append(
            AgencySpec(short, name, short, AgencyKind.PUBLIC_SERVICE_UNIT, address=district.capitalize())
        )
    for name, short, _size in SCHOOLS:
        specs.append(
            AgencySpec(short, name, short, AgencyKind.PUBLIC_SERVICE_UNIT, address=district.capitalize())
        )
    specs.append(
        AgencySpec(
            "CTDVCI",
            f"Công ty TNHH MTV Dịch vụ công ích {district}",
            "DVCI",
            AgencyKind.PUBLIC_UTILITY_COMPANY,
            address=district.capitalize(),
        )
    )
    return specs


def _contacts(spec: AgencySpec, index: int) -> dict:
    slug = _ascii(spec.short_name).lower().replace(" ", "")
    return {
        "phone": f"028 3790 {1000 + index * 37:04d}",
        "email": f"{slug}.{spec.key.lower()}@example.gov.vn",
    }


# -- who works where -------------------------------------------------------------------------------


def _spread(rng: random.Random, total: int, shares: list[tuple[Post, float]]) -> list[Post]:
    posts = []
    for post, share in shares:
        posts.extend([post] * round(total * share))
    while len(posts) < total:
        posts.append(shares[0][0])
    rng.shuffle(posts)
    return posts[:total]


def _office_posts(rng, name, size, head, deputy) -> list[Post]:
    deputies = 1 if size < 10 else 2 if size < 25 else 3
    posts = [Post(head, CIVIL)] + [Post(deputy, CIVIL)] * deputies
    rest = size - len(posts)
    contract = max(1, round(rest * 0.15))
    clerk = "Thanh tra viên" if name.startswith("Thanh tra") else "Chuyên viên"
    posts += [Post(clerk, CIVIL)] * (rest - contract - 1) + [Post("Cán sự", CIVIL)]
    posts += [Post("Lái xe" if i % 2 else "Nhân viên hợp đồng", WORKER) for i in range(contract)]
    if name == "Phòng Y tế":
        posts[-2] = Post("Chuyên viên", CIVIL, TASK_FORCE)
        posts[1] = Post(deputy, CIVIL, TASK_FORCE)
    if name.startswith("Văn phòng HĐND"):
        posts[4:6] = [Post("Chuyên viên Tổ thường trực phòng, chống dịch", CIVIL, TASK_FORCE)] * 2
    return posts


COMMUNE_CADRES = [
    Post("Bí thư Đảng ủy", CADRE),
    Post("Phó Bí thư Thường trực Đảng ủy", CADRE),
    Post("Chủ tịch HĐND", CADRE),
    Post("Phó Chủ tịch HĐND", CADRE),
    Post("Chủ tịch UBND", CADRE),
    Post(
        "Phó Chủ tịch UBND", CADRE, TASK_FORCE
    ),  # heads the commune's steering committee against the epidemic
    Post("Phó Chủ tịch UBND", CADRE),
    Post("Chủ tịch Ủy ban MTTQ Việt Nam", CADRE),
    Post("Bí thư Đoàn TNCS Hồ Chí Minh", CADRE),
    Post("Chủ tịch Hội Liên hiệp Phụ nữ", CADRE),
    Post("Chủ tịch Hội Nông dân", CADRE),
    Post("Chủ tịch Hội Cựu chiến binh", CADRE),
]
COMMUNE_CIVIL_SERVANTS = [
    Post("Chỉ huy trưởng Ban Chỉ huy Quân sự", CIVIL, MILITARY),
    Post("Trưởng Công an", CIVIL, POLICE),
    Post("Công chức Văn phòng – Thống kê", CIVIL),
    Post("Công chức Tư pháp – Hộ tịch", CIVIL),
    Post("Công chức Địa chính – Xây dựng", CIVIL),
    Post("Công chức Tài chính – Kế toán", CIVIL),
    Post("Công chức Văn hóa – Xã hội", CIVIL, TASK_FORCE),
    Post("Công chức Văn phòng – Thống kê", CIVIL),
    Post("Công chức Tư pháp – Hộ tịch", CIVIL),
    Post("Công chức Địa chính – Xây dựng", CIVIL),
    Post("Công chức Văn hóa – Xã hội", CIVIL),
]
COMMUNE_PART_TIME = [
    Post("Phó Chỉ huy trưởng Ban Chỉ huy Quân sự", WORKER, MILITARY),
    Post("Phó Trưởng Công an", WORKER, POLICE),
    Post("Công an viên", WORKER, POLICE),
    Post("Thành viên Tổ COVID cộng đồng", WORKER, TASK_FORCE),
    Post("Phó Chủ tịch Ủy ban MTTQ Việt Nam", WORKER),
    Post("Phó Bí thư Đoàn", WORKER),
    Post("Phó Chủ tịch Hội Liên hiệp Phụ nữ", WORKER),
    Post("Phó Chủ tịch Hội Nông dân", WORKER),
    Post("Văn thư – Lưu trữ", WORKER),
    Post("Công an viên", WORKER, POLICE),
    Post("Thành viên Tổ COVID cộng đồng", WORKER, TASK_FORCE),
    Post("Phó Chủ tịch Hội Cựu chiến binh", WORKER),
    Post("Thủ quỹ", WORKER),
    Post("Dân quân thường trực", WORKER, MILITARY),
    Post("Nhân viên kỹ thuật", WORKER),
    Post("Công an viên", WORKER, POLICE),
    Post("Thành viên Tổ COVID cộng đồng", WORKER, TASK_FORCE),
    Post("Dân quân thường trực", WORKER, MILITARY),
    Post("Nhân viên phục vụ", WORKER),
    Post("Nhân viên bảo vệ", WORKER),
]


def _commune_posts(rng) -> list[Post]:
    core = rng.randint(19, 23)
    part_time = rng.randint(10, 20)
    return (
        COMMUNE_CADRES + COMMUNE_CIVIL_SERVANTS[: core - len(COMMUNE_CADRES)] + COMMUNE_PART_TIME[:part_time]
    )


def _health_centre_posts(rng) -> list[Post]:
    leaders = [
        Post("Giám đốc", EMPLOYEE),
        *[Post("Phó Giám đốc", EMPLOYEE, TASK_FORCE)] * 2,
        Post("Phó Giám đốc", EMPLOYEE),
    ]
    medical = [("Bác sĩ", 0.2), ("Điều dưỡng", 0.32), ("Y sĩ", 0.1), ("Hộ sinh", 0.06), ("Kỹ thuật viên xét nghiệm", 0.07),
               ("Dược sĩ", 0.05), ("Y tế công cộng", 0.05)]  # fmt: skip
    rest = 356
    posts = []
    for position, share in medical:
        for _i in range(round(rest * share)):
            posts.append(Post(position, EMPLOYEE, TASK_FORCE if rng.random() < 0.45 else REGULAR))
    posts += [Post("Kế toán", EMPLOYEE)] * 6 + [Post("Chuyên viên hành chính", EMPLOYEE)] * 10
    posts += [Post(p, WORKER) for p in ("Hộ lý", "Bảo vệ", "Lái xe cứu thương") for _i in range(rest // 25)]
    return leaders + posts


def _unit_posts(rng, short) -> list[Post]:
    if short == "BQLDA":
        staff = [("Kỹ sư xây dựng", 0.5), ("Cán bộ giám sát", 0.3), ("Kế toán", 0.2)]
        size, workers = 26, [Post("Lái xe", WORKER)] * 3
    else:
        staff = [("Viên chức văn hóa", 0.5), ("Huấn luyện viên", 0.3), ("Kế toán", 0.2)]
        size, workers = 30, [Post("Nhân viên kỹ thuật âm thanh", WORKER)] * 2 + [Post("Bảo vệ", WORKER)] * 2
    leaders = [Post("Giám đốc", EMPLOYEE), Post("Phó Giám đốc", EMPLOYEE), Post("Phó Giám đốc", EMPLOYEE)]
    return leaders + _spread(rng, size, [(Post(p, EMPLOYEE), s) for p, s in staff]) + workers


def _school_posts(rng, size) -> list[Post]:
    leaders = [Post("Hiệu trưởng", EMPLOYEE)] + [Post("Phó Hiệu trưởng", EMPLOYEE)] * (1 if size < 50 else 2)
    support = [
        Post("Kế toán", EMPLOYEE),
        Post("Văn thư", EMPLOYEE),
        Post("Nhân viên y tế học đường", EMPLOYEE, TASK_FORCE),
    ]
    workers = [Post("Bảo vệ", WORKER), Post("Bảo vệ", WORKER)] + [Post("Nhân viên phục vụ", WORKER)] * 3
    teachers = size - len(leaders) - len(support) - len(workers)
    return leaders + [Post("Giáo viên", EMPLOYEE)] * teachers + support + workers


def _company_posts(rng) -> list[Post]:
    leaders = [
        Post("Giám đốc", WORKER),
        Post("Phó Giám đốc", WORKER),
        Post("Phó Giám đốc", WORKER),
        Post("Kế toán trưởng", WORKER),
    ]
    shares = [
        (Post("Công nhân vệ sinh môi trường", WORKER), 0.5),
        (Post("Công nhân phun khử khuẩn", WORKER, TASK_FORCE), 0.06),
        (Post("Công nhân cây xanh", WORKER), 0.15),
        (Post("Công nhân điện chiếu sáng", WORKER), 0.1),
        (Post("Lái xe chuyên dùng", WORKER), 0.1),
        (Post("Nhân viên văn phòng", WORKER), 0.09),
    ]  # fmt: skip
    return leaders + _spread(rng, 262, shares)


def posts_for(spec: AgencySpec, rng: random.Random) -> list[Post]:
    if spec.kind in (AgencyKind.COMMUNE_COMMITTEE, AgencyKind.TOWNSHIP_COMMITTEE):
        return _commune_posts(rng)
    if spec.kind == AgencyKind.SPECIALISED_OFFICE:
        _name, _short, size, head, deputy = next(o for o in OFFICES if o[1] == spec.key)
        return _office_posts(rng, spec.name, size, head, deputy)
    if spec.kind == AgencyKind.PUBLIC_UTILITY_COMPANY:
        return _company_posts(rng)
    if spec.key == "TTYT":
        return _health_centre_posts(rng)
    school = next((s for s in SCHOOLS if s[1] == spec.key), None)
    if school:
        return _school_posts(rng, school[2])
    return _unit_posts(rng, spec.key)


def synthetic_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def mobile_number(rng: random.Random, serial: int) -> str:
    # 7919 is prime to 10**7, so distinct serials give distinct subscriber numbers: all phones are unique.
    return f"{rng.choice(MOBILE_PREFIXES)}{(serial * 7919 + 1_234_567) % 10_000_000:07d}"


def staff_for(spec: AgencySpec, first_serial: int) -> list[dict]:
    rng = random.Random(zlib.crc32(spec.key.encode()))
    prefix = spec.statistics_code or _ascii(spec.short_name).upper()
    rows = []
    for number, post in enumerate(posts_for(spec, rng), start=1):
        started = datetime.date(rng.randint(1998, 2020), rng.randint(1, 12), rng.randint(1, 28))
        rows.append(
            {
                "staff_code": f"{prefix}-{number:03d}",
                "full_name": synthetic_name(rng),
                "position": post.position,
                "category": post.category,
                "duty_group": post.duty_group,
                "mobile_phone": mobile_number(rng, first_serial + number),
                "active_from": started,
            }
        )
    return rows


# -- writing ----------------------------------------------------------------------------------------


def _seed_agencies(specs) -> dict[str, Agency]:
    stored = list(Agency.objects.all())
    by_code = {a.statistics_code: a for a in stored if a.statistics_code}
    by_name = {a.name: a for a in stored}
    found, missing = {}, []
    for index, spec in enumerate(specs):
        agency = by_code.get(spec.statistics_code) if spec.statistics_code else None
        agency = agency or by_name.get(spec.name)
        if agency is None:
            agency = Agency(
                name=spec.name,
                short_name=spec.short_name,
                kind=spec.kind,
                statistics_code=spec.statistics_code,
                address=spec.address,
                **_contacts(spec, index),
            )
            missing.append(agency)
        found[spec.key] = agency
    if missing:
        bulk_create_with_history(missing, Agency)
        ids = dict(Agency.objects.filter(name__in=[a.name for a in missing]).values_list("name", "pk"))
        for agency in missing:
            agency.pk = ids[agency.name]
    return found


def _seed_staff(specs, agencies) -> None:
    stored = set(StaffMember.objects.values_list("agency_id", "staff_code"))
    missing, serial = [], 0
    for spec in specs:
        agency = agencies[spec.key]
        rows = staff_for(spec, serial)
        serial += 1000
        for row in rows:
            if (agency.pk, row["staff_code"]) not in stored:
                missing.append(StaffMember(agency=agency, **row))
    if missing:
        bulk_create_with_history(missing, StaffMember, batch_size=500)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    agency_key: str | None = None
    staff_position: str | None = None  # the account is linked to the first staff member in this post
    full_name: str = ""


ACCOUNTS = [
    DemoAccount("admin", Role.DISTRICT_ADMIN, full_name="Quản trị hệ thống"),
    DemoAccount("vanphong", Role.DISTRICT_OFFICE, "VP", "Chuyên viên"),
    DemoAccount("lanhdao", Role.DISTRICT_LEADERSHIP, full_name="Lãnh đạo UBND huyện"),
    DemoAccount("truongphong", Role.AGENCY_HEAD, "PTP", "Trưởng phòng"),
    DemoAccount("chutichxa", Role.COMMUNE_CHAIRMAN, "27526", "Chủ tịch UBND"),
    DemoAccount("motcua", Role.ONE_STOP_OFFICER, "27526", "Công chức Tư pháp – Hộ tịch"),
    DemoAccount("canbo", Role.STAFF_MEMBER, "PTP", "Chuyên viên"),
]


def _set_password(user, password: str, hashes: dict) -> None:
    """Set the password only if it differs; the accounts share one hash, so a re-run checks it once.

    Each check costs a full PBKDF2 run; seven of them made a re-run of seed_demo take seconds.
    """
    if user.password not in hashes["checked"]:
        hashes["checked"][user.password] = check_password(password, user.password)
    if not hashes["checked"][user.password]:
        hashes["new"] = hashes["new"] or make_password(password)
        hashes["checked"][hashes["new"]] = True
        user.password = hashes["new"]
        user.save(update_fields=["password"])


def _seed_accounts(agencies, password: str) -> list[dict]:
    User = get_user_model()
    made = []
    hashes = {"checked": {}, "new": None}
    for account in ACCOUNTS:
        agency = agencies[account.agency_key] if account.agency_key else None
        member = None
        if account.staff_position:
            member = (
                StaffMember.objects.filter(agency=agency, position=account.staff_position)
                .order_by("staff_code")
                .first()
            )
        user, _created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": member.full_name if member else account.full_name,
                # An address, so the demo's reminders, reports and password resets reach someone (console).
                "email": f"{account.username}@example.gov.vn",
                "is_staff": account.role == Role.DISTRICT_ADMIN,
                "is_superuser": account.role == Role.DISTRICT_ADMIN,
            },
        )
        _set_password(user, password, hashes)
        district_wide = account.agency_key is None or account.role == Role.DISTRICT_OFFICE
        role_agency = None if district_wide else agency
        if not RoleAssignment.objects.filter(user=user, role=account.role, agency=role_agency).exists():
            RoleAssignment.objects.create(user=user, role=account.role, agency=role_agency)
        if member and member.user_id is None and not StaffMember.objects.filter(user=user).exists():
            member.user = user
            member.save(update_fields=["user"])
        made.append(
            {
                "username": account.username,
                "role": str(Role(account.role).label),
                "agency": role_agency.name if role_agency else str(settings.DISTRICT_NAME),
            }
        )
    return made


def seed(*, password: str) -> list[dict]:
    specs = agency_specs()
    agencies = _seed_agencies(specs)
    _seed_staff(specs, agencies)
    return _seed_accounts(agencies, password)
