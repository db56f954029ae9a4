import inspect
import json

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from config.composition import DEMO

DEFAULT_PASSWORD = "demo-2629"


class Command(BaseCommand):
    help = "Create the demo district (idempotent): agencies, staff, directives, procedures and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Password of every demo account.")
        parser.add_argument("--json", action="store_true", help="Print the demo accounts as JSON.")

    def handle(self, *args, password, json: bool, **options):
        accounts = []
        with transaction.atomic():
            for module in DEMO:
                accounts.extend(_seed(module, password))
        if json:
            self.stdout.write(_dumps(accounts))
            return
        self.stdout.write(
            self.style.SUCCESS(_("Demo data is ready. Demo accounts (password: %s):") % password)
        )
        self._print_table(accounts)

    def _print_table(self, accounts):
        headers = (_("Username"), _("Role"), _("Agency"))
        rows = [(a["username"], a["role"], a["agency"]) for a in accounts]
        widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=False)]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(line.format(*headers))
        self.stdout.write("  ".join("-" * w for w in widths))
        for row in rows:
            self.stdout.write(line.format(*row))


def _dumps(accounts):
    return json.dumps(accounts, ensure_ascii=False, indent=2)


def _seed(module, password: str) -> list[dict]:
    """Run one sub-domain's demo step; only the steps that make accounts take the password."""
    if "password" in inspect.signature(module.seed).parameters:
        return module.seed(password=password) or []
    module.seed()
    return []
