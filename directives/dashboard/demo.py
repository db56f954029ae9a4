"""Demo trends for `manage.py seed_demo`: the daily reports of the 29 days before today, built from the
demo's data as the 17:00 run would have stored them (not e-mailed), so the dashboard's charts have days to
draw. A day that already has a report is left alone."""

import datetime

from django.utils import timezone

from directives.compliance.models import ComplianceReport
from directives.compliance.registry import build_report
from directives.compliance.trends import TREND_DAYS


def seed() -> None:
    today = timezone.localdate()
    days = [today - datetime.timedelta(days=offset) for offset in range(1, TREND_DAYS)]
    existing = set(ComplianceReport.objects.filter(day__in=days).values_list("day", flat=True))
    ComplianceReport.objects.bulk_create(
        ComplianceReport(day=day, built_at=timezone.now(), content=build_report(day))
        for day in days
        if day not in existing
    )
