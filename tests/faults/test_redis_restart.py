"""Redis (the Celery broker) stopped and restarted under the real app: users' writes and uploads
succeed while it is down, health says so, and everything queued meanwhile is done once it is back."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.services import token_issue
from deals.models import Deal, DealImport
from indexing.models import SearchOutbox
from tests.backend.deals.files import csv_upload, row
from tests.backend.marketplace.payloads import capability_body
from tests.faults.processes import LiveApp, Worker, process_env, send_task, wait_until
from tests.services import database_url

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# A request that enqueues a task may not wait on a dead broker (kombu's default is to retry the
# connection forever). The upload only enqueues; a posting is also embedded for the duplicate check,
# which takes seconds on a busy machine whether the broker is up or not.
FAST_S, POSTING_S = 3.0, 20.0


def test_while_redis_is_down_writes_and_uploads_succeed_and_everything_queued_is_done_once_it_returns(
    world, settings, redis_server, tmp_path
):
    env = process_env(database=database_url(), var_dir=settings.VAR_DIR, broker=redis_server.url)
    worker = Worker(env, tmp_path / "worker.log").start()
    app = LiveApp(env, tmp_path / "gunicorn.log").start()
    institute = token_issue(user=world.users["institute"])
    official = token_issue(user=world.users["official"])
    try:
        before = app.post(
            "/api/capabilities/",
            capability_body(publish=True, title="低温等离子体协同催化VOC治理技术（一）"),
            token=institute,
        )
        assert before.status == 201, before
        wait_until(lambda: not SearchOutbox.objects.exists(), message=f"not indexed:\n{worker.output()}")

        redis_server.stop()
        written = [
            app.post(
                "/api/capabilities/",
                capability_body(publish=True, title=f"低温等离子体协同催化VOC治理技术（{n}）"),
                token=institute,
            )
            for n in range(2, 4)
        ]
        upload = app.upload(
            "/api/deals/import/",
            name="registry-export.csv",
            token=official,
            content=csv_upload([row(n) for n in range(1, 51)]).read(),
        )
        search = app.get("/api/search/?q=VOC治理&page_size=50", token=institute)
        health = app.get("/api/health/")

        # What users see: every write and the upload are accepted, quickly; search still answers
        # (from what was indexed before); the health check names the broker.
        assert [r.status for r in written] == [201] * 2 and max(r.seconds for r in written) < POSTING_S, written
        assert upload.status == 202 and upload.json()["status"] == "pending" and upload.seconds < FAST_S, upload
        assert search.status == 200 and search.json()["count"] == 1, search
        assert health.status == 503 and health.json()["checks"]["broker"]["status"] == "error", health
        assert health.json()["checks"]["database"]["status"] == "ok"
        assert SearchOutbox.objects.count() == 2 and Deal.objects.count() == 0  # waiting, not lost

        redis_server.start()  # same port: the worker and gunicorn reconnect by themselves
        # Beat's minute sweeps. The import resume only takes jobs queued over a minute ago (a job
        # queued just now is still being sent): that minute is skipped here, not waited for.
        DealImport.objects.update(created_at=timezone.now() - timedelta(minutes=2))
        send_task(redis_server.url, "indexing.tasks.outbox_drain_task")
        send_task(redis_server.url, "deals.tasks.deals_imports_resume_task")

        wait_until(
            lambda: not SearchOutbox.objects.exists() and DealImport.objects.filter(finished_at__isnull=False).exists(),
            timeout=120,
            message=f"the queued work was not done:\n{worker.output()}",
        )
        job = app.get(f"/api/deals/imports/{upload.json()['id']}/", token=official).json()
        assert (job["status"], job["created_count"]) == ("succeeded", 50), job
        hits = app.get("/api/search/?q=VOC治理&page_size=50", token=institute).json()["results"]
        ids = [hit["posting"]["id"] for hit in hits]
        assert len(ids) == len(set(ids)) == 3  # every posting, each once
        assert Deal.objects.count() == 50
        deadline = time.monotonic() + 10
        while app.get("/api/health/").status != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert app.get("/api/health/").status == 200, app.get("/api/health/")
    finally:
        app.stop()
        worker.stop()
