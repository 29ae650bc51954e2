import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.services import REPO_DIR

PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "techmatch.huzhou.example.cn",
    "CACHE_URL": "redis://redis.example.invalid:6379/2",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_DIR / "backend",
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_prod_refuses_to_start_without_a_required_variable_and_says_which(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}

    result = manage("check", env=env)

    assert result.returncode == 2
    assert f"{missing} is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_prod_passes_the_deployment_checklist_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_checklist_does_flag_the_dev_settings():
    """Proves the check above can fail: dev settings are insecure on purpose."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={"DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    )

    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


def test_the_deployment_checklist_flags_rate_limits_counted_per_process():
    """Without CACHE_URL every gunicorn worker would count sign-in attempts on its own."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={k: v for k, v in PROD_ENV.items() if k != "CACHE_URL"}
    )

    assert result.returncode != 0
    assert "accounts.W001" in result.stderr


def test_chinese_is_the_default_language_and_english_is_available():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert dict(settings.LANGUAGES) == {"zh-hans": "简体中文", "en": "English"}
    assert settings.TIME_ZONE == "Asia/Shanghai"
