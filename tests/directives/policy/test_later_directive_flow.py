"""A later directive, entered only through the web forms by the district office, changes what the head's week
grid enforces and what the policy API answers: first a July 2021 letter moving the cap to 2/3, then a letter
ending the restrictions."""

import datetime

import pytest
from django.test import Client

from directives.documents.models import Document
from staffing.registry.constants import DutyGroup, Role
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.forms import cell_name
from staffing.workmodes.models import WorkMode
from tests.directives.factories import published_directive_with_policy
from tests.factories import StaffMemberFactory, user_with_role

pytestmark = pytest.mark.django_db

JUNE_MONDAY = datetime.date(2021, 6, 7)
JULY_MONDAY = datetime.date(2021, 7, 19)
OCTOBER_MONDAY = datetime.date(2021, 10, 4)


@pytest.fixture
def letter_2629(db):
    return published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))


@pytest.fixture
def staff(agency):
    StaffMemberFactory(agency=agency, duty_group=DutyGroup.EPIDEMIC_TASK_FORCE)
    return StaffMemberFactory.create_batch(9, agency=agency)


@pytest.fixture
def vanphong(db):
    client = Client()
    client.force_login(user_with_role(Role.DISTRICT_OFFICE, username="vanphong"))
    return client


@pytest.fixture
def truongphong(agency):
    client = Client()
    client.force_login(user_with_role(Role.AGENCY_HEAD, agency, username="truongphong"))
    return client


def _register(client, *, number, issued_on, subject, clauses, supersedes=None) -> Document:
    data = {
        "kind": "official_letter",
        "number": number,
        "issuer": "Ủy ban nhân dân huyện",
        "issued_on": issued_on,
        "subject": subject,
        "clauses-TOTAL_FORMS": str(len(clauses)),
        "clauses-INITIAL_FORMS": "0",
    }
    for index, (clause_number, text) in enumerate(clauses):
        data[f"clauses-{index}-number"] = clause_number
        data[f"clauses-{index}-text"] = text
    response = client.post("/directives/register/new/", data)
    document = Document.objects.get(number=number)
    assert response.status_code == 302 and response.url == f"/directives/register/{document.pk}/"
    if supersedes is not None:
        response = client.post(
            f"/directives/register/{document.pk}/references/",
            {"relation": "supersedes", "target": supersedes.pk},
        )
        assert response.status_code == 302
    publish = client.post(f"/directives/register/{document.pk}/publish/", {"confirm_rules_end": "1"})
    assert publish.status_code == 302
    return document


def _policy_api(agency, day):
    return Client().get(f"/api/v1/policy/?agency={agency.pk}&date={day.isoformat()}")


def _week(client, agency, monday):
    week = f"{monday.isocalendar()[0]}-W{monday.isocalendar()[1]:02d}"
    return f"/work-modes/agencies/{agency.pk}/week/?week={week}"


def _remote_on(members, day):
    return {cell_name(member.pk, day): WorkModeKind.REMOTE for member in members} | {"action": "save"}


def test_office_moves_the_cap_to_two_thirds_and_then_ends_it_through_the_forms(
    vanphong, truongphong, agency, staff, letter_2629
):
    july = _register(
        vanphong,
        number="3015/UBND",
        issued_on="12/07/2021",
        subject="Điều chỉnh phương thức làm việc của các cơ quan, đơn vị Nhà nước",
        clauses=[("1", "Bố trí không quá 2/3 số lượng cán bộ, công chức làm việc tại nhà.")],
        supersedes=letter_2629,
    )
    response = vanphong.post(
        f"/directives/register/{july.pk}/policy/",
        {
            "effective_from": "13/07/2021",
            "ratio": "2/3",
            "exempt_duty_groups": ["epidemic_task_force", "police", "military"],
            "citizen_reception_suspended": "on",
            "in_person_intake_restricted": "on",
        },
    )
    assert response.status_code == 302

    # The API answers with the letter of each day.
    june = _policy_api(agency, JUNE_MONDAY).json()
    assert (june["max_remote_ratio"], june["directive"]["number"]) == ("0.50", "2629/UBND")
    july_answer = _policy_api(agency, JULY_MONDAY).json()
    assert (july_answer["max_remote_ratio"], july_answer["directive"]["number"]) == ("0.67", "3015/UBND")

    # The head's week grid shows and enforces 2/3 of the nine counted staff: six at home, not seven.
    page = truongphong.get(_week(truongphong, agency, JULY_MONDAY))
    assert "3015/UBND" in page.text and "2/3" in page.text
    assert page.context["columns"][0]["summary"].cap == 6
    refused = truongphong.post(_week(truongphong, agency, JULY_MONDAY), _remote_on(staff[:7], JULY_MONDAY))
    assert refused.status_code == 200
    assert not WorkMode.objects.filter(day=JULY_MONDAY).exists()
    saved = truongphong.post(_week(truongphong, agency, JULY_MONDAY), _remote_on(staff[:6], JULY_MONDAY))
    assert saved.status_code == 302
    assert WorkMode.objects.filter(day=JULY_MONDAY, mode=WorkModeKind.REMOTE).count() == 6
    # June still follows 2629/UBND: half of nine, rounded down.
    assert truongphong.get(_week(truongphong, agency, JUNE_MONDAY)).context["columns"][0]["summary"].cap == 4

    # A letter ending the restrictions replaces the July one: no cap, no policy from its date.
    _register(
        vanphong,
        number="4310/UBND",
        issued_on="01/10/2021",
        subject="Các cơ quan, đơn vị trở lại làm việc bình thường",
        clauses=[("1", "Kể từ ngày 01/10/2021, các cơ quan, đơn vị làm việc tại trụ sở.")],
        supersedes=july,
    )
    assert _policy_api(agency, OCTOBER_MONDAY).status_code == 404
    assert _policy_api(agency, JULY_MONDAY).json()["directive"]["number"] == "3015/UBND"
    page = truongphong.get(_week(truongphong, agency, OCTOBER_MONDAY))
    assert page.context["columns"][0]["summary"].cap is None
    assert page.context["policies"] == []
    assert (
        truongphong.post(
            _week(truongphong, agency, OCTOBER_MONDAY), _remote_on(staff, OCTOBER_MONDAY)
        ).status_code
        == 302
    )

    # The public timeline tells the story: 2629/UBND replaced in July, 3015/UBND replaced in October.
    timeline = {e.policy.directive.number: e for e in Client().get("/directives/policy/").context["timeline"]}
    assert timeline["2629/UBND"].ends_on == datetime.date(2021, 7, 12)
    assert timeline["3015/UBND"].ends_on == datetime.date(2021, 9, 30)
    assert timeline["3015/UBND"].policy.superseded_by == "4310/UBND"
    assert {entry.state for entry in timeline.values()} == {"ended"}
