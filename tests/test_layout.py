"""matching/ and search/ are plain libraries: Django and the backend must never leak into them."""

import ast

import pytest

from tests.services import REPO_DIR

FORBIDDEN = (
    "django",
    "rest_framework",
    "config",
    "core",
    "accounts",
    "marketplace",
    "deals",
    "dashboard",
    "notifications",
    "indexing",
)


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("library", ["matching", "search"])
def test_library_imports_nothing_from_django_or_the_backend(library):
    files = sorted((REPO_DIR / library).rglob("*.py"))
    assert files, f"{library}/ has no Python files"
    offenders = {str(f.relative_to(REPO_DIR)): sorted(imported_modules(f) & set(FORBIDDEN)) for f in files}
    assert {f: m for f, m in offenders.items() if m} == {}


# Who may import whom in backend/: accounts ← marketplace ← deals ← dashboard, core at the bottom,
# indexing and notifications subscribing to the domain (core.events) and config wiring it all.
# matching/ and search/ are plain libraries anyone may import.
BACKEND_DIR = REPO_DIR / "backend"
MAY_IMPORT = {
    "core": set(),
    "accounts": {"core"},
    "marketplace": {"accounts", "core"},
    "deals": {"marketplace", "accounts", "core"},
    "dashboard": {"deals", "marketplace", "accounts", "core"},
    "indexing": {"marketplace", "deals", "accounts", "core"},
    # Match notices need the index's ranking; the index never imports notifications.
    "notifications": {"indexing", "marketplace", "deals", "accounts", "core"},
    "spa": set(),
}
# config wires every app; demo seeds every domain (seed_demo): both sit on top and may import anything.
TOP = {"config", "demo"}
# Known exceptions (a file, or a folder ending in "/"), each with its reason: the aim is none.
EXCEPTIONS: dict[str, set[str]] = {}


def excepted(name: str) -> set[str]:
    return set().union(*(apps for path, apps in EXCEPTIONS.items() if name == path or name.startswith(path)))


def backend_apps() -> list[str]:
    return sorted(p.name for p in BACKEND_DIR.iterdir() if (p / "__init__.py").exists())


def test_every_backend_app_has_its_place_in_the_layering():
    assert set(backend_apps()) == {*MAY_IMPORT, *TOP}


@pytest.mark.parametrize("app", sorted(MAY_IMPORT))
def test_dependencies_point_one_way(app):
    """Module-level and function-level imports alike: a late import is still a dependency."""
    others = set(backend_apps()) - {app}
    allowed = MAY_IMPORT[app]
    files = [f for f in sorted((BACKEND_DIR / app).rglob("*.py")) if "migrations" not in f.parts]
    wrong = {}
    for f in files:
        name = str(f.relative_to(BACKEND_DIR))
        imported = imported_modules(f) & others - allowed - excepted(name)
        if imported:
            wrong[name] = sorted(imported)
    assert wrong == {}
