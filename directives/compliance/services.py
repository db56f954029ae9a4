"""Build, store and e-mail the daily compliance report: once per day, however many workers run the task."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import ComplianceReport
from .registry import build_report, render_report
from .selectors import report_recipients

EMAIL_ROWS = 25


def report_url(day: datetime.date) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse('directives:compliance_detail', args=[day.isoformat()])}"


def _message(report: ComplianceReport, recipients: list[str]) -> EmailMultiAlternatives:
    with translation.override(settings.LANGUAGE_CODE):
        rendered = render_report(report.content)
        context = {
            "report": rendered,
            # The e-mail is a summary that reads on a phone; the page holds every row.
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
    message = EmailMultiAlternatives(subject, text, None, recipients)
    message.attach_alternative(html, "text/html")
    return message


@transaction.atomic
def compliance_report_send(*, day: datetime.date) -> tuple[ComplianceReport, bool]:
    """Store the day's report and e-mail it to the district office and leadership; (report, sent now).

    The row is created (or found) and locked before anything is built or sent: a second run waits on the
    lock (or on the unique day while the first run's insert is uncommitted), then finds `sent_at` set and
    sends nothing. A failed send raises and rolls the row back, so the next run builds and sends again. A
    report stored with no recipient (nobody with an e-mail) is rebuilt and tried again by the next run.
    """
    report, _created = ComplianceReport.objects.select_for_update().get_or_create(
        day=day, defaults={"built_at": timezone.now()}
    )
    if report.sent_at is not None:
        return report, False
    recipients = report_recipients()
    report.content = build_report(day)
    report.built_at = timezone.now()
    report.recipients = ", ".join(recipients)
    report.full_clean()
    report.save()
    if not recipients:
        return report, False
    _message(report, recipients).send()
    report.sent_at = timezone.now()
    report.save(update_fields=["sent_at"])
    return report, True
