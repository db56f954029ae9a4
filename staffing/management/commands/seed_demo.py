import json

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from directives import demo as directives_demo
from staffing.registry import demo as staffing_demo
from staffing.workmodes import demo as workmode_demo
from tthc import demo as tthc_demo

DEFAULT_PASSWORD = "demo-2629"


class Command(BaseCommand):
    help = "Create the demo district (idempotent): agencies, staff, directives, procedures and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Password of every demo account.")
        parser.add_argument("--json", action="store_true", help="Print the demo accounts as JSON.")

    def handle(self, *args, password, json: bool, **options):
        accounts = []
        with transaction.atomic():
            for module in (staffing_demo, directives_demo, tthc_demo, workmode_demo):
                accounts.extend(module.seed(password=password))
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
