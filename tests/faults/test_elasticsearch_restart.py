"""Elasticsearch stopped and restarted under the real app: writes succeed while it is down, search
and matches answer 503 `search_unavailable`, and the index catches up, nothing lost or doubled,
once the node is back."""

import os
import shutil
import subprocess
import time

import pytest

from accounts.services import token_issue
from indexing.models import SearchOutbox
from tests.backend.marketplace.payloads import capability_body
from tests.faults.processes import LiveApp, Worker, process_env, send_task, wait_until
from tests.services import ES_RUN, database_url, free_port, unavailable

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class ElasticsearchNode:
    """A private node (CI's shared one must keep running) stopped and restarted on the same port and data."""

    def __init__(self, workdir):
        if not ES_RUN.exists() or shutil.which("mvn") is None:
            unavailable("deploy/elasticsearch-local/run or Maven is missing")
        self.port, self.data = free_port(), workdir / "es-node"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        started = subprocess.run(
            [str(ES_RUN), "start", "--port", str(self.port), "--data", str(self.data)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert started.returncode == 0, f"the local Elasticsearch did not start:\n{started.stderr[-3000:]}"

    def stop(self) -> None:
        subprocess.run([str(ES_RUN), "stop", "--data", str(self.data)], capture_output=True, timeout=120)


@pytest.fixture
def es_node(tmp_path):
    node = ElasticsearchNode(tmp_path)
    node.start()
    yield node
    node.stop()


def titles(n: int) -> str:
    return f"北斗与InSAR融合的边坡形变监测技术（{n}）"


def test_while_elasticsearch_is_down_writes_succeed_search_says_503_and_the_index_catches_up(
    world, settings, redis_server, es_node, tmp_path
):
    env = process_env(
        database=database_url(),
        var_dir=settings.VAR_DIR,
        broker=redis_server.url,
        SEARCH_BACKEND="elasticsearch",
        ELASTICSEARCH_URL=es_node.url,
        ELASTICSEARCH_INDEX=f"faults-{os.getpid()}",
    )
    worker = Worker(env, tmp_path / "worker.log").start()
    app = LiveApp(env, tmp_path / "gunicorn.log").start()
    token = token_issue(user=world.users["institute"])
    body = {
        "description": "北斗与InSAR融合的毫米级边坡形变监测，适用于矿山与交通边坡。",
        "industry": "geoinformation",
        "keywords": ["形变监测", "北斗"],
    }
    try:
        first = app.post("/api/capabilities/", capability_body(publish=True, title=titles(1), **body), token=token)
        assert first.status == 201, first
        wait_until(lambda: not SearchOutbox.objects.exists(), message=f"not indexed:\n{worker.output()}")
        matches_path = f"/api/capabilities/{first.json()['id']}/matches/"
        assert app.get(matches_path, token=token).status == 200

        es_node.stop()
        written = [
            app.post("/api/capabilities/", capability_body(publish=True, title=titles(n), **body), token=token)
            for n in (2, 3)
        ]
        search = app.get("/api/search/?q=形变监测", token=token)
        matches = app.get(matches_path, token=token)
        listing = app.get("/api/capabilities/?page_size=50", token=token)
        health = app.get("/api/health/")

        # What users see: writes and lists work (they read the database); search and matches say
        # the search service is unavailable, in the API's JSON error shape; health names it.
        assert [r.status for r in written] == [201, 201], written
        for down in (search, matches):
            assert down.status == 503 and down.json()["code"] == "search_unavailable" and down.json()["detail"], down
        assert listing.status == 200 and listing.json()["count"] == 3
        assert health.status == 503 and health.json()["checks"]["search"]["status"] == "error", health
        assert SearchOutbox.objects.count() == 2  # the index's changes wait in the outbox

        es_node.start()  # same port and data: what was indexed before is still there
        send_task(redis_server.url, "indexing.tasks.outbox_drain_task")  # beat's minute sweep
        wait_until(
            lambda: not SearchOutbox.objects.exists(),
            timeout=180,
            message=f"outbox not drained after the node returned:\n{worker.output()}",
        )

        found = app.get("/api/search/?q=形变监测&page_size=50", token=token)
        assert found.status == 200, found
        ids = [hit["posting"]["id"] for hit in found.json()["results"]]
        assert len(ids) == len(set(ids)) == found.json()["count"] == 3  # nothing lost, nothing doubled
        assert app.get(matches_path, token=token).status == 200
        deadline = time.monotonic() + 10
        while app.get("/api/health/").status != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert app.get("/api/health/").status == 200, app.get("/api/health/")
    finally:
        app.stop()
        worker.stop()
