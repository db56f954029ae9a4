"""The policy part of `manage.py seed_demo`: the work-mode policy of the demo letter 2629/UBND (after the
register's demo has published it); idempotent."""

import datetime

from directives.documents import demo as documents_demo
from staffing.registry.constants import DutyGroup

from . import services
from .models import WorkModePolicy

POLICY = {
    "effective_from": documents_demo.LETTER_ISSUED_ON,
    "effective_until": None,
    "remote_cap_numerator": 1,
    "remote_cap_denominator": 2,
    "agency_kinds": [],
    "exempt_duty_groups": [DutyGroup.EPIDEMIC_TASK_FORCE, DutyGroup.POLICE, DutyGroup.MILITARY],
    "citizen_reception_suspended": True,
    "inspections_restricted": True,
    "inspection_max_participants": 5,
    "in_person_intake_restricted": True,
    "pre_cutoff_date": datetime.date(2021, 6, 3),
    "free_postal_return": True,
}


# Where 2629/UBND states each rule.
CLAUSES = {
    "cap": "2",
    "reception": "2",
    "inspections": "2",
    "intake": "3.1 a",
    "cutoff": "3.2",
    "exempt": "6",
}


def seed(*, password: str) -> list[dict]:
    letter = documents_demo.letter()
    if (
        letter is not None
        and letter.is_published
        and not WorkModePolicy.objects.filter(directive=letter).exists()
    ):
        clauses = {c.number.rstrip("."): c for c in letter.clauses.all()}
        cited = {rule: clauses.get(number) for rule, number in CLAUSES.items()}
        services.policy_set(directive=letter, user=documents_demo.office_user(), **POLICY, clauses=cited)
    return []
