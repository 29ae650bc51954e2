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
