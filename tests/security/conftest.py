"""Security checks that cut across the apps. They use the same small world as tests/backend."""

from tests.backend.conftest import world  # noqa: F401  (the fixture, for this folder)
