"""The office adds next year's holidays: from a spreadsheet (all rows or none) or one by one in the admin,
always through calendar_day_save; the calendar page warns about a year without holidays."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from staffing.registry.constants import Role
from tests.factories import AgencyFactory, CalendarDayFactory, user_with_role
from tthc.calendar.constants import CalendarDayKind
from tthc.calendar.importers import CalendarDayImporter
from tthc.calendar.models import CalendarDay
from tthc.calendar.services import calendar_day_save
from tthc.calendar.working_days import add_working_days, years_without_calendar

D = datetime.date
pytestmark = pytest.mark.django_db
HEADERS = ["Ngày", "Loại ngày", "Tên ngày nghỉ"]


def upload(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return SimpleUploadedFile("lich.csv", ("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv")


def test_a_year_of_holidays_is_imported_with_vietnamese_labels_and_counts_in_due_dates():
    result = CalendarDayImporter().run(
        upload(
            [
                ["03/01/2022", "Ngày nghỉ bù", "Nghỉ bù Tết Dương lịch"],
                ["02/04/2022", "Ngày làm bù cuối tuần", "Làm bù"],
            ]
        )
    )
    assert result.ok, result.errors
    assert (result.created, result.committed) == (2, True)
    assert CalendarDay.objects.get(date=D(2022, 1, 3)).kind == CalendarDayKind.COMPENSATORY_DAY_OFF
    # Friday 31/12/2021 + 1 working day skips the weekend and the day off in lieu on Monday 03/01/2022.
    assert add_working_days(D(2021, 12, 31), 1) == D(2022, 1, 4)


def test_a_wrong_row_saves_nothing_and_names_its_row_and_column():
    result = CalendarDayImporter().run(
        upload(
            [
                ["01/01/2022", "Ngày lễ, Tết", "Tết Dương lịch"],
                ["04/01/2022", "Ngày làm bù cuối tuần", "Thứ Ba không thể làm bù"],
            ]
        )
    )
    assert not result.ok and not CalendarDay.objects.exists()
    error = result.errors[0]
    assert (error.row, error.column) == (3, "Loại ngày")
    assert "thứ Bảy hoặc Chủ nhật" in error.message


def test_a_date_already_in_the_calendar_is_updated_not_doubled():
    CalendarDayFactory(date=D(2022, 9, 2), kind=CalendarDayKind.PUBLIC_HOLIDAY, name="Quốc khánh")
    result = CalendarDayImporter().run(
        upload([["02/09/2022", "Ngày lễ, Tết", "Quốc khánh"], ["01/09/2022", "Ngày lễ, Tết", "Quốc khánh"]])
    )
    assert (result.created, result.unchanged) == (1, 1)
    assert CalendarDay.objects.count() == 2


def test_a_compensatory_day_off_cannot_fall_on_a_sunday():
    with pytest.raises(ValidationError) as excinfo:
        calendar_day_save(date=D(2022, 1, 2), kind=CalendarDayKind.COMPENSATORY_DAY_OFF)
    assert excinfo.value.error_dict["kind"][0].code == "not_weekday"


def test_a_year_without_holidays_is_flagged_and_next_year_from_october():
    CalendarDayFactory(date=D(2021, 9, 2))
    assert years_without_calendar(D(2021, 6, 1)) == []
    assert years_without_calendar(D(2021, 10, 1)) == [2022]
    assert years_without_calendar(D(2023, 3, 1)) == [2023]


def test_the_office_imports_from_the_calendar_page(office_client):
    page = office_client.get(reverse("tthc:calendar"), {"year": 2022})
    assert page.status_code == 200
    assert "Chưa có ngày nghỉ lễ nào của năm 2022" in page.content.decode()
    response = office_client.post(
        reverse("tthc:calendar-import"),
        {"file": upload([["01/01/2022", "Ngày lễ, Tết", "Tết Dương lịch"]]), "import": "1"},
    )
    assert response.status_code == 302
    listing = office_client.get(reverse("tthc:calendar"), {"year": 2022}).content.decode()
    assert "01/01/2022" in listing and "Tết Dương lịch" in listing
    template = office_client.get(reverse("tthc:calendar-import-template-csv"))
    assert "Loại ngày" in template.content.decode("utf-8-sig")


def test_only_the_district_office_imports_and_only_district_roles_read(client, head):
    officer = user_with_role(Role.ONE_STOP_OFFICER, AgencyFactory(), username="motcua-lich")
    leader = user_with_role(Role.DISTRICT_LEADERSHIP, None, username="lanhdao-lich")
    for user, calendar_status, import_status in ((head, 404, 404), (officer, 404, 404), (leader, 200, 404)):
        client.force_login(user)
        assert client.get(reverse("tthc:calendar")).status_code == calendar_status
        assert client.get(reverse("tthc:calendar-import")).status_code == import_status
    client.logout()
    assert client.get(reverse("tthc:calendar")).status_code == 302


def test_the_admin_writes_a_day_through_the_service(admin_client):
    response = admin_client.post(
        reverse("admin:tthc_calendarday_add"),
        {"date": "06/01/2022", "kind": CalendarDayKind.WORKING_WEEKEND_DAY, "name": "Thứ Năm"},
    )
    assert response.status_code == 200
    assert "thứ Bảy hoặc Chủ nhật" in response.content.decode()
    assert not CalendarDay.objects.exists()
    admin_client.post(
        reverse("admin:tthc_calendarday_add"),
        {"date": "08/01/2022", "kind": CalendarDayKind.WORKING_WEEKEND_DAY, "name": "Làm bù"},
    )
    day = CalendarDay.objects.get()
    assert day.history.first().history_user.is_superuser

    change = reverse("admin:tthc_calendarday_change", args=[day.pk])
    response = admin_client.post(change, {"kind": CalendarDayKind.WORKING_WEEKEND_DAY, "name": "Làm bù Tết"})
    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.date, day.name) == (D(2022, 1, 8), "Làm bù Tết")
