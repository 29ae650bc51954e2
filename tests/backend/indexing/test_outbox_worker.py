"""The outbox with a real Redis broker and a real Celery worker: outages and poison lose nothing."""

import os
import subprocess
import sys
import textwrap
import time

import pytest
from celery import Celery

from indexing.backend import close_search_backends, get_search_backend
from indexing.models import SearchOutbox
from marketplace.models import Capability
from tests.factories.marketplace import CapabilityFactory
from tests.faults.celery_app import POISON
from tests.services import REPO_DIR, RedisProcess, database_url

# serialized_rollback: a transactional test flushes the tables, and the next one needs the
# industry chains that a data migration seeded.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def process_env(settings, broker: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "TECHMATCH_VAR_DIR": str(settings.VAR_DIR),
        "SEARCH_BACKEND": "local",
        "PYTHONPATH": f"{REPO_DIR}{os.pathsep}{REPO_DIR / 'backend'}",
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
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tests.faults.celery_app",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "INFO",
        ],
        cwd=REPO_DIR / "backend",
        env=process_env(settings, redis_server.url),
        stdout=log,
        stderr=subprocess.STDOUT,
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


def test_postings_written_while_the_broker_is_down_are_all_indexed_once_it_returns(
    world, settings, redis_server, worker
):
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
    writer = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=REPO_DIR / "backend",
        env=process_env(settings, redis_server.url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert writer.returncode == 0 and "created" in writer.stdout, writer.stderr[-3000:]
    assert time.monotonic() - started < 120  # a broker outage does not stall the writes
    assert Capability.objects.count() == 100 and SearchOutbox.objects.count() == 100
    assert indexed_ids() == set()

    redis_server.start()
    beat_tick(redis_server.url)

    # 100 embeddings: about 12 s on an idle machine, over 120 s on 2 cores shared with a busy CI run.
    wait_until(lambda: not SearchOutbox.objects.exists(), timeout=400, message="outbox not drained")
    ids = indexed_ids()
    assert len(ids) == 100 and get_search_backend().count() == 100  # nothing lost, nothing doubled


def test_a_poison_document_stays_behind_and_the_queue_moves_on(world, settings, redis_server, worker):
    good = [
        CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"]) for _ in range(3)
    ]
    poison = CapabilityFactory(
        organisation=world.orgs["institute"], created_by=world.users["institute"], title=f"{POISON}无法编码的能力"
    )
    for capability in [*good[:1], poison, *good[1:]]:
        SearchOutbox.objects.create(kind="capability", object_id=capability.pk)

    beat_tick(redis_server.url)

    wait_until(lambda: SearchOutbox.objects.count() == 1, message="the good documents were not drained")
    row = SearchOutbox.objects.get()
    assert row.object_id == poison.pk and row.attempts == 1 and "refused" in row.last_error
    assert indexed_ids() == {f"capability:{c.pk}" for c in good}


# Elasticsearch stopped and restarted under the real app (gunicorn, a worker, beat's sweep):
# tests/faults/test_elasticsearch_restart.py, with the other fault tests.
