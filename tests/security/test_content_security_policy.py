"""Every response carries the Content-Security-Policy of config/settings/base.py (an outside test
found none anywhere, production included). That the app, the API docs and the admin work under it
is checked in Chromium: tests/e2e/test_content_security_policy.py."""

import re

import pytest
from django.test import Client

from tests.services import unavailable

pytestmark = pytest.mark.django_db  # ATOMIC_REQUESTS: every request opens a transaction

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # antd's run-time <style> elements; base.py says why
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {
        name: value.strip()
        for name, _, value in (part.strip().partition(" ") for part in header.split(";") if part.strip())
    }


@pytest.fixture
def built_frontend(settings, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><div id="root"></div><script type="module" src="/static/assets/index-abc12345.js"></script>'
    )
    settings.FRONTEND_DIST = tmp_path


@pytest.mark.parametrize(
    "path",
    ["/", "/challenges/7", "/api/challenges/", "/api/health/", "/api/docs/", "/admin/login/", "/api/no-such-endpoint/"],
)
def test_every_page_and_answer_carries_the_policy(client, built_frontend, path):
    assert directives(client.get(path)) == EXPECTED


def test_an_api_error_carries_it_too(db):
    response = Client(enforce_csrf_checks=True).post("/api/challenges/", "{}", content_type="application/json")

    assert response.status_code in (401, 403) and directives(response) == EXPECTED


def test_the_api_docs_load_their_script_from_a_url_not_inline(client):
    """SpectacularSwaggerView inlines its init script, which script-src 'self' refuses."""
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.DOTALL)

    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts), scripts
    init = client.get("/api/docs/?script=")
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in init.content


def test_the_built_app_has_no_inline_script(settings):
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        unavailable("frontend/dist is not built (make test builds it)")  # a failure under CI=true

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", index.read_text(encoding="utf-8"), re.DOTALL)

    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
