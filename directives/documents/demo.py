"""Demo data of this app for `manage.py seed_demo`: idempotent, synthetic, returns the demo accounts it made.

Official letter 2629/UBND (04/06/2021) with its clauses as published and the documents it cites, referenced and
published (the policy and obligations seed their parts of the same letter; see `letter`). Every write goes
through the services; a second run finds everything in place and writes nothing (so no new history either).
"""

import datetime

from django.contrib.auth import get_user_model

from staffing.registry.constants import Role
from staffing.registry.models import RoleAssignment

from . import services
from .constants import DocumentKind, ReferenceRelation
from .models import Document, DocumentReference

DISTRICT = "Ủy ban nhân dân huyện"
CITY = "Ủy ban nhân dân Thành phố Hồ Chí Minh"
DEPARTMENT_ICT = "Sở Thông tin và Truyền thông"

CITED = [
    (
        "1803/UBND-VX",
        CITY,
        datetime.date(2021, 6, 3),
        "Thay đổi phương thức làm việc của cơ quan, đơn vị Nhà nước đảm bảo phù hợp trong đợt cao điểm "
        "phòng, chống dịch bệnh COVID-19 trên địa bàn Thành phố Hồ Chí Minh.",
        ReferenceRelation.IMPLEMENTS,
    ),
    (
        "2579/UBND",
        DISTRICT,
        datetime.date(2021, 5, 28),
        "Tăng cường triển khai các hoạt động phòng, chống dịch Covid-19 trên địa bàn huyện.",
        ReferenceRelation.REFERS_TO,
    ),
    (
        "2600/UBND",
        DISTRICT,
        datetime.date(2021, 5, 31),
        "Triển khai tăng cường các biện pháp kiểm soát dịch bệnh Covid-19 trên địa bàn huyện.",
        ReferenceRelation.REFERS_TO,
    ),
    (
        "1174/STTTT-CNTT",
        DEPARTMENT_ICT,
        datetime.date(2021, 6, 1),
        "Sử dụng công nghệ thông tin trong cao điểm công tác phòng, chống dịch bệnh COVID-19.",
        ReferenceRelation.REFERS_TO,
    ),
]

