"""The compliance report pages: the district office, leadership and administrators read them; nobody else."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report
from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import message_deliver
from staffing.registry.constants import Role
from tests.compliance_fixtures import TODAY, report_readers, small_district
from tests.factories import AgencyFactory, StaffMemberFactory, user_with_role

pytestmark = pytest.mark.django_db


def today_url():
    return reverse("directives:compliance_detail", args=[timezone.localdate().isoformat()])


@pytest.fixture
def readers():
    return report_readers()


@pytest.fixture
def stored(db):
    small_district()
    return ComplianceReport.objects.create(
        day=TODAY, built_at=timezone.now(), content=build_report(TODAY), recipients="vanphong@example.gov.vn"
    )


@pytest.mark.parametrize("role", [Role.AGENCY_HEAD, Role.COMMUNE_CHAIRMAN, Role.ONE_STOP_OFFICER])
def test_agency_roles_get_404_on_every_report_page(client, stored, role):
    client.force_login(user_with_role(role, AgencyFactory()))
    for url in (
        reverse("directives:compliance_list"),
        reverse("directives:compliance_detail", args=[TODAY.isoformat()]),
        reverse("directives:compliance_detail", args=[TODAY.isoformat()]) + "?format=xlsx",
        today_url(),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("directives:compliance_send")).status_code == 404


def test_a_staff_member_gets_404(client, stored):
    member = StaffMemberFactory(user=user_with_role(Role.AGENCY_HEAD, AgencyFactory()))
    member.user.role_assignments.all().delete()
    client.force_login(member.user)
    assert client.get(reverse("directives:compliance_list")).status_code == 404
    assert client.get(reverse("directives:compliance_detail", args=[TODAY.isoformat()])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("directives:compliance_list"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_leadership_reads_the_list_and_a_stored_report(client, readers, stored):
    client.force_login(readers["leader"])
    listing = client.get(reverse("directives:compliance_list"))
    assert listing.status_code == 200
    assert "08/06/2021" in listing.content.decode()
    page = client.get(reverse("directives:compliance_detail", args=[TODAY.isoformat()]))
    html = page.content.decode()
    assert "Phòng Tư pháp" in html
    assert "Phòng Y tế" in html
    assert "Người dân cần kết quả gấp để hưởng trợ cấp" in html
    assert reverse("directives:compliance_send") not in html  # leadership reads, never sends


def test_leadership_cannot_send(client, readers):
    client.force_login(readers["leader"])
    assert client.post(reverse("directives:compliance_send")).status_code == 404
    assert not ComplianceReport.objects.exists()


def test_today_is_built_live_without_storing_anything(client, readers):
    client.force_login(readers["office"])
    response = client.get(today_url())
    assert response.status_code == 200
    assert reverse("directives:compliance_send") in response.content.decode()
    assert not ComplianceReport.objects.exists()


@pytest.mark.parametrize("day", ["2021-06-07", "2099-01-01", "08-06-2021", "2021-13-01"])
def test_a_day_without_a_stored_report_or_a_bad_date_is_404(client, readers, stored, day):
    client.force_login(readers["office"])
    assert client.get(reverse("directives:compliance_detail", args=[day])).status_code == 404


def test_office_builds_and_sends_now_once(client, readers):
    client.force_login(readers["office"])
    response = client.post(reverse("directives:compliance_send"), follow=True)
    assert response.redirect_chain[-1][0] == today_url()
    assert "Báo cáo hôm nay đang được gửi tới 2 địa chỉ (xem hộp thư đi)." in response.content.decode()
    # The page only stores and enqueues (a silent mail server cannot hold it): the outbox's worker sends.
    assert len(mail.outbox) == 0
    messages = list(OutboxMessage.objects.order_by("to"))
    assert [(m.to, m.status) for m in messages] == [
        ("lanhdao@example.gov.vn", Status.PENDING),
        ("vanphong@example.gov.vn", Status.PENDING),
    ]
    for message in messages:
        message_deliver(message.pk)
    assert len(mail.outbox) == 2
    again = client.post(reverse("directives:compliance_send"), follow=True)
    assert "đã được gửi lúc" in again.content.decode()
    assert OutboxMessage.objects.count() == 2
    assert ComplianceReport.objects.count() == 1
    assert reverse("directives:compliance_send") not in again.content.decode()


def test_the_report_exports_to_excel_with_real_dates(client, readers, stored):
    client.force_login(readers["office"])
    response = client.get(reverse("directives:compliance_detail", args=[TODAY.isoformat()]) + "?format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="compliance-report-2021-06-08.xlsx"' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Phòng Tư pháp" in values
    assert any(isinstance(value, datetime.datetime) and value.date() == TODAY for value in values)


def test_office_home_and_menu_link_to_the_reports(client, readers, stored):
    client.force_login(readers["office"])
    html = client.get(reverse("home")).content.decode()
    assert reverse("directives:compliance_list") in html
    assert "08/06/2021" in html  # the latest report in the home panel


def test_a_head_home_has_no_link_to_the_reports(head_client):
    assert reverse("directives:compliance_list") not in head_client.get(reverse("home")).content.decode()
