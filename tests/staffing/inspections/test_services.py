"""The rules of inspection teams (clause 2, third dash of 2629/UBND), each in its one service: unnecessary
teams cannot run while the policy restricts inspections and are suspended in one step, necessary ones keep
within the policy's maximum of participants."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from staffing.inspections import selectors, services
from staffing.inspections.constants import Necessity, TeamStatus
from staffing.inspections.models import InspectionTeam
from staffing.registry.constants import Role
from staffing.workmodes.services import work_modes_set
from tests.factories import AgencyFactory, StaffMemberFactory, user_with_role

from .helpers import LAPSED_DAY, RESTRICTED_DAY, D, make_team, people, policy_2629, team_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(db):
    return policy_2629()


def _messages(error, field):
    return " ".join(error.value.message_dict[field])


def test_a_necessary_team_over_the_cap_is_refused_at_the_participants_field(policy, head, agency):
    staff = people(agency, 5)
    with pytest.raises(ValidationError) as refused:
        make_team(
            agency,
            head,
            necessity=Necessity.NECESSARY,
            necessity_reason="Khiếu nại sắp hết hạn giải quyết.",
            participants=staff,
            outsiders=[{"full_name": "Trần Minh Khoa", "organisation": "Thanh tra huyện"}],
        )
    message = _messages(refused, "participants")
    assert "Tối đa 5 người" in message and "mục 2 Công văn 2629/UBND" in message and "có 6" in message
    assert not InspectionTeam.objects.exists()
    team = make_team(
        agency,
        head,
        necessity=Necessity.NECESSARY,
        necessity_reason="Khiếu nại sắp hết hạn.",
        participants=staff,
    )
    assert team.participants.count() == 5 and team.status == TeamStatus.PLANNED


def test_the_cap_holds_only_for_the_days_the_policy_is_in_force(policy, head, agency):
    team = make_team(
        agency,
        head,
        necessity=Necessity.NECESSARY,
        necessity_reason="Khiếu nại.",
        participants=people(agency, 7),
        planned_start=LAPSED_DAY,
        planned_end=D(2021, 7, 9),
    )
    assert team.participants.count() == 7


def test_a_necessary_team_needs_its_reason(policy, head, agency):
    with pytest.raises(ValidationError) as refused:
        make_team(agency, head, necessity=Necessity.NECESSARY, participants=people(agency, 1))
    assert "lý do" in _messages(refused, "necessity_reason")


def test_a_team_not_necessary_cannot_start_under_the_restriction_and_can_once_it_lapses(policy, head, agency):
    team = make_team(agency, head, participants=people(agency, 2))
    with pytest.raises(ValidationError) as refused:
        services.team_act(team=team, actor=head, action="start", on=RESTRICTED_DAY)
    assert "mục 2 Công văn 2629/UBND" in _messages(refused, "action")
    team.refresh_from_db()
    assert team.status == TeamStatus.PLANNED
    services.team_act(team=team, actor=head, action="start", on=LAPSED_DAY)
    team.refresh_from_db()
    assert (team.status, team.started_on) == (TeamStatus.ACTIVE, LAPSED_DAY)


def test_the_head_suspends_in_one_step_and_resumes_only_after_the_lapse(policy, head, agency):
    team = make_team(agency, head, participants=people(agency, 2))
    to_suspend, cited = selectors.must_suspend(agency, today=RESTRICTED_DAY)
    assert list(to_suspend) == [team] and cited == policy
    services.team_act(team=team, actor=head, action="suspend", on=RESTRICTED_DAY)
    assert not selectors.must_suspend(agency, today=RESTRICTED_DAY)[0].exists()
    with pytest.raises(ValidationError) as refused:
        services.team_act(team=team, actor=head, action="resume", on=D(2021, 6, 20))
    assert "tạm dừng" in _messages(refused, "action")
    services.team_act(team=team, actor=head, action="resume", on=LAPSED_DAY)
    team.refresh_from_db()
    assert team.status == TeamStatus.PLANNED
    reasons = list(team.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["create", "suspend", "resume"]
    assert team.history.latest().history_user == head


def test_a_necessary_team_is_not_listed_and_starts_under_the_restriction(policy, head, agency):
    team = make_team(
        agency,
        head,
        necessity=Necessity.NECESSARY,
        necessity_reason="Khiếu nại.",
        participants=people(agency, 3),
    )
    assert not selectors.must_suspend(agency, today=RESTRICTED_DAY)[0].exists()
    services.team_act(team=team, actor=head, action="start", on=RESTRICTED_DAY)
    team.refresh_from_db()
    assert team.status == TeamStatus.ACTIVE


def test_a_participant_at_home_on_a_day_of_the_period_is_named_as_a_conflict(
    policy, head, agency, office_user
):
    home, office = people(agency, 2)
    work_modes_set(agency=agency, entries=[(home.pk, D(2021, 6, 15), "remote")], actor=office_user)
    team = make_team(agency, head, participants=[home, office])
    conflicts = selectors.home_conflicts(
        participants=list(team.participants.all()), start=team.planned_start, end=team.planned_end
    )
    assert [(c.member, c.days) for c in conflicts] == [(home, [D(2021, 6, 15)])]


def test_staff_of_another_district_agency_may_take_part(policy, head, agency):
    other = StaffMemberFactory(agency=AgencyFactory(name="Thanh tra huyện"), full_name="Lê Thanh Tra")
    team = make_team(agency, head, participants=[other])
    assert list(team.participants.all()) == [other]


def test_only_those_who_run_the_agency_write_its_teams(policy, agency, other_agency):
    head_b = user_with_role(Role.AGENCY_HEAD, other_agency)
    with pytest.raises(PermissionDenied):
        services.team_save(agency=agency, actor=head_b, **team_values(participants=people(agency, 1)))


def test_a_team_needs_a_participant_and_an_outsider_needs_a_name(policy, head, agency):
    with pytest.raises(ValidationError) as refused:
        make_team(agency, head, outsiders=[{"full_name": " ", "organisation": "Thanh tra huyện"}])
    assert "họ tên" in _messages(refused, "outsiders")
    with pytest.raises(ValidationError) as refused:
        make_team(agency, head)
    assert "ít nhất một người" in _messages(refused, "participants")
