"""The reminders: heads hear of an obligation as it comes due and, overdue, once a week for four weeks;
never once it is done, closed, waived or its directive's policy no longer applies."""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from directives.documents import services as document_services
from directives.obligations import services as obligation_services
from directives.obligations.models import ReminderLog
from directives.obligations.tasks import send_obligation_reminders
from staffing.outbox.constants import Status
from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import message_deliver
from staffing.registry.constants import Role
from tests.directives.factories import (
    ClauseFactory,
    DraftFactory,
    ObligationFactory,
    published_directive_with_policy,
)
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 6, 8)


@pytest.fixture
def head_with_email(agency):
    user = user_with_role(Role.AGENCY_HEAD, agency, username="truong-phong-tu-phap")
    user.email = "truongphong@example.gov.vn"
    user.save()
    return user


def test_running_the_task_twice_sends_one_email(agency, head_with_email, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ObligationFactory(title="Quán triệt công văn", due_on=TODAY + datetime.timedelta(days=2))
    assert send_obligation_reminders(TODAY.isoformat()) == 1
    assert send_obligation_reminders(TODAY.isoformat()) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["truongphong@example.gov.vn"]
    assert "Quán triệt công văn" in message.body
    assert "Phòng Tư pháp" in message.subject
    assert ReminderLog.objects.get().sent_at is not None


def test_next_day_reminds_again_and_overdue_is_flagged(agency, head_with_email):
    ObligationFactory(due_on=TODAY)
    send_obligation_reminders(TODAY.isoformat())
    send_obligation_reminders((TODAY + datetime.timedelta(days=1)).isoformat())
    assert len(mail.outbox) == 2
    assert "QUÁ HẠN" in mail.outbox[1].body


def test_no_reminder_for_far_away_or_done_obligations(agency, head_with_email):
    ObligationFactory(due_on=TODAY + datetime.timedelta(days=4))
    done = ObligationFactory(due_on=TODAY)
    obligation_services.obligation_acknowledge(
        obligation=done,
        agency=agency,
        user=head_with_email,
        acknowledged_on=TODAY,
        method="meeting",
        evidence_text="Biên bản",
    )
    obligation_services.obligation_mark_done(obligation=done, agency=agency, user=head_with_email)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0
    assert mail.outbox == []


def test_agency_email_is_used_when_its_head_has_none():
    AgencyFactory(name="UBND xã An Phú", email="anphu@example.gov.vn")
    ObligationFactory(clause=ClauseFactory(), due_on=TODAY)
    obligation_services.obligation_reminders_send(day=TODAY)
    assert mail.outbox[0].to == ["anphu@example.gov.vn"]


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("smtp down")


def test_a_refused_send_stays_in_the_outbox_and_is_sent_once_when_the_server_is_back(
    agency, head_with_email, settings
):
    ObligationFactory(due_on=TODAY)
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    assert obligation_services.obligation_reminders_send(day=TODAY) == 1
    message = OutboxMessage.objects.get()
    assert message.status == Status.PENDING and "smtp down" in message.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0
    assert message_deliver(message.pk).outcome == "sent"
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0
    assert len(mail.outbox) == 1


def test_reminder_task_is_scheduled_daily_at_half_past_seven(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["Nhắc việc: nhiệm vụ theo văn bản sắp đến hạn hoặc quá hạn (07:30)"]
    assert entry["task"] == "directives.tasks.send_obligation_reminders"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({7}, {30})


def _days(start, end):
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def test_reminders_come_before_on_and_after_the_due_date_then_weekly_and_stop_after_four_weeks(
    agency, head_with_email
):
    due = datetime.date(2021, 6, 11)
    ObligationFactory(due_on=due)
    reminded = [
        day
        for day in _days(due - datetime.timedelta(days=10), due + datetime.timedelta(days=60))
        if obligation_services.obligation_reminders_send(day=day)
    ]
    offsets = [(day - due).days for day in reminded]
    assert offsets == [-3, 0, 1, 8, 15, 22]
    assert "QUÁ HẠN" in mail.outbox[-1].body
    assert "mỗi tuần một lần" in mail.outbox[-1].body


def test_missed_runs_do_not_lose_the_reminder(agency, head_with_email):
    due = datetime.date(2021, 6, 11)
    ObligationFactory(due_on=due)
    assert obligation_services.obligation_reminders_send(day=due - datetime.timedelta(days=1)) == 1
    assert obligation_services.obligation_reminders_send(day=due + datetime.timedelta(days=5)) == 1
    assert obligation_services.obligation_reminders_send(day=due + datetime.timedelta(days=6)) == 0


def test_no_reminder_for_an_obligation_whose_follow_up_is_closed(agency, head_with_email, office_user):
    obligation = ObligationFactory(due_on=TODAY)
    obligation_services.obligation_close(
        obligation=obligation, user=office_user, reason="Đã kiểm tra trực tiếp."
    )
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0
    obligation_services.obligation_reopen(obligation=obligation, user=office_user)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 1


def test_no_reminder_to_a_waived_agency(agency, head_with_email, office_user):
    obligation = ObligationFactory(due_on=TODAY)
    obligation_services.obligation_waive(
        obligation=obligation, agency=agency, user=office_user, reason="Đơn vị không có trụ sở riêng."
    )
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0


def test_no_reminder_once_the_directive_policy_has_ended(agency, head_with_email):
    letter = published_directive_with_policy(
        number="2629/UBND", issued_on=datetime.date(2021, 6, 4), effective_until=datetime.date(2021, 6, 7)
    )
    ObligationFactory(clause=ClauseFactory(document=letter), due_on=TODAY)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0


def test_no_reminder_once_a_later_letter_supersedes_the_directive(agency, head_with_email, office_user):
    letter = published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    ObligationFactory(clause=ClauseFactory(document=letter), due_on=TODAY)
    ending = DraftFactory(number="4310/UBND", issued_on=TODAY)
    document_services.reference_add(source=ending, target=letter, relation="supersedes")
    assert obligation_services.obligation_reminders_send(day=TODAY - datetime.timedelta(days=1)) == 1
    document_services.document_publish(document=ending, user=office_user, confirm_rules_end=True)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0


def test_no_reminder_once_the_directive_is_revoked(agency, head_with_email, office_user):
    letter = published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    ObligationFactory(clause=ClauseFactory(document=letter), due_on=TODAY)
    document_services.document_revoke(document=letter, user=office_user, revoked_on=TODAY)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 0


def test_a_run_after_a_partial_one_sends_only_what_that_run_left(agency, head_with_email):
    first = ObligationFactory(title="Nhiệm vụ đã nhắc", due_on=TODAY)
    ObligationFactory(title="Nhiệm vụ chưa nhắc", due_on=TODAY)
    ReminderLog.objects.create(obligation=first, agency=agency, day=TODAY)
    assert obligation_services.obligation_reminders_send(day=TODAY) == 1
    assert "Nhiệm vụ chưa nhắc" in mail.outbox[0].body
    assert "Nhiệm vụ đã nhắc" not in mail.outbox[0].body
    assert ReminderLog.objects.filter(day=TODAY).count() == 2
