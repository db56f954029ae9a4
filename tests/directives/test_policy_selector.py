"""policy_in_force: the one answer every part of the product uses."""

import datetime

import pytest

from directives import services
from directives.selectors import policies_in_force_by_kind, policy_in_force, policy_timeline
from staffing.constants import AgencyKind
from tests.directives.factories import published_directive_with_policy
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def office(db):
    return AgencyFactory(kind=AgencyKind.SPECIALISED_OFFICE)


def test_no_policy_before_the_directive_takes_effect(office):
    published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    assert policy_in_force(agency=office, day=D(2021, 6, 3)) is None
    assert policy_in_force(agency=office, day=D(2021, 6, 4)).ratio_display == "1/2"
    assert policy_in_force(agency=office, day=D(2022, 1, 1)).ratio_display == "1/2"


def test_policy_ends_after_its_effective_until(office):
    published_directive_with_policy(
        number="2629/UBND", issued_on=D(2021, 6, 4), effective_until=D(2021, 6, 30)
    )
    assert policy_in_force(agency=office, day=D(2021, 6, 30)) is not None
    assert policy_in_force(agency=office, day=D(2021, 7, 1)) is None


def test_most_recently_issued_directive_wins_where_they_overlap(office):
    published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    published_directive_with_policy(
        number="3001/UBND", issued_on=D(2021, 7, 8), remote_cap_numerator=2, remote_cap_denominator=3
    )
    assert policy_in_force(agency=office, day=D(2021, 7, 7)).ratio_display == "1/2"
    later = policy_in_force(agency=office, day=D(2021, 7, 8))
    assert later.ratio_display == "2/3"
    assert later.remote_cap(10) == 6


def test_revoked_directive_stops_applying_from_the_revocation_date(office, office_user):
    older = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    newer = published_directive_with_policy(
        number="3001/UBND", issued_on=D(2021, 7, 8), remote_cap_numerator=2, remote_cap_denominator=3
    )
    services.document_revoke(document=newer, user=office_user, revoked_on=D(2021, 8, 1))
    assert policy_in_force(agency=office, day=D(2021, 7, 31)).directive == newer
    # The older directive, still published, applies again once the newer one is revoked.
    assert policy_in_force(agency=office, day=D(2021, 8, 1)).directive == older
    services.document_revoke(document=older, user=office_user, revoked_on=D(2021, 9, 1))
    assert policy_in_force(agency=office, day=D(2021, 9, 1)) is None


def test_draft_directive_carries_no_policy_in_force(office):
    from directives.constants import DocumentStatus
    from tests.factories import WorkModePolicyFactory

    WorkModePolicyFactory(directive__status=DocumentStatus.DRAFT)
    assert policy_in_force(agency=office, day=D(2021, 6, 10)) is None


def test_policy_limited_to_agency_kinds(office):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    published_directive_with_policy(
        number="2700/UBND", issued_on=D(2021, 6, 10), agency_kinds=[AgencyKind.COMMUNE_COMMITTEE]
    )
    assert policy_in_force(agency=commune, day=D(2021, 6, 10)) is not None
    assert policy_in_force(agency=office, day=D(2021, 6, 10)) is None
    by_kind = policies_in_force_by_kind(day=D(2021, 6, 10))
    assert by_kind[AgencyKind.COMMUNE_COMMITTEE] is not None
    assert by_kind[AgencyKind.SPECIALISED_OFFICE] is None


def test_remote_cap_rounds_down():
    from directives.models import WorkModePolicy

    policy = WorkModePolicy(remote_cap_numerator=1, remote_cap_denominator=2)
    assert [policy.remote_cap(n) for n in (0, 1, 7, 46)] == [0, 0, 3, 23]


def test_timeline_marks_current_replaced_and_ended_policies(office, office_user):
    first = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    second = published_directive_with_policy(
        number="3001/UBND", issued_on=D(2021, 7, 8), remote_cap_numerator=2, remote_cap_denominator=3
    )
    ended = published_directive_with_policy(
        number="2400/UBND", issued_on=D(2021, 5, 1), effective_until=D(2021, 5, 31)
    )
    states = {e.policy.directive_id: e.state for e in policy_timeline(today=D(2021, 7, 10))}
    assert states == {second.pk: "current", first.pk: "overridden", ended.pk: "ended"}
    services.document_revoke(document=second, user=office_user, revoked_on=D(2021, 8, 1))
    entry = next(e for e in policy_timeline(today=D(2021, 8, 5)) if e.policy.directive_id == second.pk)
    assert entry.ends_on == D(2021, 7, 31)
    assert entry.state == "ended"
