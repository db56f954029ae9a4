"""Demo data of this app for `manage.py seed_demo`: idempotent, synthetic, returns the demo accounts it made."""


def seed(*, password: str) -> list[dict]:
    return []
