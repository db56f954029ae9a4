"""The shape of the house: every sub-domain is a folder, and imports between folders only run downwards.

The floors below are the dependency order of the design: the toolkit and the registry of agencies and
staff at the bottom, the directives and their policy above them, everything that reads both above that,
and the apps' gatherer modules and `config/` (menus, home pages, the demo) on top. An import counts
wherever it stands, inside a function too.
"""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("staffing", "directives", "tthc", "config")
SKIP = {"migrations", "__pycache__"}

# Lowest first. A sub-domain may import its own floor's siblings only where listed on a lower line.
FLOORS = [
    ["staffing.toolkit"],
    ["staffing.outbox"],
    ["staffing.registry"],
    ["staffing.notifications"],
    # The open-data registry; each sub-domain above registers its files (config.composition).
    ["directives.opendata"],
    ["directives.documents"],
    ["directives.policy"],
    ["directives.compliance"],
    # Above the report so that companies fill their section; the dashboard reads the stored reports.
    ["directives.dashboard", "staffing.companies"],
    ["staffing.company_checks"],
    ["tthc.calendar"],
    ["tthc.catalogue"],
    ["tthc.urgent_lists"],
    ["tthc.reception"],
    ["tthc.intake"],
    ["directives.obligations", "staffing.workmodes", "tthc.dossiers"],
    ["staffing.assignments", "staffing.inspections"],
    ["staffing.classification"],
]
TOP = 100  # app roots (gatherers: apps, models, admin, urls, management) and config


def _modules():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT)
            if SKIP & set(rel.parts):
                continue
            name = ".".join(rel.with_suffix("").parts).removesuffix(".__init__")
            yield name, path


MODULES = dict(_modules())


def _package(name):
    return name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]


def _imports(name, path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")
                if MODULES[name].name != "__init__.py":
                    parts = parts[:-1]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target:
                yield target, node.lineno


def _edges():
    edges = defaultdict(set)
    for name, path in MODULES.items():
        for target, line in _imports(name, path):
            if _package(name) != _package(target):
                edges[(_package(name), _package(target))].add(f"{path.relative_to(ROOT)}:{line}")
    return edges


def _floor(package):
    for rank, floor in enumerate(FLOORS):
        for subdomain in floor:
            if package == subdomain or package.startswith(subdomain + "."):
                return rank, subdomain
    return TOP, package.split(".")[0]


def test_every_subdomain_of_the_design_is_a_folder():
    for floor in FLOORS:
        for subdomain in floor:
            assert (ROOT / subdomain.replace(".", "/") / "__init__.py").exists(), subdomain


def test_no_app_keeps_a_family_of_prefixed_modules():
    for app in APPS:
        words = defaultdict(list)
        for path in (ROOT / app).glob("*.py"):
            if "_" in path.stem:
                words[path.stem.split("_")[0]].append(path.name)
        assert not {w: f for w, f in words.items() if len(f) >= 3}, app


def test_the_app_roots_hold_only_gatherers():
    allowed = {"__init__", "apps", "models", "admin", "urls", "api_urls"}
    for app in ("staffing", "directives", "tthc"):
        stray = {p.stem for p in (ROOT / app).glob("*.py")} - allowed
        assert not stray, f"{app}: {sorted(stray)} belong in a sub-domain package"


def test_imports_only_run_down_the_floors():
    upward = []
    for (source, target), where in _edges().items():
        source_rank, source_room = _floor(source)
        target_rank, target_room = _floor(target)
        if source_room == target_room:
            continue
        if target_rank >= source_rank:
            upward.append(f"{source} -> {target} ({', '.join(sorted(where))})")
    assert not upward, "\n".join(sorted(upward))


def test_no_import_loop_between_folders():
    graph = defaultdict(set)
    for source, target in _edges():
        graph[source].add(target)
    index, low, stack, on_stack, loops = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    assert not loops, loops
