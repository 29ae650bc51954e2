"""The outbox with a real Redis broker and a real Celery worker: outages and poison lose nothing."""
import os
import subprocess
import sys
import textwrap
import time

import pytest
from celery import Celery
from django.db import connection

from indexing.backend import close_search_backends, get_search_backend
from indexing.models import SearchOutbox
from marketplace.models import Capability
from tests.factories.marketplace import CapabilityFactory
from tests.faults.celery_app import POISON
from tests.services import REPO_DIR, RedisProcess

# serialized_rollback: a transactional test flushes the tables, and the next one needs the
# industry chains that a data migration seeded.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def process_env(settings, broker: str) -> dict:
    return {
        **os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker, "CELERY_RESULT_BACKEND": broker, "TECHMATCH_VAR_DIR": str(settings.VAR_DIR),
        "SEARCH_BACKEND": "local", "PYTHONPATH": f"{REPO_DIR}{os.pathsep}{REPO_DIR / 'backend'}",
    }


@pytest.fixture
def redis_server(tmp_path):
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def worker(settings, redis_server, tmp_path):
    log = (tmp_path / "worker.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.faults.celery_app", "worker", "--pool=solo", "--without-gossip",
         "--without-mingle", "--without-heartbeat", "-l", "INFO"],
        cwd=REPO_DIR / "backend", env=process_env(settings, redis_server.url), stdout=log, stderr=subprocess.STDOUT,
    )
    yield proc
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def beat_tick(broker: str) -> None:
    """What celery beat sends every minute. CELERY_BROKER_URL in the environment (CI sets it)
    would win over the broker argument, so it is pointed at this test's Redis for the send."""
    previous = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = broker
    try:
        Celery(broker=broker).send_task("indexing.tasks.outbox_drain_task")
    finally:
        if previous is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = previous


def wait_until(condition, timeout: float = 120, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out: {message}")


def indexed_ids() -> set[str]:
    close_search_backends()  # read what the worker wrote, not this process's cache
    backend = get_search_backend()
    return set(backend.get([f"capability:{pk}" for pk in Capability.objects.values_list("pk", flat=True)]))


def test_postings_written_while_the_broker_is_down_are_all_indexed_once_it_returns(world, settings, redis_server, worker):
    redis_server.stop()
    institute = world.users["institute"]
    script = textwrap.dedent(f"""
        from accounts.models import User
        from marketplace import services
        from marketplace.models import IndustryChain
        user = User.objects.get(pk={institute.pk})
        industry = IndustryChain.objects.get(code="green_energy")
        for batch in range(10):
            from django.db import transaction
            with transaction.atomic():
                for i in range(10):
                    services.capability_create(by=user, publish=True, title=f"余热回收与储能技术（{{batch}}-{{i}}）",
                        description="工业窑炉余热回收发电与相变储热，适用于陶瓷、玻璃行业。", industry=industry,
                        trl=6, cooperation_types=["development"])
        print("created")
    """)
    started = time.monotonic()
    writer = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=REPO_DIR / "backend",
                            env=process_env(settings, redis_server.url), capture_output=True, text=True, timeout=300)
    assert writer.returncode == 0 and "created" in writer.stdout, writer.stderr[-3000:]
    assert time.monotonic() - started < 120  # a broker outage does not stall the writes
    assert Capability.objects.count() == 100 and SearchOutbox.objects.count() == 100
    assert indexed_ids() == set()

    redis_server.start()
    beat_tick(redis_server.url)

    wait_until(lambda: not SearchOutbox.objects.exists(), message="outbox not drained")
    ids = indexed_ids()
    assert len(ids) == 100 and get_search_backend().count() == 100  # nothing lost, nothing doubled


def test_a_poison_document_stays_behind_and_the_queue_moves_on(world, settings, redis_server, worker):
    good = [CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"]) for _ in range(3)]
    poison = CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"],
                               title=f"{POISON}无法编码的能力")
    for capability in [*good[:1], poison, *good[1:]]:
        SearchOutbox.objects.create(kind="capability", object_id=capability.pk)

    beat_tick(redis_server.url)

    wait_until(lambda: SearchOutbox.objects.count() == 1, message="the good documents were not drained")
    row = SearchOutbox.objects.get()
    assert row.object_id == poison.pk and row.attempts == 1 and "refused" in row.last_error
    assert indexed_ids() == {f"capability:{c.pk}" for c in good}


class ElasticsearchNode:
    """A private node that the test stops and restarts on the same port and data."""

    def __init__(self, workdir):
        from tests.services import ES_RUN, free_port

        if not ES_RUN.exists():
            pytest.fail("deploy/elasticsearch-local/run is missing")
        self.run, self.port, self.data = ES_RUN, free_port(), workdir / "es-node"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        started = subprocess.run([str(self.run), "start", "--port", str(self.port), "--data", str(self.data)],
                                 capture_output=True, text=True, timeout=600)
        assert started.returncode == 0, started.stderr[-3000:]

    def stop(self) -> None:
        subprocess.run([str(self.run), "stop", "--data", str(self.data)], capture_output=True, timeout=120)


@pytest.fixture
def es_node(tmp_path):
    node = ElasticsearchNode(tmp_path)
    node.start()
    yield node
    node.stop()


def test_while_elasticsearch_is_down_writes_succeed_search_says_503_and_the_index_catches_up(
        world, settings, redis_server, es_node, tmp_path, api_client):
    index = f"faults-{os.getpid()}"
    env = {**process_env(settings, redis_server.url), "SEARCH_BACKEND": "elasticsearch",
           "ELASTICSEARCH_URL": es_node.url, "ELASTICSEARCH_INDEX": index}
    log = (tmp_path / "es-worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config.celery", "worker", "--pool=solo", "--without-gossip",
         "--without-mingle", "--without-heartbeat", "-l", "INFO"],
        cwd=REPO_DIR / "backend", env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        es_node.stop()
        institute = world.users["institute"]
        script = textwrap.dedent(f"""
            from accounts.models import User
            from marketplace import services
            from marketplace.models import IndustryChain
            user = User.objects.get(pk={institute.pk})
            for i in range(20):
                services.capability_create(by=user, publish=True, title=f"北斗形变监测技术（{{i}}）",
                    description="北斗与InSAR融合的毫米级边坡形变监测。", industry=IndustryChain.objects.get(code="geoinformation"),
                    trl=7, cooperation_types=["service"])
            print("created")
        """)
        writer = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=REPO_DIR / "backend",
                                env=env, capture_output=True, text=True, timeout=300)
        assert writer.returncode == 0 and "created" in writer.stdout, writer.stderr[-3000:]
        assert Capability.objects.count() == 20 and SearchOutbox.objects.count() == 20

        settings.SEARCH_BACKEND, settings.ELASTICSEARCH_URLS, settings.ELASTICSEARCH_INDEX = "elasticsearch", [es_node.url], index
        close_search_backends()
        down = api_client.get("/api/search/?q=形变监测")
        assert down.status_code == 503 and down.json()["code"] == "search_unavailable"
        assert down["Retry-After"] == "30"

        es_node.start()
        beat_tick(redis_server.url)
        wait_until(lambda: not SearchOutbox.objects.exists(), timeout=180, message="outbox not drained after the node returned")
        close_search_backends()
        up = api_client.get("/api/search/?q=形变监测&page_size=50").json()
        assert up["count"] == 20 and get_search_backend().count() == 20
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
        close_search_backends()
