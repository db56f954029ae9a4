"""The policy page ("Chính sách đang áp dụng") and the office's form for the policy a directive carries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.documents.constants import PUBLIC_STATUSES
from directives.documents.models import Document
from directives.documents.selectors import require_office
from staffing.registry.roles import roles_for
from staffing.toolkit.dates import asked_date_notice, parse_day
from staffing.toolkit.forms import add_service_errors

from . import preview as policy_previews
from . import selectors, services
from .forms import POLICY_FIELD_MAP, PolicyForm
from .models import WorkModePolicy
from .panels import agency_panels


def policy_current(request):
    """ "Chính sách đang áp dụng": what is in force today, since when, by which directive, and the timeline."""
    today = timezone.localdate()
    summary = selectors.policy_summary_today(today=today)
    changes_panel = None
    replaced = selectors.replaced_policy(summary["policy"].directive) if summary["policy"] else None
    if replaced is not None:
        rows = selectors.policy_differences(replaced, summary["policy"])
        changes_panel = {
            "policy": summary["policy"],
            "replaced": replaced,
            "changes": [row for row in rows if row["changed"]],
        }
    return render(
        request,
        "directives/policy/policy.html",
        {
            "summary": summary,
            "changes_panel": changes_panel,
            "timeline": selectors.policy_timeline(today=today),
            "agency_caps": agency_panels(request.user, day=today),
        },
    )


def _initial(document, current, replaced) -> dict:
    if current:
        return PolicyForm.initial_for(current)
    if replaced:
        # A letter that replaces another starts from the rules it replaces; the share is typed deliberately.
        return {
            **{k: v for k, v in PolicyForm.initial_for(replaced).items() if not k.endswith("_clause")},
            "ratio": "",
            "effective_from": document.issued_on,
        }
    # No share is suggested for a new policy: the office types the one the directive states.
    return {"effective_from": document.issued_on}


def _office_document(request, pk):
    require_office(request)
    return get_object_or_404(Document.objects.select_related("policy"), pk=pk)


def _form_page(request, document, form, current, replaced):
    return render(
        request,
        "directives/policy/policy_form.html",
        {"document": document, "form": form, "policy": current, "replaced": replaced},
    )


@login_required
def policy_edit(request, pk):
    """The policy form. "Xem trước" shows what the change does (nothing saved); "Lưu" saves it; on a draft
    "Lưu và công bố" saves it and publishes the directive in one step."""
    document = _office_document(request, pk)
    if not (document.is_published or document.is_draft):
        messages.error(request, _("Only a draft or published directive carries a policy."))
        return redirect("directives:register_detail", pk=pk)
    current = getattr(document, "policy", None)
    replaced = None if current else selectors.replaced_policy(document)
    form = PolicyForm(request.POST or None, initial=_initial(document, current, replaced), document=document)
    action = request.POST.get("action", "save")
    if request.method == "POST" and action != "edit" and form.is_valid():
        try:
            if action == "save_publish" and document.is_draft:
                services.policy_set_and_publish(
                    directive=document, user=request.user, **form.service_kwargs()
                )
            else:
                services.policy_set(directive=document, user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, POLICY_FIELD_MAP)
        else:
            if action == "save_publish" and document.is_draft:
                messages.success(
                    request, _("%(number)s is published with its policy.") % {"number": document.number}
                )
            else:
                messages.success(
                    request, _("The policy of %(number)s is saved.") % {"number": document.number}
                )
            return redirect("directives:register_detail", pk=pk)
    return _form_page(request, document, form, current, replaced)


@login_required
def policy_preview(request, pk):
    """What the policy form's values (POST), or the saved policy of a draft (GET: publishing it), would change,
    computed from the data as it stands; nothing is saved."""
    document = _office_document(request, pk)
    current = getattr(document, "policy", None)
    if not (document.is_published or document.is_draft):
        raise Http404
    form, changes = None, None
    if request.method == "POST":
        replaced = None if current else selectors.replaced_policy(document)
        form = PolicyForm(request.POST, initial=_initial(document, current, replaced), document=document)
        if not form.is_valid():
            return _form_page(request, document, form, current, replaced)
        changes = form.service_kwargs()
    elif current is None:
        messages.info(request, _("Fill in the policy first, then press “Preview”."))
        return redirect("directives:policy_edit", pk=pk)
    day = parse_day(request.GET.get("day"))
    try:
        result = policy_previews.policy_preview(
            directive=document, changes=changes, user=request.user, day=day
        )
    except ValidationError as exc:
        if form is None:
            raise
        add_service_errors(form, exc, POLICY_FIELD_MAP)
        return _form_page(request, document, form, current, selectors.replaced_policy(document))
    sections = [
        (
            section,
            render_to_string(section.template, {"section": section, **section.context}, request=request),
        )
        for section in result.sections
    ]
    return render(
        request,
        "directives/policy/preview.html",
        {
            "document": document,
            "preview": result,
            "sections": sections,
            "form": form,
            "policy": current,
            "day_asked": request.GET.get("day", ""),
            "bad_day": asked_date_notice(
                request.GET.get("day") if day is None else "", result.scope.day.strftime("%d/%m/%Y")
            ),
        },
    )


def policy_compare(request):
    """Two policies side by side, field by field (?a=&b=, policy ids): what changed and from which date.
    Published and revoked directives' policies are public; a draft's only for the district office."""
    first = _comparable(request, request.GET.get("a"))
    second = _comparable(request, request.GET.get("b"))
    return render(
        request,
        "directives/policy/compare.html",
        {"a": first, "b": second, "rows": selectors.policy_differences(first, second)},
    )


def _comparable(request, value):
    if not (value or "").isdigit():
        raise Http404
    policies = WorkModePolicy.objects.select_related("directive")
    if not roles_for(request.user).is_district_manager:
        policies = policies.filter(directive__status__in=PUBLIC_STATUSES)
    return get_object_or_404(policies, pk=int(value))
