"""The catalogue importer: spreadsheets matched by procedure code, all or nothing."""

from django.utils.translation import gettext_lazy as _

from staffing.toolkit.importing import Column, Importer, Row

from .forms import ProcedureRowForm
from .models import Procedure
from .services import PROCEDURE_FIELDS, procedure_changes, procedure_save, procedure_values


class ProcedureImporter(Importer):
    columns = (
        Column(
            "code",
            _("Procedure code"),
            required=True,
            aliases=("mã thủ tục", "mã tthc", "mã"),
            example="1.001193",
            width=12,
            text=True,
        ),
        Column(
            "name", _("Name"), required=True, aliases=("tên thủ tục",), example="Đăng ký khai sinh", width=40
        ),
        Column("field", _("Field"), aliases=("lĩnh vực",), example="Hộ tịch", width=18),
        Column(
            "level", _("Level"), required=True, aliases=("cấp thực hiện", "cấp"), example="Cấp xã", width=16
        ),
        Column(
            "processing_time_unit",
            _("Processing time unit"),
            required=True,
            aliases=("đơn vị thời hạn", "loại thời hạn"),
            example="Trong ngày",
            width=16,
        ),
        Column(
            "processing_time_value",
            _("Processing time"),
            aliases=("thời hạn giải quyết", "thời hạn", "số ngày"),
            example="0",
            width=10,
        ),
        Column(
            "fee_text", _("Fees and charges"), aliases=("phí, lệ phí", "lệ phí"), example="Miễn phí", width=18
        ),
        Column(
            "online_level",
            _("Online service level"),
            required=True,
            aliases=("mức độ dịch vụ công", "mức độ"),
            example="3",
            width=10,
        ),
        Column(
            "postal_intake_accepted",
            _("Postal intake accepted"),
            aliases=("nhận qua bưu chính",),
            example="Có",
            width=10,
        ),
        Column(
            "postal_return_offered",
            _("Postal return offered"),
            aliases=("trả qua bưu chính",),
            example="Có",
            width=10,
        ),
        Column(
            "result_in_person_by_law",
            _("Must be handled in person by law"),
            aliases=("trực tiếp theo luật",),
            example="Không",
            width=10,
        ),
        Column(
            "in_person_legal_basis",
            _("Legal basis for in-person handling"),
            aliases=("căn cứ pháp lý",),
            width=28,
        ),
        Column(
            "agency_kinds",
            _("Agency kinds handling it"),
            aliases=("loại cơ quan thực hiện",),
            example="UBND xã",
            width=24,
        ),
        Column("is_active", _("Active"), aliases=("đang áp dụng",), example="Có", width=10),
    )
    row_form = ProcedureRowForm
    natural_key = ("code",)

    def __init__(self, *, user=None):
        self.user = user

    def existing(self, keys):
        codes = [code for (code,) in keys]
        return {(p.code,): p for p in Procedure.objects.filter(code__in=codes)}

    def save_row(self, row: Row) -> str:
        fields = {name: row.data[name] for name in PROCEDURE_FIELDS}
        if row.existing is not None and not procedure_changes(row.existing, procedure_values(**fields)):
            return "unchanged"
        procedure_save(procedure=row.existing, by=self.user, **fields)
        return "updated" if row.existing is not None else "created"
