"""Every upload is checked by size and by content, never by its name, with a Vietnamese message at the
field; a refused upload saves nothing."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directives.documents.models import Document
from directives.documents.services import document_create
from directives.obligations.constants import AcknowledgementMethod
from directives.obligations.models import AgencyObligation
from staffing.registry.constants import AgencyKind, Role
from staffing.registry.importers import StaffImporter
from staffing.registry.models import StaffMember
from staffing.toolkit.importing import template_csv
from tests.directives.factories import PDF_BYTES, PNG_BYTES, ClauseFactory, ObligationFactory
from tests.factories import AgencyFactory, user_with_role
from tthc.catalogue.importers import ProcedureImporter
from tthc.catalogue.models import Procedure

pytestmark = pytest.mark.django_db

TOO_LARGE_ATTACHMENT = "dung lượng lớn nhất được chấp nhận là"
NOT_PDF = "Chỉ chấp nhận tệp PDF; tệp này không phải là tệp PDF."
NOT_EVIDENCE = "Chỉ chấp nhận tệp PDF, PNG hoặc JPEG; tệp này không thuộc các định dạng đó."
TOO_LARGE_IMPORT = "không nhận tệp lớn hơn"
NOT_A_SPREADSHEET = "Tệp không phải là bảng tính CSV hoặc XLSX."


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "không phải bảng tính")
    return buffer.getvalue()


DISGUISED_AS_PDF = {"png": PNG_BYTES, "zip": zip_bytes(), "html": b"<html><script>alert(1)</script></html>"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def field_errors(response, field) -> list[str]:
    form = response.context["form"]
    return [str(error) for error in form.errors.get(field, [])]


# The directive's PDF -------------------------------------------------------------------------------


def document_form(attachment) -> dict:
    return {
        "kind": "official_letter",
        "number": "2629/UBND",
        "issuer": "Ủy ban nhân dân huyện",
        "issued_on": "04/06/2021",
        "subject": "Thay đổi phương thức làm việc",
        "clauses-TOTAL_FORMS": "1",
        "clauses-INITIAL_FORMS": "0",
        "clauses-0-number": "1",
        "clauses-0-text": "Thực hiện nghiêm.",
        "attachment": attachment,
    }


@pytest.mark.parametrize("kind", sorted(DISGUISED_AS_PDF))
def test_a_directive_attachment_named_pdf_but_holding_something_else_is_refused(office_client, kind):
    upload = SimpleUploadedFile("cong-van.pdf", DISGUISED_AS_PDF[kind], content_type="application/pdf")
    response = office_client.post(reverse("directives:document_create"), document_form(upload))
    assert response.status_code == 200
    assert field_errors(response, "attachment") == [NOT_PDF]
    assert not Document.objects.exists()


def test_an_oversized_directive_attachment_is_refused(office_client, settings):
    settings.DIRECTIVE_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("cong-van.pdf", PDF_BYTES + b"0" * 2048, content_type="application/pdf")
    response = office_client.post(reverse("directives:document_create"), document_form(upload))
    [message] = field_errors(response, "attachment")
    assert TOO_LARGE_ATTACHMENT in message
    assert not Document.objects.exists()


def test_the_service_refuses_a_disguised_attachment_too(office_user):
    with pytest.raises(ValidationError) as refusal:
        document_create(
            user=office_user,
            kind="official_letter",
            number="2629/UBND",
            issuer="Ủy ban nhân dân huyện",
            issued_on=datetime.date(2021, 6, 4),
            subject="Thay đổi phương thức làm việc",
            attachment=SimpleUploadedFile("cong-van.pdf", zip_bytes()),
        )
    assert NOT_PDF in refusal.value.messages
    assert not Document.objects.exists()


# An obligation's evidence --------------------------------------------------------------------------


@pytest.fixture
def obligation_setup(client):
    commune = AgencyFactory(kind=AgencyKind.COMMUNE_COMMITTEE)
    head = user_with_role(Role.AGENCY_HEAD, commune)
    obligation = ObligationFactory(clause=ClauseFactory(document__issued_on=datetime.date(2021, 6, 4)))
    client.force_login(head)
    url = reverse("directives:obligation_acknowledge", args=[commune.pk, obligation.pk])
    return client, url


def evidence_form(upload) -> dict:
    return {"acknowledged_on": "07/06/2021", "method": AcknowledgementMethod.MEETING, "evidence_file": upload}


@pytest.mark.parametrize("kind", ["zip", "html"])
def test_evidence_named_pdf_but_holding_something_else_is_refused(obligation_setup, kind):
    client, url = obligation_setup
    upload = SimpleUploadedFile("bien-ban.pdf", DISGUISED_AS_PDF[kind], content_type="application/pdf")
    response = client.post(url, evidence_form(upload))
    assert field_errors(response, "evidence_file") == [NOT_EVIDENCE]
    assert not AgencyObligation.objects.exists()


def test_oversized_evidence_is_refused(obligation_setup, settings):
    settings.DIRECTIVE_ATTACHMENT_MAX_BYTES = 1024
    client, url = obligation_setup
    upload = SimpleUploadedFile("anh.png", PNG_BYTES + b"\x00" * 2048, content_type="image/png")
    response = client.post(url, evidence_form(upload))
    [message] = field_errors(response, "evidence_file")
    assert TOO_LARGE_ATTACHMENT in message
    assert not AgencyObligation.objects.exists()


def test_real_png_evidence_is_accepted(obligation_setup):
    client, url = obligation_setup
    upload = SimpleUploadedFile("anh.png", PNG_BYTES, content_type="image/png")
    assert client.post(url, evidence_form(upload)).status_code == 302
    assert AgencyObligation.objects.get().evidence_file.name.endswith(".png")


# Staff and procedure imports -----------------------------------------------------------------------

NOT_SPREADSHEETS = {
    "png named csv": ("can-bo.csv", PNG_BYTES),
    "zip named xlsx": ("can-bo.xlsx", zip_bytes()),
    "pdf named xlsx": ("can-bo.xlsx", b"%PDF-1.4\n\x00\x01\x02binary\n%%EOF\n"),
}


def import_errors(response) -> str:
    return " ".join(error.message for error in response.context["result"].errors)


@pytest.fixture
def staff_import(head_client, agency):
    return head_client, reverse("staffing:staff-import", args=[agency.pk])


@pytest.mark.parametrize("case", sorted(NOT_SPREADSHEETS))
def test_a_staff_import_that_is_not_a_spreadsheet_is_refused(staff_import, case):
    client, url = staff_import
    name, content = NOT_SPREADSHEETS[case]
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert NOT_A_SPREADSHEET in import_errors(response)
    assert NOT_A_SPREADSHEET in response.content.decode()
    assert not StaffMember.objects.exists()


def test_an_oversized_staff_import_is_refused(staff_import, settings):
    settings.IMPORT_MAX_BYTES = 64
    client, url = staff_import
    content = template_csv(StaffImporter(agency=None))
    assert len(content) > 64
    response = client.post(url, {"file": SimpleUploadedFile("can-bo.csv", content)})
    assert TOO_LARGE_IMPORT in import_errors(response)
    assert not StaffMember.objects.exists()


@pytest.mark.parametrize("case", sorted(NOT_SPREADSHEETS))
def test_a_procedure_import_that_is_not_a_spreadsheet_is_refused(office_client, case):
    name, content = NOT_SPREADSHEETS[case]
    response = office_client.post(
        reverse("tthc:procedure-import"), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert NOT_A_SPREADSHEET in import_errors(response)
    assert not Procedure.objects.exists()


def test_an_oversized_procedure_import_is_refused_at_the_field(office_client, settings):
    settings.IMPORT_MAX_BYTES = 64
    content = template_csv(ProcedureImporter())
    response = office_client.post(
        reverse("tthc:procedure-import"), {"file": SimpleUploadedFile("tt.csv", content)}
    )
    [message] = field_errors(response, "file")
    assert TOO_LARGE_IMPORT in message
    assert not Procedure.objects.exists()
