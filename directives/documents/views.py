"""Pages of the register: the public list and detail, and the office's register (documents, clauses, references)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffing.registry.roles import roles_for
from staffing.toolkit.filters import filter_query
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .filters import PublicDocumentFilter, RegisterDocumentFilter
from .forms import DocumentForm, ReferenceForm, RevokeForm, clause_formset
from .models import Document, DocumentReference
from .panels import document_panels
from .selectors import require_office, require_register_reader

PAGE_SIZE = 20


def _list_context(request, filterset) -> dict:
    return {
        "form": filterset.form,
        "page_obj": Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": filter_query(filterset),
    }


# Public pages ------------------------------------------------------------------------------------


def public_list(request):
    filterset = PublicDocumentFilter(request.GET or None, queryset=selectors.published_documents())
    return render(request, "directives/documents/public_list.html", _list_context(request, filterset))


def public_detail(request, pk):
    document = selectors.get_public_document(pk)
    return render(
        request,
        "directives/documents/public_detail.html",
        {
            "document": document,
            "panels": document_panels(document, page="public"),
            "reads_register": selectors.user_reads_drafts(request.user),
        },
    )


def attachment(request, pk):
    """The PDF of a document the visitor may read (drafts only for the register's readers)."""
    document = get_object_or_404(selectors.documents_visible_to(request.user), pk=pk)
    if not document.attachment:
        raise Http404
    return FileResponse(
        document.attachment.open("rb"),
        content_type="application/pdf",
        filename=f"{document.number.replace('/', '-')}.pdf",
    )


# The office's register ---------------------------------------------------------------------------


@login_required
def register_list(request):
    require_register_reader(request)
    filterset = RegisterDocumentFilter(
        request.GET or None, queryset=Document.objects.select_related("policy")
    )
    return render(
        request,
        "directives/documents/register_list.html",
        {**_list_context(request, filterset), "can_edit": roles_for(request.user).is_district_manager},
    )


def _document_form_context(document, form, formset, frozen):
    issuers = Document.objects.order_by("issuer").values_list("issuer", flat=True).distinct()
    return {"document": document, "form": form, "formset": formset, "frozen": frozen, "issuers": issuers}


def _document_fields(form) -> dict:
    data = form.cleaned_data
    upload = data.get("attachment")
    return {
        "kind": data["kind"],
        "number": data["number"],
        "issuer": data["issuer"],
        "issued_on": data["issued_on"],
        "subject": data["subject"],
        "attachment": upload if isinstance(upload, UploadedFile) else None,
    }


@login_required
def document_create(request):
    require_office(request)
    form = DocumentForm(request.POST or None, request.FILES or None)
    formset = clause_formset(data=request.POST or None)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            document = services.document_create(
                user=request.user,
                clauses=formset.clauses(),
                references=form.references(),
                **_document_fields(form),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Draft %(number)s registered.") % {"number": document.number})
            if "add_more" in request.POST:
                return redirect("directives:document_edit", pk=document.pk)
            return redirect("directives:register_detail", pk=document.pk)
    return render(
        request, "directives/documents/document_form.html", _document_form_context(None, form, formset, False)
    )


@login_required
def document_edit(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    frozen = not document.is_draft
    form = DocumentForm(request.POST or None, request.FILES or None, instance=document, frozen=frozen)
    formset = clause_formset(document=document, data=request.POST or None, frozen=frozen)
    if request.method == "POST":
        if frozen:
            form.add_error(
                None,
                _(
                    "Document %(number)s is already published: its text and clauses are frozen. "
                    "Register a new document that amends it."
                )
                % {"number": document.number},
            )
        elif form.is_valid() and formset.is_valid():
            try:
                services.document_update(
                    document=document,
                    user=request.user,
                    remove_attachment=form.cleaned_data.get("remove_attachment", False),
                    clauses=formset.clauses(),
                    **_document_fields(form),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Draft %(number)s saved.") % {"number": document.number})
                if "add_more" in request.POST:
                    return redirect("directives:document_edit", pk=document.pk)
                return redirect("directives:register_detail", pk=document.pk)
    return render(
        request,
        "directives/documents/document_form.html",
        _document_form_context(document, form, formset, frozen),
    )


def _register_detail(request, document, *, reference_form=None, status=200):
    can_edit = roles_for(request.user).is_district_manager
    if reference_form is None and can_edit and document.is_draft:
        reference_form = ReferenceForm(targets=selectors.reference_targets(document))
    context = {
        "document": document,
        "can_edit": can_edit,
        "panels": document_panels(document, page="register", can_edit=can_edit),
        "history": selectors.document_history(document),
        "reference_form": reference_form,
    }
    return render(request, "directives/documents/register_detail.html", context, status=status)


@login_required
def register_detail(request, pk):
    require_register_reader(request)
    return _register_detail(request, selectors.get_document_for_user(request.user, pk))


@login_required
def document_publish(request, pk):
    """The publication step: what publishing ends is shown first, and must be confirmed when rules would
    end with nothing to replace them."""
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    if request.method == "POST":
        try:
            services.document_publish(
                document=document,
                user=request.user,
                confirm_rules_end=bool(request.POST.get("confirm_rules_end")),
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("%(number)s is published.") % {"number": document.number})
            return redirect("directives:register_detail", pk=pk)
    else:
        error = ""
    consequences = services.publish_consequences(document) if document.is_draft else []
    return render(
        request,
        "directives/documents/publish.html",
        {
            "document": document,
            "consequences": consequences,
            "needs_confirmation": any(c.ends_rules for c in consequences),
            "error": error,
            "has_policy": hasattr(document, "policy"),
        },
    )


@login_required
def document_revoke(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    form = RevokeForm(request.POST or None, initial={"revoked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.document_revoke(
                document=document,
                user=request.user,
                revoked_on=form.cleaned_data["revoked_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(number)s is revoked.") % {"number": document.number})
            return redirect("directives:register_detail", pk=pk)
    return render(request, "directives/documents/revoke_form.html", {"document": document, "form": form})


@login_required
@require_POST
def reference_add(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    form = ReferenceForm(request.POST, targets=selectors.reference_targets(document))
    if form.is_valid():
        try:
            services.reference_add(
                source=document,
                target=form.cleaned_data["target"],
                relation=form.cleaned_data["relation"],
                user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Reference recorded."))
            return redirect("directives:register_detail", pk=pk)
    if not document.is_draft:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("directives:register_detail", pk=pk)
    # The page again with the choice kept and the reason under the field it concerns.
    document = selectors.get_document_for_user(request.user, pk)
    return _register_detail(request, document, reference_form=form)


@login_required
@require_POST
def reference_remove(request, pk, reference_pk):
    require_office(request)
    reference = get_object_or_404(DocumentReference, pk=reference_pk, source_id=pk)
    try:
        services.reference_remove(reference=reference, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Reference removed."))
    return redirect("directives:register_detail", pk=pk)
