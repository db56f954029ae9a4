"""Panels this app adds to the public home page and to each role's home page.

Each panel is a dict: {"template": ..., plus whatever context the template reads}.
"""


def public_panels(request):
    return []


def home_panels(request, roles):
    return []
