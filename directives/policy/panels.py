"""The policy page's "what the cap means for your agency" panel: providers registered from AppConfig.ready().

A provider is called as provider(user, *, day) and returns a list of AgencyCap-like rows.
"""

_providers: list = []


def register_agency_panel(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def agency_panels(user, *, day) -> list:
    rows = []
    for provider in _providers:
        rows.extend(provider(user, day=day))
    return rows
