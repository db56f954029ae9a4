"""Who reads the outbox and who may send a failed message again.

The outbox sits below the registry of roles (every sender, on any floor, writes to it), so the rule is
filled in by the staffing app's ready() with the registry's roles: district-wide roles read (the office,
leadership, the district administrator), the district office and administrator retry."""

from collections.abc import Callable

_rules: dict[str, Callable] = {}


def register(*, may_read: Callable, may_retry: Callable) -> None:
    _rules["read"] = may_read
    _rules["retry"] = may_retry


def may_read(user) -> bool:
    rule = _rules.get("read")
    return bool(rule and getattr(user, "is_authenticated", False) and rule(user))


def may_retry(user) -> bool:
    rule = _rules.get("retry")
    return bool(rule and getattr(user, "is_authenticated", False) and rule(user))
