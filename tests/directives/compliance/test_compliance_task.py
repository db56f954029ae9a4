"""The 17:00 task: the report is stored before it is e-mailed, once a day, to the office and leadership only."""

import smtplib

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.tasks import send_daily_compliance_report
from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import message_deliver
from staffing.registry.constants import Role
from tests.compliance_fixtures import TODAY, report_readers, small_district, user_with_email
from tests.factories import AgencyFactory, StaffMemberFactory

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


@pytest.fixture
def readers():
    return report_readers()


def test_beat_runs_the_report_every_day_at_17():
    entry = settings.CELERY_BEAT_SCHEDULE["Báo cáo: tình hình thực hiện hằng ngày (17:00)"]
    assert entry["task"] == "directives.tasks.send_daily_compliance_report"
    assert entry["schedule"] == crontab(hour=17, minute=0)


def test_running_the_task_twice_stores_one_report_and_sends_one_email(readers):
    small_district()
    assert send_daily_compliance_report(TODAY.isoformat()) == 1
    assert send_daily_compliance_report(TODAY.isoformat()) == 0
    assert ComplianceReport.objects.count() == 1
    assert len(mail.outbox) == 2  # one e-mail per recipient, through the outbox
    report = ComplianceReport.objects.get()
    assert report.day == TODAY
    assert report.sent_at is not None
    assert report.content["day"] == TODAY.isoformat()


def test_the_email_is_vietnamese_text_and_html_with_a_link_to_the_report(readers, settings):
    settings.SITE_URL = "https://lamviec.example.gov.vn"
    small_district()
    send_daily_compliance_report(TODAY.isoformat())
    message = mail.outbox[0]
    assert message.subject.startswith(
        f"[{settings.DISTRICT_NAME}] Báo cáo tình hình thực hiện ngày 08/06/2021"
    )
    assert "Phòng Tư pháp" in message.body
    assert "https://lamviec.example.gov.vn/directives/compliance/2021-06-08/" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert "Phòng Y tế" in html
    assert "Cơ quan, đơn vị vượt tỷ lệ làm việc tại nhà" in html


def test_only_district_office_and_leadership_with_an_email_receive_it(readers):
    agency = AgencyFactory()
    user_with_email(Role.AGENCY_HEAD, agency, username="truong", email="truong@example.gov.vn")
    user_with_email(Role.ONE_STOP_OFFICER, agency, username="motcua", email="motcua@example.gov.vn")
    user_with_email(Role.DISTRICT_ADMIN, username="quantri", email="quantri@example.gov.vn")
    user_with_email(Role.DISTRICT_OFFICE, username="khong-email", email="")
    retired = user_with_email(Role.DISTRICT_LEADERSHIP, username="nghi-huu", email="nghihuu@example.gov.vn")
    retired.is_active = False
    retired.save()

    send_daily_compliance_report(TODAY.isoformat())

    addresses = sorted(address for message in mail.outbox for address in message.to)
    assert addresses == ["lanhdao@example.gov.vn", "vanphong@example.gov.vn"]
    assert ComplianceReport.objects.get().recipient_list == addresses


def test_with_nobody_to_send_to_the_report_is_stored_and_sent_by_a_later_run(db):
    assert send_daily_compliance_report(TODAY.isoformat()) == 0
    report = ComplianceReport.objects.get()
    assert (report.sent_at, report.recipients) == (None, "")

    report_readers()
    assert send_daily_compliance_report(TODAY.isoformat()) == 1
    assert len(mail.outbox) == 2
    assert ComplianceReport.objects.get().sent_at is not None


def test_a_refused_send_keeps_the_report_and_its_messages_for_a_retry_that_sends_once(readers, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    assert send_daily_compliance_report(TODAY.isoformat()) == 1
    assert ComplianceReport.objects.count() == 1
    messages = list(OutboxMessage.objects.all())
    assert len(messages) == 2
    for message in messages:
        assert message.status == Status.PENDING
        assert message.attempts == 1
        assert "connection refused" in message.last_error
        assert message.next_try_at > timezone.now()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_daily_compliance_report(TODAY.isoformat()) == 0  # stored and enqueued already
    for message in messages:
        assert message_deliver(message.pk).outcome == "sent"
        assert message_deliver(message.pk).outcome == "skipped"
    assert len(mail.outbox) == 2


def test_without_a_day_the_task_reports_today_in_the_district_time_zone(readers):
    send_daily_compliance_report()
    assert ComplianceReport.objects.get().day == timezone.localdate()


def test_the_email_lists_25_rows_of_a_section_and_links_to_the_rest(readers):
    for number in range(14):
        StaffMemberFactory(agency=AgencyFactory(name=f"UBND xã thử nghiệm {number:02d}"))
    send_daily_compliance_report(TODAY.isoformat())  # 14 agencies without a plan, today and tomorrow
    message = mail.outbox[0]
    assert message.body.count("UBND xã thử nghiệm") == 25
    assert "… và 3 dòng khác trong toàn văn báo cáo." in message.body
    assert "… và 3 dòng khác trong toàn văn báo cáo." in message.alternatives[0][0]
