"""Menu entries of this app for the signed-in user's roles: (label, url, active-prefix) tuples."""


def nav_items(request, roles):
    return []
