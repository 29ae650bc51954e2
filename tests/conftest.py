from pathlib import Path

import pytest

from tests.services import REPO_DIR, redis_url


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO_DIR


@pytest.fixture
def redis(tmp_path):
    """URL of a live Redis: CI's, or one started for this test."""
    with redis_url(tmp_path) as url:
        yield url


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture(autouse=True)
def search_index_per_test(request, tmp_path_factory):
    """Each test that touches the database gets its own empty local search index."""
    if (
        "db" not in request.fixturenames
        and "transactional_db" not in request.fixturenames
        and not request.node.get_closest_marker("django_db")
    ):
        yield
        return
    from django.conf import settings

    from indexing.backend import close_search_backends

    original = settings.VAR_DIR
    settings.VAR_DIR = tmp_path_factory.mktemp("var")
    close_search_backends()
    yield
    close_search_backends()
    settings.VAR_DIR = original


@pytest.fixture(scope="session")
def elasticsearch(tmp_path_factory):
    """URL of a live Elasticsearch for the whole session (starting one takes a while)."""
    from tests.services import elasticsearch_url

    with elasticsearch_url(tmp_path_factory.mktemp("elasticsearch")) as url:
        yield url
