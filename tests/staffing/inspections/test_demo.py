"""The demo's inspection teams: one not necessary that 2629/UBND makes the head suspend, one necessary kept
within the cap after its over-sized attempt was refused; a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from staffing.inspections import selectors
from staffing.inspections.constants import Necessity, TeamStatus
from staffing.inspections.models import InspectionTeam
from staffing.registry.models import Agency

pytestmark = pytest.mark.django_db


def test_demo_has_a_team_to_suspend_and_a_necessary_team_within_the_cap():
    call_command("seed_demo", stdout=io.StringIO())
    agency = Agency.objects.get(name="Phòng Tư pháp")
    to_suspend, policy = selectors.must_suspend(agency, today=timezone.localdate())
    assert policy.directive.number == "2629/UBND" and policy.inspection_max_participants == 5
    assert [team.necessity for team in to_suspend] == [Necessity.NOT_NECESSARY]
    necessary = InspectionTeam.objects.get(agency=agency, necessity=Necessity.NECESSARY)
    assert necessary.status == TeamStatus.PLANNED
    assert necessary.participants.count() + necessary.outsiders.count() == 5
    assert necessary.history.count() == 1  # the refused attempt left nothing behind
    rows = list(InspectionTeam.objects.values())
    call_command("seed_demo", stdout=io.StringIO())
    assert list(InspectionTeam.objects.values()) == rows
