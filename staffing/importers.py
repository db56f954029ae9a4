"""The staff importer: a spreadsheet of one agency's staff, matched by staff code within that agency."""

from django.utils.translation import gettext_lazy as _

from staffing.toolkit.importing import Column, Importer, ImportResult, Row

from .forms import StaffRowForm
from .models import Agency, StaffMember
from .services import STAFF_MEMBER_FIELDS, StaffRowsInvalid, staff_members_import


class StaffImporter(Importer):
    columns = (
        Column(
            "staff_code",
            _("Staff code"),
            required=True,
            aliases=("mã số", "mã nhân viên", "code"),
            example="TP-001",
            width=14,
            text=True,
        ),
        Column(
            "full_name",
            _("Full name"),
            required=True,
            aliases=("họ tên", "name"),
            example="Nguyễn Văn An",
            width=26,
        ),
        Column("position", _("Position"), aliases=("chức danh",), example="Chuyên viên", width=22),
        Column(
            "category",
            _("Category"),
            required=True,
            aliases=("loại cán bộ", "phân loại", "ngạch"),
            example="Công chức",
            width=16,
        ),
        Column("duty_group", _("Duty group"), aliases=("nhóm",), example="Thường", width=24),
        Column(
            "mobile_phone",
            _("Mobile phone"),
            aliases=("điện thoại", "số điện thoại", "phone", "sđt"),
            example="0912345678",
            width=16,
            text=True,
        ),
        Column(
            "email", _("Email"), aliases=("thư điện tử", "e-mail"), example="an.nv@example.gov.vn", width=26
        ),
        Column(
            "active_from",
            _("Active from"),
            aliases=("từ ngày", "ngày bắt đầu"),
            example="01/06/2021",
            width=14,
            text=True,
        ),
        Column("active_until", _("Active until"), aliases=("đến ngày", "ngày nghỉ"), width=14, text=True),
    )
    row_form = StaffRowForm
    natural_key = ("staff_code",)

    def __init__(self, *, agency: Agency, user=None):
        self.agency = agency
        self.user = user

    def existing(self, keys):
        codes = [code for (code,) in keys]
        return {
            (m.staff_code,): m for m in StaffMember.objects.filter(agency=self.agency, staff_code__in=codes)
        }

    def save_rows(self, rows: list[Row], result: ImportResult) -> None:
        entries = [(row.existing, {name: row.data[name] for name in STAFF_MEMBER_FIELDS}) for row in rows]
        try:
            counts = staff_members_import(agency=self.agency, members=entries, by=self.user)
        except StaffRowsInvalid as exc:
            for index, error in exc.errors_by_index.items():
                self.add_validation_error(result, rows[index].number, error)
            return
        result.created, result.updated, result.unchanged = counts
