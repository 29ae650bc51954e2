"""Fault tests: real PostgreSQL, Redis, Elasticsearch, Celery workers and gunicorn, stopped,
killed and restarted by the test. Each test owns the services it breaks; CI's shared ones are
only used where nothing is stopped."""

import pytest

from tests.backend.conftest import world  # noqa: F401  the small marketplace of the backend tests
from tests.faults.postgres import PG_PASSWORD, PG_PASSWORD_URL, PostgresCluster
from tests.services import RedisProcess

TEMPLATE = "techmatch_template"


@pytest.fixture
def redis_server(tmp_path):
    """A private Redis on a fixed port: the test may stop and restart it."""
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.stop()


class Postgres:
    """A throw-away cluster with a password (scram over TCP, as CI's), and a migrated template."""

    def __init__(self, cluster: PostgresCluster) -> None:
        self.cluster = cluster

    def url(self, database: str) -> str:
        return f"postgres://techmatch:{PG_PASSWORD_URL}@127.0.0.1:{self.cluster.port}/{database}"

    def create_database(self, name: str) -> str:
        """A migrated, empty database (a copy of the template); returns its URL."""
        if not self.cluster.running():  # a failed restart test may have left it stopped
            self.cluster.start()
        self.cluster.psql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE} OWNER techmatch')
        return self.url(name)

    def databases(self) -> set[str]:
        return set(self.cluster.psql("SELECT datname FROM pg_database").split())


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """A private PostgreSQL cluster for the tests that stop it or create databases in it."""
    from tests.faults.processes import manage, process_env

    cluster = PostgresCluster(password_auth=True)
    try:
        cluster.start()
        cluster.psql(f"CREATE ROLE techmatch LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'")
        cluster.psql(f"CREATE DATABASE {TEMPLATE} OWNER techmatch")
        pg = Postgres(cluster)
        manage(
            process_env(database=pg.url(TEMPLATE), var_dir=tmp_path_factory.mktemp("pg-var")), "migrate", "--noinput"
        )
        yield pg
    finally:
        cluster.destroy()
