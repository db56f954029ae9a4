"""Pages of the directives register: public list and detail, the office's register, policy, obligations."""

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

from staffing.filters import filter_query
from staffing.roles import roles_for

from . import selectors, services
from .agency_caps import agency_caps_for_user
from .filters import PublicDocumentFilter, RegisterDocumentFilter
from .forms import (
    POLICY_FIELD_MAP,
    DocumentForm,
    ObligationForm,
    PolicyForm,
    ReferenceForm,
    RevokeForm,
    add_service_errors,
    clause_formset,
)
from .models import Document, DocumentReference

PAGE_SIZE = 20


def require_office(request):
    """District office staff and administrators change the register; anyone else gets a 404."""
    if not roles_for(request.user).is_district_manager:
        raise Http404


def require_register_reader(request):
    if not selectors.user_reads_drafts(request.user):
        raise Http404


def _list_context(request, filterset) -> dict:
    return {
        "form": filterset.form,
        "page_obj": Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": filter_query(filterset),
    }


# Public pages ------------------------------------------------------------------------------------


def public_list(request):
    filterset = PublicDocumentFilter(request.GET or None, queryset=selectors.published_documents())
    return render(request, "directives/public_list.html", _list_context(request, filterset))


def public_detail(request, pk):
    document = selectors.get_public_document(pk)
    return render(
        request,
        "directives/public_detail.html",
        {
            "document": document,
            "policy": selectors.directive_policy(document),
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


def policy_current(request):
    """ "Chính sách đang áp dụng": what is in force today, since when, by which directive, and the timeline."""
    today = timezone.localdate()
    return render(
        request,
        "directives/policy.html",
        {
            "summary": selectors.policy_summary_today(today=today),
            "timeline": selectors.policy_timeline(today=today),
            "agency_caps": agency_caps_for_user(request.user, day=today),
        },
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
        "directives/register_list.html",
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
                user=request.user, clauses=formset.clauses(), **_document_fields(form)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Draft %(number)s registered.") % {"number": document.number})
            if "add_more" in request.POST:
                return redirect("directives:document_edit", pk=document.pk)
            return redirect("directives:register_detail", pk=document.pk)
    return render(
        request, "directives/document_form.html", _document_form_context(None, form, formset, False)
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
        request, "directives/document_form.html", _document_form_context(document, form, formset, frozen)
    )


def _register_detail(request, document, *, reference_form=None, status=200):
    can_edit = roles_for(request.user).is_district_manager
    if reference_form is None and can_edit and document.is_draft:
        reference_form = ReferenceForm(targets=selectors.reference_targets(document))
    context = {
        "document": document,
        "can_edit": can_edit,
        "policy": selectors.directive_policy(document),
        "obligations": selectors.document_obligations(document),
        "history": selectors.document_history(document),
        "reference_form": reference_form,
    }
    return render(request, "directives/register_detail.html", context, status=status)


@login_required
def register_detail(request, pk):
    require_register_reader(request)
    return _register_detail(request, selectors.get_document_for_user(request.user, pk))


@login_required
@require_POST
def document_publish(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    try:
        services.document_publish(document=document, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(number)s is published.") % {"number": document.number})
    return redirect("directives:register_detail", pk=pk)


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
    return render(request, "directives/revoke_form.html", {"document": document, "form": form})


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


@login_required
def policy_edit(request, pk):
    require_office(request)
    document = get_object_or_404(Document.objects.select_related("policy"), pk=pk)
    if not document.is_published:
        messages.error(request, _("Only a published directive carries a policy."))
        return redirect("directives:register_detail", pk=pk)
    current = getattr(document, "policy", None)
    # No share is suggested for a new policy: the office types the one the directive states.
    initial = PolicyForm.initial_for(current) or {"effective_from": document.issued_on}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_set(directive=document, user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, POLICY_FIELD_MAP)
        else:
            messages.success(request, _("The policy of %(number)s is saved.") % {"number": document.number})
            return redirect("directives:register_detail", pk=pk)
    return render(
        request, "directives/policy_form.html", {"document": document, "form": form, "policy": current}
    )


@login_required
def obligation_create(request, pk):
    require_office(request)
    document = get_object_or_404(Document, pk=pk)
    form = ObligationForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.obligation_create(
                clause=data["clause"],
                user=request.user,
                title=data["title"],
                description=data["description"],
                due_on=data["due_on"],
                agency_kinds=data["agency_kinds"],
                agencies=data["agencies"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Obligation added."))
            return redirect("directives:register_detail", pk=pk)
    return render(request, "directives/obligation_form.html", {"document": document, "form": form})
