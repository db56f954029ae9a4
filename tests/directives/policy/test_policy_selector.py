"""policy_in_force: the one answer every part of the product uses."""

import datetime

import pytest

from directives.documents import services as document_services
from directives.policy import services as policy_services
from directives.policy.selectors import policies_in_force_by_kind, policy_in_force, policy_timeline
from staffing.registry.constants import AgencyKind
from tests.directives.factories import DraftFactory, policy_values, published_directive_with_policy
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
    document_services.document_revoke(document=newer, user=office_user, revoked_on=D(2021, 8, 1))
    assert policy_in_force(agency=office, day=D(2021, 7, 31)).directive == newer
    # The older directive, still published, applies again once the newer one is revoked.
    assert policy_in_force(agency=office, day=D(2021, 8, 1)).directive == older
    document_services.document_revoke(document=older, user=office_user, revoked_on=D(2021, 9, 1))
    assert policy_in_force(agency=office, day=D(2021, 9, 1)) is None


def test_draft_directive_carries_no_policy_in_force(office):
    from directives.documents.constants import DocumentStatus
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
    from directives.policy.models import WorkModePolicy

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
    document_services.document_revoke(document=second, user=office_user, revoked_on=D(2021, 8, 1))
    entry = next(e for e in policy_timeline(today=D(2021, 8, 5)) if e.policy.directive_id == second.pk)
    assert entry.ends_on == D(2021, 7, 31)
    assert entry.state == "ended"


def _supersede(old, *, number, issued_on, publish=True):
    letter = DraftFactory(number=number, issued_on=issued_on)
    document_services.reference_add(source=letter, target=old, relation="supersedes")
    if publish:
        # A letter that simply ends the restrictions: the office confirms that the rules end.
        document_services.document_publish(document=letter, user=None, confirm_rules_end=True)
    return letter


def test_a_published_letter_superseding_the_directive_ends_its_policy_from_its_issue_date(office):
    letter_2629 = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    _supersede(letter_2629, number="4310/UBND", issued_on=D(2021, 10, 1))
    assert policy_in_force(agency=office, day=D(2021, 9, 30)).directive == letter_2629
    assert policy_in_force(agency=office, day=D(2021, 10, 1)) is None
    [entry] = policy_timeline(today=D(2021, 10, 5))
    assert (entry.ends_on, entry.state, entry.policy.superseded_by) == (D(2021, 9, 30), "ended", "4310/UBND")


def test_a_superseding_directive_with_its_own_policy_takes_over_on_its_effective_date(office):
    letter_2629 = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    july = DraftFactory(number="3015/UBND", issued_on=D(2021, 7, 12))
    document_services.reference_add(source=july, target=letter_2629, relation="supersedes")
    # The new policy is drafted with the letter and published together with it.
    policy_services.policy_set(
        directive=july,
        **policy_values(effective_from=D(2021, 7, 15), remote_cap_numerator=2, remote_cap_denominator=3),
    )
    assert policy_in_force(agency=office, day=D(2021, 7, 15)).directive == letter_2629
    document_services.document_publish(document=july, user=None)
    # Between the July letter's issue date and its policy's start, 2629/UBND still applies: no gap.
    assert policy_in_force(agency=office, day=D(2021, 7, 14)).directive == letter_2629
    assert policy_in_force(agency=office, day=D(2021, 7, 15)).ratio_display == "2/3"


def test_a_draft_superseding_letter_changes_nothing(office):
    letter_2629 = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    _supersede(letter_2629, number="4310/UBND", issued_on=D(2021, 10, 1), publish=False)
    assert policy_in_force(agency=office, day=D(2021, 10, 2)).directive == letter_2629


def test_publishing_a_superseding_letter_without_its_policy_needs_a_confirmation(office):
    """Otherwise the district would have no cap at all between the publication and the new policy."""
    from django.core.exceptions import ValidationError

    letter_2629 = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    july = DraftFactory(number="3015/UBND", issued_on=D(2021, 7, 12))
    document_services.reference_add(source=july, target=letter_2629, relation="supersedes")
    [consequence] = document_services.publish_consequences(july)
    assert consequence.ends_rules and "2629/UBND" in consequence.text and "12/07/2021" in consequence.text
    with pytest.raises(ValidationError) as refused:
        document_services.document_publish(document=july, user=None)
    assert "confirm_rules_end" in refused.value.message_dict
    july.refresh_from_db()
    assert july.is_draft
    assert policy_in_force(agency=office, day=D(2021, 7, 20)).directive == letter_2629


def test_no_day_is_left_without_the_intended_rules_when_the_policy_comes_with_the_letter(office):
    letter_2629 = published_directive_with_policy(number="2629/UBND", issued_on=D(2021, 6, 4))
    july = DraftFactory(number="3015/UBND", issued_on=D(2021, 7, 12))
    document_services.reference_add(source=july, target=letter_2629, relation="supersedes")
    policy_services.policy_set(
        directive=july,
        **policy_values(effective_from=D(2021, 7, 12), remote_cap_numerator=2, remote_cap_denominator=3),
    )
    [consequence] = document_services.publish_consequences(july)
    assert not consequence.ends_rules and "2/3" in consequence.text
    document_services.document_publish(document=july, user=None)
    days = [D(2021, 7, 1) + datetime.timedelta(days=n) for n in range(31)]
    shares = {day: policy_in_force(agency=office, day=day).ratio_display for day in days}
    assert all(shares[day] == ("1/2" if day < D(2021, 7, 12) else "2/3") for day in days)
