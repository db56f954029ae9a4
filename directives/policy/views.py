"""The policy page ("Chính sách đang áp dụng") and the office's form for the policy a directive carries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directives.documents.models import Document
from directives.documents.selectors import require_office
from staffing.toolkit.forms import add_service_errors

from . import selectors, services
from .forms import POLICY_FIELD_MAP, PolicyForm
from .panels import agency_panels


def policy_current(request):
    """ "Chính sách đang áp dụng": what is in force today, since when, by which directive, and the timeline."""
    today = timezone.localdate()
    return render(
        request,
        "directives/policy/policy.html",
        {
            "summary": selectors.policy_summary_today(today=today),
            "timeline": selectors.policy_timeline(today=today),
            "agency_caps": agency_panels(request.user, day=today),
        },
    )


@login_required
def policy_edit(request, pk):
    require_office(request)
    document = get_object_or_404(Document.objects.select_related("policy"), pk=pk)
    if not (document.is_published or document.is_draft):
        messages.error(request, _("Only a draft or published directive carries a policy."))
        return redirect("directives:register_detail", pk=pk)
    current = getattr(document, "policy", None)
    replaced = None if current else selectors.replaced_policy(document)
    if current:
        initial = PolicyForm.initial_for(current)
    elif replaced:
        # A letter that replaces another starts from the rules it replaces; the share is typed deliberately.
        initial = {
            **{k: v for k, v in PolicyForm.initial_for(replaced).items() if not k.endswith("_clause")},
            "ratio": "",
            "effective_from": document.issued_on,
        }
    else:
        # No share is suggested for a new policy: the office types the one the directive states.
        initial = {"effective_from": document.issued_on}
    form = PolicyForm(request.POST or None, initial=initial, document=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_set(directive=document, user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, POLICY_FIELD_MAP)
        else:
            messages.success(request, _("The policy of %(number)s is saved.") % {"number": document.number})
            return redirect("directives:register_detail", pk=pk)
    return render(
        request,
        "directives/policy/policy_form.html",
        {"document": document, "form": form, "policy": current, "replaced": replaced},
    )
