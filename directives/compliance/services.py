"""Build, store and e-mail the daily compliance report: once per day, however many workers run the task."""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from staffing.outbox.models import OutboxMessage
from staffing.outbox.services import deliver_now, message_enqueue
from staffing.toolkit import xlsx

from .exports import report_filename, report_xlsx
from .models import ComplianceReport
from .registry import build_report, render_report
from .selectors import report_recipients

EMAIL_ROWS = 25


def report_url(day: datetime.date) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse('directives:compliance_detail', args=[day.isoformat()])}"


KIND = "compliance_report"


def _message(report: ComplianceReport) -> tuple[str, str, str, bytes]:
    """(subject, text, html, xlsx) of the report's e-mail."""
    with translation.override(settings.LANGUAGE_CODE):
        rendered = render_report(report.content)
        context = {
            "report": rendered,
            # The e-mail is a summary that reads on a phone; the page and the attached XLSX hold every row.
            "sections": [
                {
                    "section": section,
                    "rows": section.rows[:EMAIL_ROWS],
                    "more": max(section.count - EMAIL_ROWS, 0),
                }
                for section in rendered.sections
            ],
            "url": report_url(report.day),
            "site_name": settings.DISTRICT_NAME,
        }
        subject = " ".join(render_to_string("emails/compliance_report_subject.txt", context).split())
        text = render_to_string("emails/compliance_report.txt", context)
        html = render_to_string("emails/compliance_report.html", context)
        workbook = report_xlsx(rendered)
    return subject, text, html, workbook


@transaction.atomic
def compliance_report_store(*, day: datetime.date) -> tuple[ComplianceReport, list[OutboxMessage]]:
    """Store the day's report and put one e-mail per recipient (the district office and leadership) in the
    outbox, in one transaction; (report, the messages enqueued now: empty if it was already sent).

    The row is created (or found) and locked before anything is built: a second run waits on the lock (or
    on the unique day while the first run's insert is uncommitted), then finds `sent_at` set and enqueues
    nothing; the outbox keys (the day and the address) would refuse a second message anyway. Nothing is
    sent here: the messages are delivered after the commit, outside the transaction, and retried by the
    outbox if the mail server is down. A report stored with no recipient (nobody with an e-mail) is rebuilt
    and tried again by the next run.
    """
    report, _created = ComplianceReport.objects.select_for_update().get_or_create(
        day=day, defaults={"built_at": timezone.now()}
    )
    if report.sent_at is not None:
        return report, []
    recipients = report_recipients()
    report.content = build_report(day)
    report.built_at = timezone.now()
    report.recipients = ", ".join(recipients)
    report.full_clean()
    report.save()
    if not recipients:
        return report, []
    subject, text, html, workbook = _message(report)
    attachment = (report_filename(day), workbook, xlsx.CONTENT_TYPE)
    messages = []
    for address in recipients:
        message, created = message_enqueue(
            key=f"{KIND}:{day.isoformat()}:{address.lower()}",
            kind=KIND,
            to=address,
            subject=subject,
            text=text,
            html=html,
            attachments=[attachment],
        )
        if created:
            messages.append(message)
    # "Sent" here means handed to the outbox: its page shows each message's delivery.
    report.sent_at = timezone.now()
    report.save(update_fields=["sent_at"])
    return report, messages


def compliance_report_send(*, day: datetime.date, deliver: bool = True) -> tuple[ComplianceReport, bool]:
    """Store and enqueue the day's report (see compliance_report_store); (report, enqueued now).

    `deliver`: the caller (a worker) then delivers the messages itself, after the commit and outside any
    transaction; a failure stays in the outbox for its retries. The office's page passes False: its request
    only enqueues, and the outbox's task delivers."""
    report, messages = compliance_report_store(day=day)
    if deliver:
        deliver_now(messages)
    return report, bool(messages)