LETTER_NUMBER = "2629/UBND"
LETTER_ISSUED_ON = datetime.date(2021, 6, 4)
LETTER_SUBJECT = (
    "Thay đổi phương thức làm việc của các cơ quan, đơn vị Nhà nước đảm bảo phù hợp trong đợt cao điểm "
    "phòng, chống dịch bệnh COVID-19 trên địa bàn huyện."
)
# The six numbered clauses of the letter; clause 3 is split where the letter itself splits it (3.1 a, 3.1 b, 3.2).
CLAUSES = [
    (
        "1",
        "Các cơ quan, đơn vị thực hiện nghiêm các yêu cầu của Ủy ban nhân dân huyện tại Công văn số 2579/UBND "
        "ngày 28 tháng 5 năm 2021 về tăng cường triển khai các hoạt động phòng, chống dịch Covid-19 trên địa bàn "
        "huyện và Công văn số 2600/UBND ngày 31 tháng 5 năm 2021 về triển khai tăng cường các biện pháp kiểm soát "
        "dịch bệnh Covid-19 trên địa bàn huyện, trong đó lưu ý các nội dung thực hiện tại trụ sở các cơ quan, "
        "đơn vị.",
    ),
    (
        "2",
        "Các cơ quan, đơn vị bố trí không quá 1/2 số lượng cán bộ, công chức, viên chức, người lao động sử dụng "
        "công nghệ thông tin làm việc tại nhà đối với các nhiệm vụ được phân công. Thủ trưởng các cơ quan, đơn vị "
        "tùy theo điều kiện, tính chất hoạt động của cơ quan, đơn vị mà bố trí cán bộ, công chức, viên chức, "
        "người lao động phù hợp. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm về việc cán bộ, công chức, viên "
        "chức, người lao động lây nhiễm dịch bệnh do không chấp hành nghiêm quy định phòng, chống dịch COVID-19 "
        "tại công sở.\n"
        "- Thủ trưởng các cơ quan, đơn vị có trách nhiệm phân công, giao việc cho cán bộ, công chức, viên chức, "
        "người lao động làm việc tại nhà theo hướng dẫn của Sở Thông tin và Truyền thông tại Công văn số "
        "1174/STTTT-CNTT ngày 01 tháng 6 năm 2021 về sử dụng công nghệ thông tin trong cao điểm công tác phòng, "
        "chống dịch bệnh COVID-19; quản lý cán bộ, công chức, viên chức, người lao động thông qua kết quả công "
        "việc; lưu ý không để công việc bị đình trệ, nhất là các công việc có thời hạn, thời hiệu theo quy định "
        "của pháp luật và các dịch vụ công phục vụ người dân và doanh nghiệp.\n"
        "Kết quả hoàn thành tiến độ và chất lượng công việc được phân công tại nhà là cơ sở quan trọng để đánh "
        "giá, phân loại theo hiệu quả công việc đối với cán bộ, công chức, viên chức, người lao động tại quý II "
        "năm 2021 và thời gian tiếp theo đến khi có thông báo mới.\n"
        "- Cán bộ, công chức, viên chức, người lao động làm việc tại nhà có trách nhiệm thường xuyên cập nhật "
        "tình hình công việc của cơ quan, đơn vị và báo cáo tiến độ, kết quả công việc cho người đứng đầu trực "
        "tiếp thông qua sử dụng công nghệ thông tin; mở điện thoại di động 24/24 giờ, chấp hành nghiêm túc sự "
        "phân công công tác của Thủ trưởng cơ quan, đơn vị, hoàn thành đúng tiến độ được giao; không di chuyển "
        "ra khỏi nhà nếu không thật sự cần thiết và chịu trách nhiệm về việc không chấp hành nghiêm quy định "
        "phòng, chống dịch COVID-19.\n"
        "- Tạm dừng các đoàn thanh tra, kiểm tra chưa cần thiết; trường hợp cần thiết thanh tra, kiểm tra phải "
        "hạn chế số lượng người tham gia; tạm dừng công tác tiếp công dân trực tiếp tại trụ sở cơ quan, đơn vị.",
    ),
    (
        "3.1 a",
        "Đối với công tác tiếp nhận, xử lý và trả kết quả hồ sơ thủ tục hành chính, các cơ quan, đơn vị tiếp "
        "nhận, giải quyết và trả kết quả giải quyết hồ sơ thủ tục hành chính trên tinh thần phục vụ yêu cầu của "
        "cá nhân, tổ chức; đảm bảo sự công bằng, công khai, minh bạch và tuân thủ các biện pháp phòng, chống "
        "dịch bệnh COVID-19 theo quy định, cụ thể như sau:\n"
        "a) Trường hợp các thủ tục hành chính đã được cơ quan, đơn vị cung cấp dịch vụ công trực tuyến mức độ 3, "
        "mức độ 4, cơ quan, đơn vị đã phối hợp với các đơn vị bưu chính công ích để tiếp nhận và trả kết quả qua "
        "dịch vụ bưu chính công ích; tiếp nhận, giải quyết và trả kết quả hồ sơ thủ tục hành chính theo hình "
        "thức trực tuyến, qua dịch vụ bưu chính công ích (trừ trường hợp đặc biệt, cấp bách được nêu tại Điểm b "
        "mục này).",
    ),
    (
        "3.1 b",
        "b) Trường hợp đặc biệt, cấp bách mà cá nhân, tổ chức có yêu cầu nộp trực tiếp: tiếp nhận trực tiếp và "
        "khuyến khích trả kết quả giải quyết thủ tục hành chính thông qua dịch vụ bưu chính công ích.\n"
        "Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện hướng dẫn Danh mục thủ tục hành chính đặc "
        "biệt, cấp bách được tiếp nhận trực tiếp.",
    ),
    (
        "3.2",
        "Việc trả kết quả giải quyết đối với những hồ sơ thủ tục hành chính được tiếp nhận trước ngày 03 tháng 6 "
        "năm 2021, thực hiện như sau:\n"
        "- Cơ quan, đơn vị chủ động thông tin việc trả kết quả qua dịch vụ bưu chính công ích đến cá nhân, tổ "
        "chức để phối hợp thực hiện (trừ trường hợp quy định pháp luật bắt buộc cá nhân, tổ chức phải trực tiếp "
        "nhận kết quả); khuyến khích các cơ quan, đơn vị chủ động phối hợp với các đơn vị bưu điện và các đơn "
        "vị, doanh nghiệp khác trả kết quả không thu phí qua bưu chính (theo hình thức văn thư đi) hoặc các hình "
        "thức chuyển trả đảm bảo khác cho cá nhân, tổ chức.\n"
        "- Trường hợp cá nhân, tổ chức đến trực tiếp trụ sở để nhận kết quả thì cơ quan, đơn vị vẫn thực hiện "
        "trả kết quả.",
    ),
    (
        "4",
        "Thủ trưởng các cơ quan, đơn vị quán triệt, phổ biến, tuyên truyền mục đích, ý nghĩa việc tổ chức làm "
        "việc tại nhà và công khai việc tiếp nhận giải quyết, trả kết quả giải quyết hồ sơ thủ tục hành chính và "
        "Danh mục thủ tục hành chính đặc biệt, cấp bách được tiếp nhận trực tiếp tại trụ sở cơ quan, đơn vị, trên "
        "trang thông tin điện tử, các phần mềm ứng dụng trực tuyến khác (các App) của cơ quan, đơn vị (nếu có).",
    ),
    (
        "5",
        "Đối với các công ty, doanh nghiệp: Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm rà soát, "
        "theo dõi, yêu cầu các công ty, doanh nghiệp trên địa bàn quản lý thực hiện nghiêm các biện pháp phòng "
        "chống dịch bệnh COVID-19 và khuyến khích hạn chế tối đa hoạt động trực tiếp, chuyển sang hình thức làm "
        "việc trực tuyến, chỉ đến trụ sở giải quyết các công việc thật sự cần thiết.",
    ),
    (
        "6",
        "Đối với số lượng cán bộ, công chức, viên chức, người lao động thuộc lực lượng tham gia phòng, chống "
        "dịch COVID-19 các cấp, cán bộ chiến sĩ lực lượng công an, quân sự, Thủ trưởng các cơ quan, đơn vị chịu "
        "trách nhiệm phân công, bố trí phù hợp với yêu cầu công tác.",
    ),
]


