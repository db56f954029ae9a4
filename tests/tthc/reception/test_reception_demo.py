"""The demo gives a few agencies a reception schedule and channels, and a few petitions, one of them overdue;
a second run changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from tthc.reception.models import Petition, PetitionEvent, ReceptionChannels, ReceptionSlot
from tthc.reception.selectors import overdue_petitions

pytestmark = pytest.mark.django_db


def counts():
    return tuple(m.objects.count() for m in (Petition, PetitionEvent, ReceptionSlot, ReceptionChannels))


def test_the_demo_seeds_schedules_channels_and_one_overdue_petition_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    first = counts()
    assert first[0] >= 4 and first[2] >= 3 and first[3] >= 3
    assert overdue_petitions(today=timezone.localdate()).count() == 1
    call_command("seed_demo", verbosity=0)
    assert counts() == first
