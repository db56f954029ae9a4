"""Each rule of a policy cites the clause of its own directive that states it. A successor letter numbered
differently (3015/UBND states the share in mục 1 and the intake rule in mục 2) is cited as such by the cap
refusal, the intake refusal, the staff member's home page and the public policy page, never as 2629/UBND."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from directives.documents.constants import DocumentStatus
from directives.documents.models import DocumentReference
from directives.policy import services
from directives.policy.models import WorkModePolicy
from staffing.registry.constants import Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.models import WorkMode
from staffing.workmodes.services import work_modes_set
from tests.directives.factories import ClauseFactory, policy_values
from tests.factories import DocumentFactory, ProcedureFactory, StaffMemberFactory, UserFactory, user_with_role
from tthc.intake.constants import Channel
from tthc.intake.rules import intake_rules

pytestmark = pytest.mark.django_db

D = datetime.date
JULY_MONDAY = D(2021, 7, 19)


def _letter(number, issued_on, clause_numbers):
    letter = DocumentFactory(number=number, issued_on=issued_on, status=DocumentStatus.PUBLISHED)
    clauses = {n: ClauseFactory(document=letter, number=n, position=i) for i, n in enumerate(clause_numbers)}
    return letter, clauses


@pytest.fixture
def letter_2629(db):
    letter, clauses = _letter("2629/UBND", D(2021, 6, 4), ["1", "2", "3.1", "3.2", "4", "5", "6"])
    services.policy_set(
        directive=letter,
        **policy_values(effective_from=letter.issued_on),
        clauses={"cap": clauses["2"], "intake": clauses["3.1"], "exempt": clauses["6"]},
    )
    return letter


@pytest.fixture
def letter_3015(letter_2629, office_client):
    """The successor, entered through the policy form: the clerk picks mục 1 and mục 2 of 3015/UBND."""
    letter, clauses = _letter("3015/UBND", JULY_MONDAY, ["1", "2"])
    DocumentReference.objects.create(source=letter, target=letter_2629, relation="supersedes")
    response = office_client.post(
        f"/directives/register/{letter.pk}/policy/",
        {
            "effective_from": "19/07/2021",
            "ratio": "1/3",
            "exempt_duty_groups": ["epidemic_task_force"],
            "in_person_intake_restricted": "on",
            "cap_clause": clauses["1"].pk,
            "exempt_clause": clauses["1"].pk,
            "intake_clause": clauses["2"].pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return letter


def _assert_cites_3015(text, clause):
    assert f"mục {clause} Công văn 3015/UBND" in text
    assert "2629" not in text


def test_the_cap_refusal_cites_the_clause_of_the_successor(letter_3015, agency):
    staff = StaffMemberFactory.create_batch(6, agency=agency)
    head = user_with_role(Role.AGENCY_HEAD, agency)
    entries = [(member.pk, JULY_MONDAY, WorkModeKind.REMOTE) for member in staff[:3]]
    with pytest.raises(ValidationError) as refused:
        work_modes_set(agency=agency, entries=entries, actor=head)
    _assert_cites_3015(" ".join(refused.value.messages), "1")


def test_the_intake_refusal_cites_the_clause_of_the_successor(letter_3015, agency):
    procedure = ProcedureFactory(online_level=4)
    rules = intake_rules(agency=agency, procedure=procedure, day=JULY_MONDAY)
    _assert_cites_3015(rules.channels[Channel.IN_PERSON].refusal, "2")


def test_the_staff_home_page_and_the_public_policy_page_cite_the_successor(letter_3015, agency):
    member = StaffMemberFactory(agency=agency, user=UserFactory())
    user = member.user
    WorkMode.objects.create(agency=agency, staff=member, day=timezone.localdate(), mode=WorkModeKind.REMOTE)
    client = Client()
    client.force_login(user)
    for page in (reverse("home"), reverse("work_modes:mine")):
        text = client.get(page).content.decode()
        assert "iữ điện thoại liên lạc 24/24" in text
        assert "(mục 1 Công văn 3015/UBND)" in text and "Công văn 2629/UBND" not in text, page
    public = Client().get("/directives/policy/").content.decode()
    assert "mục 1 Công văn 3015/UBND" in public and "mục 2 Công văn 3015/UBND" in public
    assert "mục 3.1" not in public


def test_the_policy_form_offers_only_the_directive_s_own_clauses(letter_3015, letter_2629, office_client):
    page = office_client.get(f"/directives/register/{letter_3015.pk}/policy/")
    offered = list(page.context["form"].fields["cap_clause"].queryset.values_list("number", flat=True))
    assert offered == ["1", "2"]
    other = letter_2629.clauses.get(number="3.1")
    response = office_client.post(
        f"/directives/register/{letter_3015.pk}/policy/",
        {"effective_from": "19/07/2021", "ratio": "1/3", "intake_clause": other.pk},
    )
    assert response.status_code == 200 and "intake_clause" in response.context["form"].errors
    assert WorkModePolicy.objects.get(directive=letter_3015).intake_clause.number == "2"


def test_the_service_refuses_a_clause_of_another_document_at_its_rule(letter_3015, letter_2629):
    with pytest.raises(ValidationError) as refused:
        services.policy_set(
            directive=letter_3015,
            **policy_values(effective_from=JULY_MONDAY),
            clauses={"cap": letter_2629.clauses.get(number="2")},
        )
    assert "3015/UBND" in " ".join(refused.value.message_dict["cap_clause"])


def test_a_rule_stated_in_no_clause_cites_the_directive_alone(letter_2629):
    policy = WorkModePolicy.objects.get(directive=letter_2629)
    assert policy.cap_citation == "mục 2 Công văn 2629/UBND"
    assert policy.cutoff_citation == "Công văn 2629/UBND"


def test_a_point_of_a_clause_is_cited_as_the_point_of_that_clause(db):
    letter, clauses = _letter("2629/UBND", D(2021, 6, 4), ["3.1 a", "3.1 b"])
    services.policy_set(
        directive=letter,
        **policy_values(effective_from=letter.issued_on),
        clauses={"intake": clauses["3.1 a"]},
    )
    assert WorkModePolicy.objects.get(directive=letter).intake_citation == "điểm a mục 3.1 Công văn 2629/UBND"
