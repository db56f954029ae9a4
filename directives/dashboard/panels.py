"""The dashboard's link on the home page of district-wide roles."""


def public_panels(request):
    return []


def home_panels(request, roles):
    if not roles.sees_all_agencies:
        return []
    return [{"template": "directives/dashboard/panel.html"}]
