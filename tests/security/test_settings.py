"""Secrets come only from the environment, and production refuses to start without them or with a
published placeholder. (`check --deploy` under the production settings is
tests/backend/config/test_settings.py::test_prod_passes_the_deployment_checklist_with_no_warnings.)"""

import ast
import re
import secrets

import pytest

from tests.backend.config.test_settings import PROD_ENV, manage
from tests.services import REPO_DIR

SETTINGS = sorted((REPO_DIR / "backend" / "config").rglob("*.py"))
SECRET_NAME = re.compile(r"(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL)", re.IGNORECASE)
CREDENTIALS_IN_URL = re.compile(r"://[^/@\s:]+:[^/@\s]+@")  # scheme://user:password@host
# The one literal: it signs development data only, and prod.py refuses it by name.
ALLOWED = {"DEV_SECRET_KEY": "dev-insecure-techmatch-key-do-not-use-in-production"}


def literal_assignments():
    for path in SETTINGS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        yield path, target.id, node.value.value


def string_literals():
    for path in SETTINGS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path, node.value


def test_no_setting_holds_a_literal_secret():
    found = [
        f"{path.name}: {name} = {value!r}"
        for path, name, value in literal_assignments()
        if SECRET_NAME.search(name) and ALLOWED.get(name) != value
    ]

    assert found == []


def test_no_default_url_carries_credentials():
    found = [f"{path.name}: {value}" for path, value in string_literals() if CREDENTIALS_IN_URL.search(value)]

    assert found == []


def test_the_secret_key_of_production_is_the_environments():
    key = secrets.token_urlsafe(64)
    code = "from django.conf import settings; print(settings.SECRET_KEY == __import__('os').environ['DJANGO_SECRET_KEY'], settings.DEBUG)"

    result = manage("shell", "-c", code, env={**PROD_ENV, "DJANGO_SECRET_KEY": key})

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["True", "False"]  # after shell's import notice


@pytest.mark.parametrize(
    "placeholder", ["dev-insecure-techmatch-key-do-not-use-in-production", "change-me-to-a-long-random-string"]
)
def test_production_refuses_a_published_placeholder_key(placeholder):
    result = manage("check", env={**PROD_ENV, "DJANGO_SECRET_KEY": placeholder})

    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY is a published placeholder" in result.stderr and "Traceback" not in result.stderr


def test_the_deployment_checklist_holds_with_the_security_settings_of_this_issue():
    """Throttle rates, a shared cache and a trusted proxy, as a deployment sets them."""
    env = {
        **PROD_ENV,
        "TECHMATCH_LOGIN_RATE": "5/minute",
        "TECHMATCH_NUM_PROXIES": "1",
        "CACHE_URL": "redis://127.0.0.1:6379/2",
    }

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stderr
