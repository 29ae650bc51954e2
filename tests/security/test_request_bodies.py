"""Hostile request bodies answer in the API's error shape, never a 500 or an HTML page: JSON nested
thousands of levels deep (json's C decoder raised RecursionError: a 500) is a 400, and a body over
DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 (Django's RequestDataTooBig had been an HTML 400), on the
sign-in and registration views (no authentication classes) as on an authenticated write."""

import pytest
from django.test import Client

WRITES = [("/api/auth/token/", "anonymous"), ("/api/auth/register/", "anonymous"), ("/api/needs/", "owner")]
IDS = ["token", "register", "authenticated write"]
MAX_JSON_DEPTH = 32  # core.parsers.MAX_JSON_DEPTH; our own bodies nest 4 levels at most


def nested(depth: int, *, leaf: str = '"隔膜"') -> str:
    return '{"title": ' + "[" * depth + leaf + "]" * depth + "}"


def post(world, path: str, role: str, body: str | bytes, content_type: str = "application/json", **extra):
    return world.client(role).generic("POST", path, body, content_type=content_type, **extra)


def assert_error_shape(response, status: int, code: str) -> None:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= {"detail", "code", "fields"}
    assert body["code"] == code and body["detail"]


@pytest.mark.parametrize(("path", "role"), WRITES, ids=IDS)
@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5_000, 100_000])
def test_json_nested_too_deep_is_a_400_parse_error(world, path, role, depth):
    assert_error_shape(post(world, path, role, nested(depth)), 400, "parse_error")


@pytest.mark.parametrize(("path", "role"), WRITES, ids=IDS)
def test_json_within_the_depth_limit_reaches_validation(world, path, role):
    response = post(world, path, role, nested(MAX_JSON_DEPTH - 1))

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"  # parsed; the fields are what is wrong


def test_brackets_inside_strings_do_not_count_as_nesting(world):
    title = '"' + "[{" * 5_000 + '\\"]}' + '"'

    response = post(world, "/api/needs/", "owner", '{"title": ' + title + "}")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize(("path", "role"), WRITES, ids=IDS)
def test_a_json_body_over_the_memory_limit_is_a_413(world, settings, path, role):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096

    response = post(world, path, role, '{"title": "' + "隔" * 4096 + '"}')

    assert_error_shape(response, 413, "request_too_large")


@pytest.mark.parametrize(("path", "role"), WRITES, ids=IDS)
def test_a_form_body_over_the_memory_limit_is_a_413(world, settings, path, role):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096

    response = post(world, path, role, "title=" + "x" * 8192, content_type="application/x-www-form-urlencoded")

    assert_error_shape(response, 413, "request_too_large")


def test_the_import_refuses_oversized_form_fields_with_a_413(world, settings):
    """Multipart: the file does not count toward the limit (DEALS_IMPORT_MAX_BYTES does), its other
    fields do; Django notices while parsing, inside the view."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    boundary = "techmatch"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n{'x' * 8192}\r\n--{boundary}--\r\n"
    ).encode()

    response = post(
        world, "/api/deals/import/", "operator", body, content_type=f"multipart/form-data; boundary={boundary}"
    )

    assert_error_shape(response, 413, "request_too_large")


@pytest.mark.parametrize("debug", [False, True])
def test_an_oversized_body_is_a_json_413_before_any_view_reads_it(db, settings, debug):
    """An unknown /api/ path is a plain Django view: the CSRF middleware would read the form body
    before it, where a RequestDataTooBig became Django's HTML 400 page."""
    settings.DEBUG = debug
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/api/no-such-endpoint/", "a=" + "x" * 8192, content_type="application/x-www-form-urlencoded"
    )

    assert_error_shape(response, 413, "request_too_large")


def test_a_body_within_the_limit_still_signs_in(world, settings):
    world.users["owner"].set_password("Huzhou-2027-keji")
    world.users["owner"].save()

    response = post(world, "/api/auth/token/", "anonymous", '{"username": "owner", "password": "Huzhou-2027-keji"}')

    assert response.status_code == 200 and response.json()["token"]
