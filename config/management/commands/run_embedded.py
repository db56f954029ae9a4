"""`make run`: the web server, the Celery worker and beat of Procfile.dev as one foreground program.

Ctrl-C (or SIGTERM) asks each process to stop and waits for it: the worker finishes its tasks and its pool
(a warm shutdown), beat saves its schedule. Only a process still running after the grace period is killed.
honcho runs the processes; two of its habits are changed here. It signals a process's whole group, so the
worker's pool children got SIGTERM before the worker could stop them (logged as errors), and it kills
whatever still runs after 5 seconds, which the worker on the folder broker needs more than."""

import contextlib
import os
import signal
import sys
from pathlib import Path

import honcho.manager
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from honcho.compat import ProcessManager
from honcho.environ import parse_procfile
from honcho.manager import Manager
from honcho.printer import Printer

STOPPED_BY_SIGNAL = {130, 143}  # honcho's return code after SIGINT, SIGTERM


class LeaderFirst(ProcessManager):
    """SIGTERM goes to the process itself, which stops its own children; SIGKILL still goes to the group."""

    def terminate(self, pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)


class Command(BaseCommand):
    help = "Run the web server, the Celery worker and beat together; Ctrl-C stops them gracefully."

    def add_arguments(self, parser):
        parser.add_argument("--procfile", default=str(Path(settings.BASE_DIR) / "Procfile.dev"))
        parser.add_argument(
            "--grace",
            type=float,
            default=settings.RUN_STOP_GRACE_SECONDS,
            help="Seconds a process has to stop before it is killed.",
        )

    def handle(self, *args, procfile, grace, **options):
        processes = parse_procfile(Path(procfile).read_text(encoding="utf-8")).processes
        honcho.manager.KILL_WAIT = grace  # honcho reads its grace period from this module setting
        manager = Manager(Printer(sys.stdout))
        manager._procmgr = LeaderFirst()
        for name, command in processes.items():
            manager.add_process(name, command)
        manager.loop()
        if manager.returncode in STOPPED_BY_SIGNAL:
            self.stdout.write(_("Stopped: the web server, the worker and beat have ended."))
            return
        # A process ended by itself (a crash, a port in use): the others were stopped, and the exit code says so.
        raise SystemExit(manager.returncode or 1)
