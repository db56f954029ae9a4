"""The demo: 2629/UBND with its clauses, policy, cited documents and obligations; a second run changes nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from directives.documents import demo as documents_demo
from directives.documents.constants import ReferenceRelation
from directives.documents.models import Clause, Document, DocumentReference
from directives.obligations import demo as obligations_demo
from directives.obligations.models import AgencyObligation, Obligation
from directives.obligations.services import obligation_reminders_send
from directives.policy import demo as policy_demo
from directives.policy.selectors import policy_in_force
from staffing.registry import demo as staffing_demo
from tests.factories import AgencyFactory


def _seed(*, password):
    """The directives' demo as seed_demo runs it: the register, then the policy, then the obligations."""
    return [
        *documents_demo.seed(password=password),
        *policy_demo.seed(password=password),
        *obligations_demo.seed(password=password),
    ]


pytestmark = pytest.mark.django_db


def _counts():
    return (
        Document.objects.count(),
        Document.history.count(),
        Clause.history.count(),
        DocumentReference.history.count(),
        Obligation.history.count(),
        AgencyObligation.history.count(),
    )


def test_demo_without_agencies_still_works_and_is_idempotent():
    assert _seed(password="x") == []
    letter = Document.objects.get(number="2629/UBND")
    assert list(letter.clauses.values_list("number", flat=True)) == [
        "1",
        "2",
        "3.1 a",
        "3.1 b",
        "3.2",
        "4",
        "5",
        "6",
    ]
    relations = dict(letter.outgoing_references.values_list("target__number", "relation"))
    assert relations == {
        "1803/UBND-VX": ReferenceRelation.IMPLEMENTS,
        "2579/UBND": ReferenceRelation.REFERS_TO,
        "2600/UBND": ReferenceRelation.REFERS_TO,
        "1174/STTTT-CNTT": ReferenceRelation.REFERS_TO,
    }
    assert sorted(Obligation.objects.values_list("clause__number", flat=True)) == ["1", "4", "5"]
    before = _counts()
    _seed(password="x")
    assert _counts() == before


def test_demo_policy_is_the_letters_policy():
    _seed(password="x")
    agency = AgencyFactory()
    assert policy_in_force(agency=agency, day=datetime.date(2021, 6, 3)) is None
    policy = policy_in_force(agency=agency, day=datetime.date(2021, 6, 4))
    assert policy.ratio_display == "1/2"
    assert policy.effective_until is None
    assert policy.pre_cutoff_date == datetime.date(2021, 6, 3)
    assert policy.citizen_reception_suspended and policy.inspections_restricted
    assert policy.in_person_intake_restricted and policy.free_postal_return
    assert sorted(policy.exempt_duty_groups) == ["epidemic_task_force", "military", "police"]


def test_demo_after_the_staffing_demo_has_answers_and_stays_idempotent():
    staffing_demo.seed(password="demo-2629")
    _seed(password="demo-2629")
    assert AgencyObligation.objects.filter(done_at__isnull=False).exists()
    assert AgencyObligation.objects.filter(done_at__isnull=True, acknowledged_on__isnull=False).exists()
    done_days = set(AgencyObligation.objects.filter(done_at__isnull=False).values_list("done_on", flat=True))
    assert done_days == {datetime.date(2021, 6, 8)}
    before = _counts()
    _seed(password="demo-2629")
    assert _counts() == before


def test_the_demo_june_2021_obligations_send_no_reminder_today_but_did_in_june_2021(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    AgencyFactory(name="Phòng Tư pháp", email="tuphap@example.gov.vn")
    _seed(password="x")
    assert obligation_reminders_send(day=timezone.localdate()) == 0
    assert obligation_reminders_send(day=datetime.date(2021, 6, 9)) == 1
    assert "QUÁ HẠN" in mail.outbox[0].body
