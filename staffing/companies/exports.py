"""The register as an XLSX workbook, with Vietnamese headers (the user's language) and text never a formula."""

import io

from django.utils.translation import gettext as _

from staffing.toolkit import xlsx


def companies_workbook(companies) -> io.BytesIO:
    output = io.BytesIO()
    book = xlsx.workbook(output)
    sheet = book.add_worksheet(_("Companies")[:31])
    headers = [
        _("Commune"),
        _("Company name"),
        _("Tax code"),
        _("Address"),
        _("Sector"),
        _("Workforce"),
        _("Employees working online"),
        _("Share online (%)"),
        _("Contact person"),
        _("Contact phone"),
        _("Status"),
        _("Closed on"),
    ]
    sheet.write_row(0, 0, headers, book.header)
    for index, company in enumerate(companies, start=1):
        sheet.write_row(
            index,
            0,
            [
                company.commune.name,
                company.name,
                company.tax_code,
                company.address,
                str(company.get_sector_display()),
                company.workforce,
                company.working_online,
                company.online_percent if company.online_percent is not None else "",
                company.contact_person,
                company.contact_phone,
                _("Operating") if company.is_active else _("Closed"),
            ],
        )
        if company.closed_on:
            sheet.write_datetime(index, 11, company.closed_on, book.date)
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 36)
    sheet.set_column(2, 2, 16)
    sheet.set_column(3, 3, 30)
    sheet.set_column(4, 4, 22)
    sheet.set_column(5, 7, 12)
    sheet.set_column(8, 9, 18)
    sheet.set_column(10, 11, 14)
    sheet.freeze_panes(1, 0)
    book.close()
    return output
