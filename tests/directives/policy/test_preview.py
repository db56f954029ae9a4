"""The preview of a policy change: what publishing a draft (or changing a published policy) does to saved
plans, intake, dossiers, teams and reception, computed by the rules the services enforce, with nothing saved
and nobody told; publishing then tells the heads of the agencies it puts over the cap."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from directives.documents.constants import DocumentStatus
from directives.documents.models import Document, DocumentReference
from directives.documents.services import document_publish
from directives.policy.models import WorkModePolicy
from directives.policy.preview import policy_preview
from directives.policy.services import policy_set
from staffing.notifications.constants import NotificationKind
from staffing.notifications.models import Notification
from staffing.outbox.models import OutboxMessage
from staffing.workmodes.constants import WorkModeKind
from staffing.workmodes.services import work_modes_set
from tests.compliance_fixtures import NEXT_DAY, TODAY

from .preview_world import RULES

pytestmark = pytest.mark.django_db


def _saved_state():
    return (
        list(Document.objects.order_by("pk").values_list("status", "published_at")),
        list(WorkModePolicy.objects.order_by("pk").values()),
        Notification.objects.count(),
        OutboxMessage.objects.count(),
    )


def test_publishing_a_stricter_share_names_every_agency_and_day_it_breaks_and_saves_nothing(world):
    before = _saved_state()
    preview = policy_preview(directive=world["letter"])
    assert _saved_state() == before
    section = next(s for s in preview.sections if s.key == "workmodes")
    over = {(row["agency"], row["day"]): row for row in section.context["over"]}
    culture = over[("Phòng Văn hóa", TODAY)]  # 2 of 4 at home: within 1/2, over 1/4
    assert (culture["remote"], culture["cap"], culture["old_cap"], culture["excess"], culture["already"]) == (
        2,
        1,
        2,
        1,
        False,
    )
    justice = over[("Phòng Tư pháp", TODAY)]  # already over 2629's cap of 1; the new cap is 0
    assert (justice["cap"], justice["excess"], justice["already"]) == (0, 2, True)
    assert culture["url"] == f"/work-modes/agencies/{world['culture'].pk}/week/?week=2021-W23"
    assert (
        section.context["agencies"] == 2 and section.context["staff"] == 2 + 2 + 1
    )  # TP today, tomorrow; VH
    rules = next(s for s in preview.sections if s.key == "rules")
    assert {row["after"] for row in rules.context["rows"]} == {("3015/UBND", "1/4")}
    assert {row["before"] for row in rules.context["rows"]} == {("2629/UBND", "1/2")}
    assert rules.context["references"][0]["number"] == "2629/UBND"


def test_a_share_that_loosens_the_cap_names_the_days_that_gain_room(world):
    policy_set(directive=world["letter"], **{**RULES, "remote_cap_numerator": 1, "remote_cap_denominator": 1})
    section = next(s for s in policy_preview(directive=world["letter"]).sections if s.key == "workmodes")
    assert section.context["over"] == []
    assert {(row["agency"], row["day"]) for row in section.context["room"]} == {
        ("Phòng Tư pháp", TODAY),
        ("Phòng Tư pháp", NEXT_DAY),
    }


def test_a_change_to_a_published_policy_is_previewed_from_the_form_values(world):
    document_publish(document=world["letter"], user=None)
    preview = policy_preview(
        directive=world["letter"], changes={**RULES, "remote_cap_numerator": 1, "remote_cap_denominator": 2}
    )
    section = next(s for s in preview.sections if s.key == "workmodes")
    assert ("Phòng Văn hóa", TODAY) not in {(r["agency"], r["day"]) for r in section.context["over"]}
    assert ("Phòng Văn hóa", TODAY) in {(r["agency"], r["day"]) for r in section.context["room"]}
    assert WorkModePolicy.objects.get(directive=world["letter"]).ratio_display == "1/4"


def test_changes_the_service_refuses_are_refused_by_the_preview_too(world):
    with pytest.raises(ValidationError) as refused:
        policy_preview(
            directive=world["letter"], changes={**RULES, "effective_from": datetime.date(2021, 6, 1)}
        )
    assert "effective_from" in refused.value.message_dict
    assert Document.objects.get(pk=world["letter"].pk).status == DocumentStatus.DRAFT


def test_the_preview_follows_the_cap_arithmetic_the_services_enforce(world, monkeypatch):
    """One rule, two readers: change the cap arithmetic and the preview and the refusal of a plan both move."""
    monkeypatch.setattr(WorkModePolicy, "remote_cap", lambda self, counted: counted)  # everyone may stay home
    section = next(s for s in policy_preview(directive=world["letter"]).sections if s.key == "workmodes")
    assert section.context["over"] == []
    staff = list(world["culture"].staff.all())
    work_modes_set(
        agency=world["culture"],
        entries=[(m.pk, TODAY, WorkModeKind.REMOTE) for m in staff],
        actor=world["head"],
    )  # accepted under the same rule


def test_publishing_tells_the_head_of_each_agency_over_the_new_cap_once(world):
    document_publish(document=world["letter"], user=None)
    (notice,) = Notification.objects.filter(kind=NotificationKind.POLICY_OVER_CAP, recipient=world["head"])
    assert notice.title == "3015/UBND: Phòng Văn hóa vượt tỷ lệ mới (1/4) trong 1 ngày"
    assert notice.body.startswith("08/06/2021: 2 người làm việc tại nhà, tối đa 1")
    assert "3015/UBND" in notice.body
    assert notice.link == f"/work-modes/agencies/{world['culture'].pk}/week/?week=2021-W23"
    assert OutboxMessage.objects.filter(to="vanhoa@example.gov.vn").count() == 1


def test_the_preview_tells_nobody(world):
    policy_preview(directive=world["letter"])
    policy_preview(directive=world["letter"], changes=RULES)
    assert not Notification.objects.exists() and not OutboxMessage.objects.exists()
    assert not DocumentReference.objects.filter(source=world["old"]).exists()
