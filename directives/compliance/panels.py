"""The daily compliance report's panel on the home page of district-wide roles."""

from .models import ComplianceReport


def public_panels(request):
    return []


def home_panels(request, roles):
    if not roles.sees_all_agencies:
        return []
    return [
        {
            "template": "directives/compliance/panel.html",
            "latest": ComplianceReport.objects.defer("content").order_by("-day").first(),
        }
    ]
