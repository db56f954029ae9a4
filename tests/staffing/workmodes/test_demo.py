"""The demo's work-mode plans: written through the service, so never above the cap; some agencies unplanned."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from staffing.registry.models import Agency
from staffing.workmodes.selectors import work_mode_days

pytestmark = pytest.mark.django_db


def test_demo_plans_the_first_week_of_the_letter_and_this_week_within_the_cap():
    call_command("seed_demo", stdout=io.StringIO())
    today = timezone.localdate()
    mondays = [datetime.date(2021, 6, 7), today - datetime.timedelta(days=today.weekday())]
    unplanned = 0
    for agency in Agency.objects.all():
        for monday in mondays:
            days = work_mode_days(agency=agency, start=monday, end=monday + datetime.timedelta(days=4))
            assert not any(summary.over_cap for summary in days.values()), agency
            if not any(summary.planned for summary in days.values()):
                unplanned += 1
    june = work_mode_days(agency=Agency.objects.get(name="Phòng Tư pháp"), start=mondays[0], end=mondays[0])
    assert june[mondays[0]].remote == june[mondays[0]].cap > 0
    assert 0 < unplanned < Agency.objects.count()
