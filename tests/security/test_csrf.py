"""The browser app may use the session cookie; then every write needs the CSRF token, or another
site could make a signed-in user's browser post. Token-authenticated clients send no cookie and
need none. Checked for every unsafe operation of the OpenAPI document."""

import json
import re

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from tests.backend.conftest import World

# Neither authenticates the caller (no session is read), so there is nothing to forge.
NO_SESSION = {("/api/auth/token/", "post"), ("/api/auth/register/", "post")}
SECRET = "s" * 32  # the CSRF cookie holds a 32-character secret; the header may repeat it


def unsafe_operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (path, method)
        for path, item in schema["paths"].items()
        for method in item
        if method in ("post", "put", "patch", "delete") and (path, method) not in NO_SESSION
    )


OPERATIONS = unsafe_operations()


def session_client(world: World, role: str = "operator") -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[role])
    return client


def url(path: str) -> str:
    return re.sub(r"\{\w+\}", "1", path.replace("{year}", "2026"))


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m.upper()} {p}" for p, m in OPERATIONS])
def test_a_session_write_without_the_csrf_token_is_refused(world, path, method):
    response = getattr(session_client(world), method)(url(path), "{}", content_type="application/json")

    assert response.status_code == 403, response.content[:300]
    assert "CSRF" in response.json()["detail"]


def test_the_same_write_with_the_token_goes_through(world):
    client = session_client(world, "owner")
    client.cookies["csrftoken"] = SECRET

    response = client.post("/api/challenges/", {"title": ""}, content_type="application/json", HTTP_X_CSRFTOKEN=SECRET)

    assert response.status_code == 400  # past authentication: the body is what is wrong
    assert "title" in response.json()["fields"]


def test_a_token_from_another_cookie_is_refused(world):
    client = session_client(world, "owner")
    client.cookies["csrftoken"] = SECRET

    response = client.post("/api/challenges/", {}, content_type="application/json", HTTP_X_CSRFTOKEN="t" * 32)

    assert response.status_code == 403


def test_token_clients_need_no_csrf_token(world):
    response = world.client("owner").post("/api/challenges/", {"title": ""}, format="json")

    assert response.status_code == 400


def test_reading_with_the_session_needs_no_token(world):
    assert session_client(world, "owner").get("/api/auth/me/").json()["username"] == "owner"


def test_the_admin_login_form_is_protected_too(db):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "operator", "password": "x"})

    assert response.status_code == 403


def test_a_form_encoded_write_is_refused_even_with_the_token(world):
    """HTML forms (a cross-site one included) send form encodings, which the API does not parse
    (DEFAULT_PARSER_CLASSES: JSON only)."""
    client = session_client(world, "owner")
    client.cookies["csrftoken"] = SECRET

    response = client.post("/api/challenges/", {"title": "x"}, HTTP_X_CSRFTOKEN=SECRET)  # multipart, as a form posts

    assert response.status_code == 415


# --- failures answer in the API's shape on /api/, Django's page elsewhere, DEBUG or not ---------


def csrf_refusal(path: str):
    """What CsrfViewMiddleware answers a cookie-less POST to a view that is not exempt."""
    from django.http import HttpResponse
    from django.middleware.csrf import CsrfViewMiddleware
    from django.test import RequestFactory

    request = RequestFactory().post(path, "{}", content_type="application/json")
    return CsrfViewMiddleware(lambda r: HttpResponse()).process_view(request, lambda r: HttpResponse(), (), {})


@pytest.mark.parametrize("debug", [False, True])
def test_a_csrf_failure_on_an_api_path_is_json(settings, debug):
    settings.DEBUG = debug

    response = csrf_refusal("/api/challenges/")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["code"] == "csrf_failed" and "CSRF" in body["detail"] and body["fields"] == {}


@pytest.mark.parametrize("debug", [False, True])
def test_a_csrf_failure_elsewhere_keeps_django_s_page(db, settings, debug):
    settings.DEBUG = debug

    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "operator", "password": "x"})

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_write_to_an_unknown_api_path_is_a_json_404_not_a_csrf_page(world, settings, debug, method):
    """Seen with DEBUG: the catch-all /api/ view was not CSRF-exempt, so a POST answered Django's
    HTML CSRF page instead of the 404 every other method got."""
    settings.DEBUG = debug

    for client in (Client(enforce_csrf_checks=True), session_client(world, "owner")):
        response = getattr(client, method)("/api/no-such-endpoint/", "{}", content_type="application/json")

        assert response.status_code == 404, response.content[:200]
        assert response.json()["code"] == "not_found"
