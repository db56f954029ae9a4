"""The office sets a directive's policy in a web form; bad values come back at their field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from directives.documents.constants import DocumentStatus
from directives.policy import services
from directives.policy.models import WorkModePolicy
from tests.directives.factories import DraftFactory, policy_values
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _post(client, document, **overrides):
    data = {
        "effective_from": "04/06/2021",
        "effective_until": "",
        "ratio": "1/2",
        "exempt_duty_groups": ["epidemic_task_force", "police", "military"],
        "citizen_reception_suspended": "on",
        "inspections_restricted": "on",
        "in_person_intake_restricted": "on",
        "pre_cutoff_date": "03/06/2021",
        "free_postal_return": "on",
    }
    data.update(overrides)
    return client.post(f"/directives/register/{document.pk}/policy/", data)


def test_office_sets_the_policy_of_a_published_directive(office_client, office_user):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    response = _post(office_client, document)
    assert response.status_code == 302
    policy = WorkModePolicy.objects.get(directive=document)
    assert (policy.remote_cap_numerator, policy.remote_cap_denominator) == (1, 2)
    assert policy.max_remote_ratio == policy.max_remote_ratio.__class__("0.50")
    assert policy.pre_cutoff_date == datetime.date(2021, 6, 3)
    assert policy.history.latest().history_user == office_user


@pytest.mark.parametrize(
    ("ratio", "message"),
    [("một nửa", "phân số"), ("3/2", "không thể lớn hơn"), ("1/0", "mẫu số")],
)
def test_malformed_ratio_is_refused_at_the_ratio_field(office_client, ratio, message):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    response = _post(office_client, document, ratio=ratio)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["ratio"]).lower()
    assert not WorkModePolicy.objects.exists()


def test_end_before_start_is_refused_at_the_end_date(office_client):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    response = _post(office_client, document, effective_until="01/06/2021", effective_from="05/06/2021")
    assert "effective_until" in response.context["form"].errors
    assert not WorkModePolicy.objects.exists()


def test_policy_cannot_start_before_the_directive_was_issued(office_client):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    response = _post(office_client, document, effective_from="01/06/2021")
    assert "04/06/2021" in " ".join(response.context["form"].errors["effective_from"])


def test_a_draft_carries_its_policy_but_it_applies_only_once_published():
    from directives.policy.selectors import policy_in_force
    from tests.factories import AgencyFactory

    draft = DraftFactory(issued_on=datetime.date(2021, 6, 4))
    services.policy_set(directive=draft, **policy_values(effective_from=datetime.date(2021, 6, 4)))
    assert policy_in_force(agency=AgencyFactory(), day=datetime.date(2021, 6, 7)) is None


def test_a_revoked_directive_carries_no_policy():
    revoked = DocumentFactory(status=DocumentStatus.REVOKED, issued_on=datetime.date(2021, 6, 4))
    with pytest.raises(ValidationError) as exc:
        services.policy_set(directive=revoked, **policy_values())
    assert exc.value.code == "directive_not_published"


def test_ratio_is_stored_in_lowest_terms():
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    policy = services.policy_set(
        directive=document, **policy_values(remote_cap_numerator=4, remote_cap_denominator=6)
    )
    assert policy.ratio_display == "2/3"


def test_head_cannot_open_the_policy_form(head_client):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED)
    assert head_client.get(f"/directives/register/{document.pk}/policy/").status_code == 404


def test_new_policy_form_suggests_no_share(office_client):
    document = DocumentFactory(status=DocumentStatus.PUBLISHED, issued_on=datetime.date(2021, 6, 4))
    response = office_client.get(f"/directives/register/{document.pk}/policy/")
    assert response.status_code == 200
    assert response.context["form"]["ratio"].value() in (None, "")
    assert response.context["form"]["effective_from"].value() == document.issued_on


def test_the_policy_form_of_a_replacing_letter_starts_from_the_policy_it_replaces(office_client):
    from directives.documents.services import reference_add
    from tests.directives.factories import published_directive_with_policy

    old = published_directive_with_policy(number="2629/UBND", issued_on=datetime.date(2021, 6, 4))
    new = DraftFactory(number="3015/UBND", issued_on=datetime.date(2021, 7, 12))
    reference_add(source=new, target=old, relation="supersedes")
    page = office_client.get(f"/directives/register/{new.pk}/policy/")
    form = page.context["form"]
    assert form.initial["ratio"] == ""
    assert form.initial["effective_from"] == datetime.date(2021, 7, 12)
    assert form.initial["exempt_duty_groups"] == old.policy.exempt_duty_groups
    assert form.initial["pre_cutoff_date"] == old.policy.pre_cutoff_date
    assert "2629/UBND" in page.text
