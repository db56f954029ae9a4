"""Upload checks: the type is read from the file's first bytes, never trusted from its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from staffing.toolkit.sizes import sizes_apart

PDF_MAGIC = b"%PDF-"
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "DIRECTIVE_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def _head(upload, length: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _check_size(upload) -> None:
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s.")
            % sizes_apart(upload.size, limit),
            code="file_too_large",
        )


def validate_pdf_upload(upload) -> None:
    _check_size(upload)
    if not _head(upload).startswith(PDF_MAGIC):
        raise ValidationError(
            _("Only PDF files are accepted; this file is not a PDF document."), code="not_pdf"
        )


def validate_evidence_upload(upload) -> None:
    _check_size(upload)
    head = _head(upload)
    if not (head.startswith(PDF_MAGIC) or head.startswith(IMAGE_MAGICS)):
        raise ValidationError(
            _("Only PDF, PNG or JPEG files are accepted; this file is none of these."),
            code="unsupported_evidence_type",
        )
