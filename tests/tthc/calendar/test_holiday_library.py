"""The calendar of every year comes from the holiday library, with the district office's own days on top."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from staffing.registry.constants import Role
from tests.factories import ProcedureFactory, user_with_role
from tests.tthc.calendar.test_calendar import HOLIDAYS_2021, received
from tests.tthc.dossiers.factories import district_under_2629, receive
from tthc.calendar.constants import CalendarDayKind, CalendarDaySource, ProcessingTimeUnit
from tthc.calendar.demo import seed as seed_calendar
from tthc.calendar.library import library_days
from tthc.calendar.models import CalendarDay, CalendarLoadNotice
from tthc.calendar.notices import next_year_calendar_load
from tthc.calendar.services import calendar_day_save, calendar_year_compare, calendar_year_load
from tthc.calendar.tasks import load_next_year_calendar
from tthc.calendar.working_days import due_date_for
from tthc.dossiers.models import Dossier

D = datetime.date


def _office_with_email():
    user = user_with_role(Role.DISTRICT_OFFICE, username="van-phong")
    user.email = "vanphong@example.gov.vn"
    user.save()
    return user


def test_the_library_gives_exactly_the_14_days_off_the_product_held_for_2021():
    assert [day.date for day in library_days(2021)] == [day for day, _kind in HOLIDAYS_2021]


def test_2026_has_tet_the_observed_hung_kings_day_and_the_day_substituted_for_22_august():
    days = {day.date: day for day in library_days(2026)}
    assert [D(2026, 2, d) in days for d in range(16, 21)] == [True] * 5
    assert days[D(2026, 4, 27)].kind == CalendarDayKind.COMPENSATORY_DAY_OFF
    assert days[D(2026, 8, 31)].kind == CalendarDayKind.COMPENSATORY_DAY_OFF
    assert "22/08/2026" in days[D(2026, 8, 31)].name


@pytest.mark.django_db
def test_loading_a_year_adds_the_library_days_with_vietnamese_names_once():
    outcome = calendar_year_load(year=2027)
    assert len(outcome.added) == len(library_days(2027)) > 10
    tet = CalendarDay.objects.get(date=D(2027, 2, 6))
    assert (tet.name, tet.source) == ("Tết Nguyên Đán", CalendarDaySource.LIBRARY)
    again = calendar_year_load(year=2027)
    assert (again.added, again.refreshed) == ([], [])
    assert CalendarDay.history.filter(date__year=2027).count() == len(outcome.added)


@pytest.mark.django_db
def test_an_office_change_survives_a_reload_and_is_named_in_the_comparison():
    calendar_year_load(year=2027)
    calendar_day_save(
        date=D(2027, 9, 3), kind=CalendarDayKind.PUBLIC_HOLIDAY, name="Nghỉ theo quyết định của Thành phố"
    )
    calendar_day_save(date=D(2027, 2, 20), kind=CalendarDayKind.WORKING_WEEKEND_DAY, name="Làm bù")
    outcome = calendar_year_load(year=2027)
    kept = CalendarDay.objects.get(date=D(2027, 9, 3))
    assert (kept.name, kept.source) == ("Nghỉ theo quyết định của Thành phố", CalendarDaySource.OFFICE)
    assert [row.date for row in outcome.office_kept] == [D(2027, 9, 3)]
    statuses = {row.date: row.status for row in calendar_year_compare(year=2027)}
    assert statuses[D(2027, 9, 3)] == "office"
    assert statuses[D(2027, 2, 20)] == "office_only"
    assert statuses[D(2027, 2, 6)] == "same"


@pytest.mark.django_db
def test_a_due_date_across_tet_2027_skips_it():
    calendar_year_load(year=2027)
    fifteen = ProcedureFactory(processing_time_unit=ProcessingTimeUnit.WORKING_DAYS, processing_time_value=15)
    # Received Monday 25/01/2027: 15 working days without Tết would end on 15/02; Tết 04–10/02 adds five.
    assert due_date_for(fifteen, received(D(2027, 1, 25))) == D(2027, 2, 22)


@pytest.mark.django_db
def test_the_demo_loads_2021_through_next_year():
    seed_calendar()
    years = {day.year for day in CalendarDay.objects.dates("date", "year")}
    today = timezone.localdate()
    assert years == set(range(2021, today.year + 2))


@pytest.mark.django_db
def test_a_dossier_due_in_a_year_without_calendar_is_flagged_on_the_receipt_and_in_the_api(client):
    district = district_under_2629()
    flagged = receive(district)
    assert flagged.due_date_unverified
    calendar_year_load(year=2021)
    assert not receive(district).due_date_unverified

    client.force_login(district.officer)
    page = client.get(reverse("tthc:dossier-receipt", args=[flagged.pk]))
    assert "Chỉ tính theo ngày thứ Hai–thứ Sáu" in page.text
    assert (
        "Chỉ tính theo ngày thứ Hai–thứ Sáu"
        not in client.get(reverse("tthc:dossier-receipt", args=[Dossier.objects.latest("pk").pk])).text
    )


@pytest.mark.django_db
def test_the_december_task_loads_next_year_and_tells_the_office_once():
    _office_with_email()
    calendar_day_save(date=D(2027, 9, 3), kind=CalendarDayKind.PUBLIC_HOLIDAY, name="Nghỉ theo Thành phố")
    assert load_next_year_calendar("2026-12-01") is True
    assert load_next_year_calendar("2026-12-02") is False
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "06/02/2027: Tết Nguyên Đán" in body
    assert "03/09/2027" in body and "Nghỉ theo Thành phố" in body
    assert CalendarLoadNotice.objects.get(year=2027).sent_at is not None


@pytest.mark.django_db
def test_the_office_is_told_when_the_library_knows_nothing_of_next_year():
    _office_with_email()
    next_year_calendar_load(today=D(2199, 12, 1))
    assert "Chưa có lịch nghỉ năm 2200" in mail.outbox[0].subject
    assert not CalendarDay.objects.filter(date__year=2200).exists()


@pytest.mark.django_db
def test_the_office_loads_a_year_from_the_calendar_page(office_client):
    page = office_client.get(reverse("tthc:calendar-load") + "?year=2027")
    assert page.status_code == 200
    assert "Tết Nguyên Đán" in page.text
    response = office_client.post(reverse("tthc:calendar-load"), {"year": "2027"})
    assert response.status_code == 302
    assert CalendarDay.objects.filter(date__year=2027, source=CalendarDaySource.LIBRARY).count() == len(
        library_days(2027)
    )


@pytest.mark.django_db
def test_a_head_cannot_load_the_calendar(head_client):
    assert head_client.post(reverse("tthc:calendar-load"), {"year": "2027"}).status_code == 404
    assert not CalendarDay.objects.exists()


def test_beat_loads_next_year_every_day_of_december(settings):
    from celery.schedules import crontab

    entry = settings.CELERY_BEAT_SCHEDULE[
        "Hệ thống: nạp ngày nghỉ lễ năm sau (hằng ngày trong tháng 12, 06:00)"
    ]
    assert entry["task"] == "tthc.calendar.load_next_year"
    assert entry["schedule"] == crontab(hour=6, minute=0, month_of_year=12)
