"""The register: unique numbers, frozen publications, history."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from directives.documents import services
from directives.documents.constants import DocumentKind, DocumentStatus
from directives.documents.models import Clause, Document

pytestmark = pytest.mark.django_db

DAY = datetime.date(2021, 6, 4)


def _create(office_user, number="2629/UBND", issuer="Ủy ban nhân dân huyện", issued_on=DAY, **extra):
    return services.document_create(
        user=office_user,
        kind=DocumentKind.OFFICIAL_LETTER,
        number=number,
        issuer=issuer,
        issued_on=issued_on,
        subject="Thay đổi phương thức làm việc",
        **extra,
    )


def test_same_number_same_issuer_same_year_is_refused_at_the_number(office_user):
    _create(office_user)
    with pytest.raises(ValidationError) as exc:
        _create(office_user, number=" 2629/ubnd ", issued_on=datetime.date(2021, 9, 1))
    assert exc.value.error_dict["number"][0].code == "duplicate_number"
    assert "đã được đăng ký" in exc.value.message_dict["number"][0]
    assert Document.objects.count() == 1


def test_same_number_in_another_year_or_from_another_issuer_is_accepted(office_user):
    _create(office_user)
    _create(office_user, issued_on=datetime.date(2022, 1, 5))
    _create(office_user, issuer="Ủy ban nhân dân Thành phố Hồ Chí Minh")
    assert Document.objects.count() == 3


def test_database_refuses_duplicate_numbers_too(office_user):
    from django.db import IntegrityError, transaction

    _create(office_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(
            kind=DocumentKind.OFFICIAL_LETTER,
            number="2629/ubnd",
            issuer="Ủy ban nhân dân huyện",
            issued_on=datetime.date(2021, 12, 1),
            subject="x",
        )


def test_published_document_text_and_clauses_are_frozen(office_user):
    document = _create(office_user, clauses=[{"number": "1", "text": "Nội dung"}])
    services.document_publish(document=document, user=office_user)
    with pytest.raises(ValidationError) as exc:
        services.document_update(
            document=document,
            user=office_user,
            kind=document.kind,
            number=document.number,
            issuer=document.issuer,
            issued_on=document.issued_on,
            subject="Trích yếu khác",
        )
    assert exc.value.code == "document_frozen"
    clause = document.clauses.get()
    with pytest.raises(ValidationError):
        services.clause_update(clause=clause, number="1", text="Sửa nội dung")
    with pytest.raises(ValidationError):
        services.clause_create(document=document, number="2", text="Thêm")
    with pytest.raises(ValidationError):
        services.clause_delete(clause=clause)
    document.refresh_from_db()
    assert document.subject == "Thay đổi phương thức làm việc"
    assert list(document.clauses.values_list("text", flat=True)) == ["Nội dung"]


def test_every_change_is_in_the_history(office_user):
    document = _create(office_user, clauses=[{"number": "1", "text": "A"}])
    services.document_update(
        document=document,
        user=office_user,
        kind=document.kind,
        number=document.number,
        issuer=document.issuer,
        issued_on=document.issued_on,
        subject="Trích yếu mới",
        clauses=[{"id": document.clauses.get().pk, "number": "1", "text": "B"}, {"number": "2", "text": "C"}],
    )
    services.document_publish(document=document, user=office_user)
    assert document.history.count() == 3
    assert [h.history_type for h in document.history.order_by("history_id")] == ["+", "~", "~"]
    assert Clause.history.filter(document_id=document.pk).count() == 3
    assert {h.history_user for h in document.history.all()} == {office_user}


def test_clause_numbers_must_differ(office_user):
    with pytest.raises(ValidationError) as exc:
        _create(office_user, clauses=[{"number": "1", "text": "A"}, {"number": " 1", "text": "B"}])
    assert exc.value.error_dict["clauses"][0].code == "duplicate_clause"
    assert not Document.objects.exists()


def test_revoking_needs_a_published_document_and_a_date_not_before_issue(office_user):
    document = _create(office_user)
    with pytest.raises(ValidationError):
        services.document_revoke(document=document, user=office_user, revoked_on=DAY)
    services.document_publish(document=document, user=office_user)
    with pytest.raises(ValidationError) as exc:
        services.document_revoke(document=document, user=office_user, revoked_on=datetime.date(2021, 6, 1))
    assert "revoked_on" in exc.value.error_dict
    services.document_revoke(document=document, user=office_user, revoked_on=datetime.date(2021, 7, 1))
    document.refresh_from_db()
    assert document.status == DocumentStatus.REVOKED
    assert document.revoked_by == office_user
