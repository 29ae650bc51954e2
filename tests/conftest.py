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
