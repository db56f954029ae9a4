"""The companies importer: a spreadsheet of one commune's companies, matched by tax code."""

from django.utils.translation import gettext_lazy as _

from staffing.registry.models import Agency
from staffing.toolkit.importing import Column, Importer, Row

from .constants import CompanyStatus
from .forms import CompanyRowForm
from .models import Company
from .services import company_save


class CompanyImporter(Importer):
    columns = (
        Column(
            "tax_code",
            _("Tax code"),
            required=True,
            aliases=("mst", "mã số doanh nghiệp", "tax id"),
            example="9900000009",
            width=16,
            text=True,
        ),
        Column(
            "name",
            _("Company name"),
            required=True,
            aliases=("tên", "tên doanh nghiệp", "tên công ty", "name"),
            example="Công ty TNHH Ví Dụ",
            width=34,
        ),
        Column("address", _("Address"), aliases=("địa chỉ trụ sở",), example="Ấp 1", width=30),
        Column("sector", _("Sector"), aliases=("ngành", "lĩnh vực hoạt động"), example="Sản xuất", width=22),
        Column(
            "workforce", _("Workforce"), aliases=("tổng số lao động", "số lao động"), example="120", width=12
        ),
        Column(
            "working_online",
            _("Employees working online"),
            aliases=("làm việc trực tuyến", "số lao động làm việc trực tuyến", "online"),
            example="30",
            width=14,
        ),
        Column(
            "contact_person",
            _("Contact person"),
            aliases=("người liên hệ",),
            example="Trần Thị Bình",
            width=22,
        ),
        Column(
            "contact_phone",
            _("Contact phone"),
            aliases=("điện thoại", "số điện thoại", "sđt", "phone"),
            example="0912345678",
            width=16,
            text=True,
        ),
        Column("status", _("Status"), aliases=("tình trạng",), example="Đang hoạt động", width=16),
        Column("closed_on", _("Closed on"), aliases=("ngày ngừng hoạt động",), width=14, text=True),
    )
    row_form = CompanyRowForm
    natural_key = ("tax_code",)

    def __init__(self, *, commune: Agency | None):
        self.commune = commune

    def make_form(self, data: dict):
        if not hasattr(self, "_taken_elsewhere"):
            # Tax codes of other communes' registers, read once for the file.
            others = Company.objects.exclude(commune=self.commune).values_list("tax_code", flat=True)
            self._taken_elsewhere = frozenset(others)
        return CompanyRowForm(data=data, commune=self.commune, taken_elsewhere=self._taken_elsewhere)

    def existing(self, keys):
        codes = [code for (code,) in keys]
        return {(c.tax_code,): c for c in Company.objects.filter(commune=self.commune, tax_code__in=codes)}

    def save_row(self, row: Row) -> str:
        data = row.data
        fields = {
            "name": data["name"],
            "tax_code": data["tax_code"],
            "address": data.get("address", ""),
            "sector": data.get("sector", ""),
            "workforce": data.get("workforce") or 0,
            "working_online": data.get("working_online") or 0,
            "contact_person": data.get("contact_person", ""),
            "contact_phone": data.get("contact_phone", ""),
            "is_active": data.get("status", CompanyStatus.ACTIVE) != CompanyStatus.CLOSED,
            "closed_on": data.get("closed_on"),
        }
        return company_save(commune=self.commune, company=row.existing, **fields).outcome
