import pytest

pytestmark = pytest.mark.django_db  # ATOMIC_REQUESTS: every request opens a transaction

INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div><script src="/static/assets/index-abc12345.js"></script></body></html>'


@pytest.fixture
def built_frontend(settings, tmp_path):
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    settings.FRONTEND_DIST = tmp_path
    return tmp_path


@pytest.mark.parametrize("path", ["/", "/challenges", "/challenges/42/bids", "/status"])
def test_client_side_routes_get_the_app_shell(client, built_frontend, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert b'<div id="root">' in b"".join(response.streaming_content)


def test_api_paths_never_fall_through_to_the_app_shell(client, built_frontend):
    response = client.get("/api/challenges-that-do-not-exist")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_a_missing_build_says_how_to_build_it(client, settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "dist"

    response = client.get("/dashboard")

    assert response.status_code == 503
    assert "npm run build" in response.content.decode()
