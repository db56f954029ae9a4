"""The outbox page: the district reads it (404 for agencies), the office sends a failed message again."""

import pytest
from django.core import mail
from django.urls import reverse

from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.registry.constants import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _message(key, status, **extra):
    return OutboxMessage.objects.create(
        key=key,
        kind="planning_reminder",
        to=f"{key}@example.gov.vn",
        subject="Nhắc lập kế hoạch",
        body_text="Nội dung",
        status=status,
        **extra,
    )


def test_the_office_sees_why_a_message_failed_filters_and_retries_it(
    office_client, django_capture_on_commit_callbacks
):
    from config.celery import app

    failed = _message(
        "hong",
        Status.FAILED,
        attempts=11,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    _message("da-gui", Status.SENT)
    page = office_client.get(reverse("outbox:list")).content.decode()
    assert "Hộp thư đi" in page
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page
    assert "Nhắc lập kế hoạch tuần sau" in page or "Nhắc lập kế hoạch" in page
    filtered = office_client.get(reverse("outbox:list"), {"status": "failed"}).content.decode()
    assert "hong@example.gov.vn" in filtered and "da-gui@example.gov.vn" not in filtered
    assert "Gửi lại ngay" in filtered

    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = office_client.post(reverse("outbox:retry", args=[failed.pk]), follow=True)
    finally:
        app.conf.task_always_eager = False
    assert response.status_code == 200
    failed.refresh_from_db()
    assert failed.status == Status.SENT
    assert [m.to for m in mail.outbox] == [["hong@example.gov.vn"]]
    again = office_client.post(reverse("outbox:retry", args=[failed.pk]), follow=True).content.decode()
    assert "Chỉ gửi lại được thư gửi không thành công." in again
    assert len(mail.outbox) == 1


def test_leadership_reads_but_cannot_retry_and_a_head_gets_404(client, head):
    failed = _message("hong", Status.FAILED)
    leader = user_with_role(Role.DISTRICT_LEADERSHIP, username="lanh-dao")
    client.force_login(leader)
    page = client.get(reverse("outbox:list")).content.decode()
    assert "hong@example.gov.vn" in page and reverse("outbox:retry", args=[failed.pk]) not in page
    assert client.post(reverse("outbox:retry", args=[failed.pk])).status_code == 404
    client.force_login(head)
    assert client.get(reverse("outbox:list")).status_code == 404
    assert OutboxMessage.objects.get(pk=failed.pk).status == Status.FAILED


def test_a_password_reset_email_goes_through_the_outbox(
    client, office_user, django_capture_on_commit_callbacks
):
    office_user.email = "vanphong@example.gov.vn"
    office_user.save()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("password_reset"), {"email": "vanphong@example.gov.vn"})
    assert response.status_code == 302
    message = OutboxMessage.objects.get(kind="password_reset")
    assert message.to == "vanphong@example.gov.vn" and "/accounts/reset/" in message.body_text
    assert len(callbacks) == 1 and not mail.outbox  # delivered by the worker after the commit
