"""A directive's PDF and an obligation's evidence are checked by content and size."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from directives.documents import services
from directives.documents.models import Document
from tests.directives.factories import PDF_BYTES

pytestmark = pytest.mark.django_db


def _form_data(**extra):
    data = {
        "kind": "official_letter",
        "number": "2629/UBND",
        "issuer": "Ủy ban nhân dân huyện",
        "issued_on": "04/06/2021",
        "subject": "Thay đổi phương thức làm việc",
        "clauses-TOTAL_FORMS": "1",
        "clauses-INITIAL_FORMS": "0",
        "clauses-0-number": "1",
        "clauses-0-text": "Các cơ quan, đơn vị thực hiện nghiêm.",
    }
    data.update(extra)
    return data


def test_pdf_attachment_is_accepted(office_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("cong-van.pdf", PDF_BYTES, content_type="application/pdf")
    response = office_client.post("/directives/register/new/", _form_data(attachment=pdf))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.attachment.name.endswith(".pdf")
    assert document.clauses.get().number == "1"
    download = office_client.get(f"/directives/{document.pk}/attachment/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_file_named_pdf_that_is_not_a_pdf_is_refused_with_a_message(office_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("cong-van.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = office_client.post("/directives/register/new/", _form_data(attachment=fake))
    assert response.status_code == 200
    assert "không phải là tệp PDF" in " ".join(response.context["form"].errors["attachment"])
    assert not Document.objects.exists()


def test_oversized_pdf_is_refused_with_a_message(office_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DIRECTIVE_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2048, content_type="application/pdf")
    response = office_client.post("/directives/register/new/", _form_data(attachment=big))
    assert response.status_code == 200
    assert "lớn nhất" in " ".join(response.context["form"].errors["attachment"])
    assert not Document.objects.exists()


def test_service_refuses_non_pdf_too(office_user, settings, tmp_path):
    import datetime

    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as exc:
        services.document_create(
            user=office_user,
            kind="official_letter",
            number="1/UBND",
            issuer="UBND huyện",
            issued_on=datetime.date(2021, 6, 4),
            subject="x",
            attachment=SimpleUploadedFile("a.pdf", b"<html>", content_type="application/pdf"),
        )
    assert exc.value.error_dict["attachment"][0].code == "not_pdf"


def test_draft_attachment_is_not_public(client, office_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("cong-van.pdf", PDF_BYTES, content_type="application/pdf")
    office_client.post("/directives/register/new/", _form_data(attachment=pdf))
    document = Document.objects.get()
    client.logout()
    assert client.get(f"/directives/{document.pk}/attachment/").status_code == 404
