# LAYOUT-SHIM: removed by the coordinator after the merge
"""The directives' part of `manage.py seed_demo`: the coordinator's seed_demo in config/ will call the
sub-domains' `demo.seed` itself, in this order (register, policy, obligations)."""

from directives.documents import demo as documents_demo
from directives.obligations import demo as obligations_demo
from directives.policy import demo as policy_demo

DIRECTIVES_DEMO = (documents_demo, policy_demo, obligations_demo)


def seed(*, password: str) -> list[dict]:
    accounts = []
    for module in DIRECTIVES_DEMO:
        accounts += module.seed(password=password)
    return accounts
