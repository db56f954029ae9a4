"""Run every ``bench/bench_*.py`` module's ``run()`` and print the tables they return.

    python -m bench            # every benchmark
    python -m bench import     # only bench_import.py

Each ``run()`` returns a ``bench.tables.Table`` (or a list of them). The runner creates a throw-away
test database (``test_<name>`` on PostgreSQL when DATABASE_URL is set, in-memory SQLite otherwise),
runs the modules against it and drops it at the end.
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    available = sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_")
    )
    chosen = argv or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        print(
            f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(available)}", file=sys.stderr
        )
        return 2
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})\n")
        for name in chosen:
            result = importlib.import_module(f"bench.bench_{name}").run()
            for table in result if isinstance(result, list) else [result]:
                print(table.render(), end="\n\n", flush=True)
    finally:
        teardown_databases(databases, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
