"""Factories and helpers only the directives tests use (the shared ones are in tests/factories.py)."""

import datetime

import factory

from directives.documents.constants import DocumentStatus
from directives.documents.models import Clause
from directives.obligations.models import Obligation
from directives.policy import services
from tests.factories import DocumentFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class DraftFactory(DocumentFactory):
    status = DocumentStatus.DRAFT


class ClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clause

    document = factory.SubFactory(DocumentFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    text = "Các cơ quan, đơn vị thực hiện nghiêm."
    position = factory.Sequence(lambda n: n + 1)


class ObligationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Obligation

    clause = factory.SubFactory(ClauseFactory)
    title = factory.Sequence(lambda n: f"Quán triệt nội dung {n}")
    due_on = datetime.date(2021, 6, 11)


def policy_values(**overrides) -> dict:
    values = {
        "effective_from": datetime.date(2021, 6, 4),
        "effective_until": None,
        "remote_cap_numerator": 1,
        "remote_cap_denominator": 2,
        "exempt_duty_groups": ["epidemic_task_force", "police", "military"],
        "citizen_reception_suspended": True,
        "inspections_restricted": True,
        "in_person_intake_restricted": True,
        "pre_cutoff_date": datetime.date(2021, 6, 3),
        "free_postal_return": True,
    }
    values.update(overrides)
    return values


def published_directive_with_policy(*, number, issued_on, user=None, **policy):
    document = DocumentFactory(number=number, issued_on=issued_on, status=DocumentStatus.PUBLISHED)
    services.policy_set(directive=document, user=user, **policy_values(effective_from=issued_on, **policy))
    return document
