"""Composing and publishing the urgent in-person list (clause 3.1, last line, of 2629/UBND)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from directives.documents.constants import DocumentStatus
from tests.factories import DocumentFactory, ProcedureFactory, UserFactory, urgent_list_published
from tthc.urgent_lists.models import UrgentList
from tthc.urgent_lists.selectors import urgent_list_diff, urgent_list_in_force
from tthc.urgent_lists.services import (
    urgent_list_create_draft,
    urgent_list_discard_draft,
    urgent_list_publish,
    urgent_list_set_items,
    urgent_list_update_draft,
)

D = datetime.date
TODAY = D(2021, 6, 4)
pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory(username="van-phong")


@pytest.fixture
def letter():
    return DocumentFactory(number="2629/UBND")


@pytest.fixture
def birth():
    return ProcedureFactory(code="1.001193", name="Đăng ký khai sinh")


@pytest.fixture
def death():
    return ProcedureFactory(code="1.000656", name="Đăng ký khai tử")


def draft_with(user, letter, *procedures):
    draft = urgent_list_create_draft(by=user, directive=letter)
    urgent_list_set_items(urgent_list=draft, items=[(p, "") for p in procedures], by=user)
    return draft


def test_publishing_assigns_the_next_version_and_records_who(user, letter, birth):
    draft = draft_with(user, letter, birth)
    assert draft.version is None
    published = urgent_list_publish(urgent_list=draft, effective_from=TODAY, actor=user, today=TODAY)
    assert (published.version, published.status, published.published_by) == (1, "published", user)
    second = urgent_list_publish(
        urgent_list=draft_with(user, letter, birth), effective_from=D(2021, 6, 15), actor=user, today=TODAY
    )
    assert second.version == 2


def test_a_list_cannot_be_published_without_its_directive(user, birth):
    draft = urgent_list_create_draft(by=user)
    urgent_list_set_items(urgent_list=draft, items=[(birth, "")], by=user)
    with pytest.raises(ValidationError) as exc:
        urgent_list_publish(urgent_list=draft, effective_from=TODAY, actor=user, today=TODAY)
    assert exc.value.error_dict["directive"][0].code == "directive_required"
    draft.refresh_from_db()
    assert (draft.status, draft.version) == ("draft", None)


def test_the_directive_must_be_published(user, birth):
    draft = draft_with(user, DocumentFactory(status=DocumentStatus.DRAFT), birth)
    with pytest.raises(ValidationError) as exc:
        urgent_list_publish(urgent_list=draft, effective_from=TODAY, actor=user, today=TODAY)
    assert exc.value.error_dict["directive"][0].code == "directive_not_published"


def test_an_empty_list_cannot_be_published(user, letter):
    draft = urgent_list_create_draft(by=user, directive=letter)
    with pytest.raises(ValidationError) as exc:
        urgent_list_publish(urgent_list=draft, effective_from=TODAY, actor=user, today=TODAY)
    assert exc.value.error_dict["procedures"][0].code == "urgent_list_empty"


def test_a_list_cannot_take_effect_in_the_past(user, letter, birth):
    draft = draft_with(user, letter, birth)
    with pytest.raises(ValidationError) as exc:
        urgent_list_publish(urgent_list=draft, effective_from=D(2021, 6, 3), actor=user, today=TODAY)
    assert exc.value.error_dict["effective_from"][0].code == "effective_in_past"


def test_a_new_version_cannot_take_effect_before_the_latest_one(user, letter, birth):
    urgent_list_published(procedures=[birth], effective_from=D(2021, 6, 20), directive=letter)
    draft = draft_with(user, letter, birth)
    with pytest.raises(ValidationError) as exc:
        urgent_list_publish(urgent_list=draft, effective_from=D(2021, 6, 10), actor=user, today=TODAY)
    assert exc.value.error_dict["effective_from"][0].code == "before_latest_version"


def test_a_published_version_is_frozen(user, letter, birth, death):
    published = urgent_list_publish(
        urgent_list=draft_with(user, letter, birth), effective_from=TODAY, actor=user, today=TODAY
    )
    with pytest.raises(ValidationError) as exc:
        urgent_list_set_items(urgent_list=published, items=[(death, "")], by=user)
    assert exc.value.code == "urgent_list_frozen"
    with pytest.raises(ValidationError):
        urgent_list_update_draft(urgent_list=published, by=user, directive=letter, title="Sửa")
    with pytest.raises(ValidationError):
        urgent_list_discard_draft(urgent_list=published, by=user)
    with pytest.raises(ValidationError):
        urgent_list_publish(urgent_list=published, effective_from=D(2021, 7, 1), actor=user, today=TODAY)
    assert list(published.items.values_list("procedure__code", flat=True)) == ["1.001193"]


def test_set_items_replaces_adds_and_changes_conditions(user, letter, birth, death):
    draft = draft_with(user, letter, birth)
    urgent_list_set_items(urgent_list=draft, items=[(death, "  Cần  mai táng "), (birth, "")], by=user)
    assert dict(draft.items.values_list("procedure__code", "conditions")) == {
        "1.000656": "Cần mai táng",
        "1.001193": "",
    }
    urgent_list_set_items(urgent_list=draft, items=[(death, "Cần mai táng")], by=user)
    assert list(draft.items.values_list("procedure__code", flat=True)) == ["1.000656"]


def test_an_inactive_procedure_cannot_be_put_on_the_list(user, letter):
    retired = ProcedureFactory(is_active=False)
    draft = urgent_list_create_draft(by=user, directive=letter)
    with pytest.raises(ValidationError) as exc:
        urgent_list_set_items(urgent_list=draft, items=[(retired, "")], by=user)
    assert exc.value.error_dict["procedures"][0].code == "procedure_inactive"


def test_a_draft_can_start_from_the_version_in_force(user, letter, birth, death):
    in_force = urgent_list_published(
        procedures=[birth, death], effective_from=TODAY, directive=letter, conditions={"1.000656": "Mai táng"}
    )
    draft = urgent_list_create_draft(by=user, copy_from=in_force)
    assert draft.directive == letter
    assert dict(draft.items.values_list("procedure__code", "conditions")) == {
        "1.001193": "",
        "1.000656": "Mai táng",
    }


def test_a_draft_is_not_in_force_and_can_be_discarded(user, letter, birth):
    draft = draft_with(user, letter, birth)
    assert urgent_list_in_force(D(2030, 1, 1)) is None
    urgent_list_discard_draft(urgent_list=draft, by=user)
    assert not UrgentList.objects.exists()


def test_the_diff_names_added_removed_and_changed_procedures(user, letter, birth, death):
    marriage = ProcedureFactory(code="1.000894", name="Đăng ký kết hôn")
    v1 = urgent_list_published(
        procedures=[birth, marriage], effective_from=TODAY, directive=letter, conditions={"1.001193": "A"}
    )
    v2 = urgent_list_published(
        procedures=[birth, death],
        effective_from=D(2021, 6, 15),
        directive=letter,
        conditions={"1.001193": "B"},
    )
    diff = urgent_list_diff(v1, v2)
    assert [i.procedure.code for i in diff["added"]] == ["1.000656"]
    assert [i.procedure.code for i in diff["removed"]] == ["1.000894"]
    assert [(old.conditions, new.conditions) for old, new in diff["changed"]] == [("A", "B")]


def test_history_records_each_change_of_the_list(user, letter, birth):
    draft = draft_with(user, letter, birth)
    urgent_list_publish(urgent_list=draft, effective_from=TODAY, actor=user, today=TODAY)
    statuses = list(draft.history.order_by("history_date").values_list("status", "history_user"))
    assert statuses == [("draft", user.pk), ("published", user.pk)]
    assert draft.items.first().history.first().history_user == user