def office_user():
    for role in (Role.DISTRICT_OFFICE, Role.DISTRICT_ADMIN):
        assignment = (
            RoleAssignment.objects.filter(role=role).select_related("user").order_by("user__username").first()
        )
        if assignment:
            return assignment.user
    return get_user_model().objects.filter(is_superuser=True).order_by("pk").first()


def _document(*, user, number, issuer, issued_on, subject, clauses=()) -> Document:
    document = Document.objects.filter(
        number__iexact=number, issuer__iexact=issuer, issued_year=issued_on.year
    ).first()
    if document is None:
        document = services.document_create(
            user=user,
            kind=DocumentKind.OFFICIAL_LETTER,
            number=number,
            issuer=issuer,
            issued_on=issued_on,
            subject=subject,
            clauses=[{"number": n, "text": t} for n, t in clauses],
        )
    return document


def _publish(document: Document, user) -> Document:
    if document.is_draft:
        document = services.document_publish(document=document, user=user)
    return document


def letter() -> Document | None:
    """The demo's letter 2629/UBND once seeded (what the policy and obligation demos add to)."""
    return Document.objects.filter(
        number__iexact=LETTER_NUMBER, issuer__iexact=DISTRICT, issued_year=LETTER_ISSUED_ON.year
    ).first()


def seed(*, password: str) -> list[dict]:
    user = office_user()
    cited = []
    for number, issuer, issued_on, subject, relation in CITED:
        document = _document(user=user, number=number, issuer=issuer, issued_on=issued_on, subject=subject)
        cited.append((_publish(document, user), relation))

    letter = _document(
        user=user,
        number=LETTER_NUMBER,
        issuer=DISTRICT,
        issued_on=LETTER_ISSUED_ON,
        subject=LETTER_SUBJECT,
        clauses=CLAUSES,
    )
    if letter.is_draft:
        for target, relation in cited:
            if not DocumentReference.objects.filter(source=letter, target=target, relation=relation).exists():
                services.reference_add(source=letter, target=target, relation=relation, user=user)
    _publish(letter, user)
    return []
