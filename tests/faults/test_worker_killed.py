"""A Celery worker killed (SIGKILL) in the middle of a task. Tasks are acknowledged late, so Redis
hands the task to the next worker, and every task is written to run again safely: no index entry
is lost or doubled, no contract is imported twice."""

import time
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.utils import timezone

from deals.models import Deal, DealEntry, DealImport
from deals.services import deals_import_start
from deals.tasks import deals_import_task
from indexing.backend import close_search_backends, get_search_backend
from indexing.models import SearchOutbox
from tests.backend.deals.files import csv_upload, row
from tests.factories.deals import ledger_keeper
from tests.factories.marketplace import CapabilityFactory
from tests.faults.processes import Worker, process_env, send_task, wait_until
from tests.services import database_url

# serialized_rollback: a transactional test flushes the tables, and the next one needs the
# industry chains and targets that data migrations seeded.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISIBILITY_S = "3"  # production: an hour (beat's sweeps recover sooner; see docs/operations.md)
POSTINGS = 6  # each one is embedded three times (passage and two query views): slow on a busy CI machine
IMPORT_ROWS = 2500  # three INSERT batches of 1,000: the kill lands after the first
STALE_IMPORT_S = 2  # production: deals.services.STALE_IMPORT, 10 minutes
OUTBOX_LEASE_S = "2"  # production: indexing.services.OUTBOX_LEASE, 10 minutes (the killed drain's rows)


def fault_env(settings, redis_server, tmp_path, **faults: str) -> dict:
    return process_env(
        database=database_url(),
        var_dir=settings.VAR_DIR,
        broker=redis_server.url,
        TECHMATCH_FAULT_MARKER=str(tmp_path / "paused"),
        **faults,
    )


def killed_at_the_pause(env: dict, tmp_path, name: str) -> str:
    """Start a worker that pauses at TECHMATCH_FAULT_PAUSE, wait for it to get there, kill it."""
    worker = Worker(env, tmp_path / f"{name}.log").start()
    marker = tmp_path / "paused"
    try:
        wait_until(marker.exists, timeout=180, message=f"the worker never reached the fault point:\n{worker.output()}")
    finally:
        worker.kill()
    return marker.read_text()


def indexed_ids(ids: list[str]) -> set[str]:
    close_search_backends()  # read what the workers wrote, not this process's cache
    return set(get_search_backend().get(ids))


def test_a_worker_killed_mid_drain_leaves_exactly_one_index_entry_per_posting(world, settings, redis_server, tmp_path):
    postings = [
        CapabilityFactory(
            organisation=world.orgs["institute"],
            created_by=world.users["institute"],
            title=f"工业窑炉余热回收与相变储热技术（{i}）",
        )
        for i in range(POSTINGS)
    ]
    for posting in postings:
        SearchOutbox.objects.create(kind="capability", object_id=posting.pk)
    ids = [f"capability:{p.pk}" for p in postings]
    send_task(redis_server.url, "indexing.tasks.outbox_drain_task")

    paused = killed_at_the_pause(
        fault_env(
            settings,
            redis_server,
            tmp_path,
            TECHMATCH_FAULT_PAUSE="index-half-upserted",
            TECHMATCH_FAULT_VISIBILITY_S=VISIBILITY_S,
            TECHMATCH_FAULT_OUTBOX_LEASE_S=OUTBOX_LEASE_S,
        ),
        tmp_path,
        "killed",
    )

    assert paused == f"indexed {POSTINGS // 2} of {POSTINGS}"
    assert (
        len(indexed_ids(ids)) == POSTINGS // 2 and SearchOutbox.objects.count() == POSTINGS
    )  # half indexed, none settled

    # No beat tick: the unacknowledged task itself comes back, to the next worker.
    worker = Worker(
        fault_env(
            settings,
            redis_server,
            tmp_path,
            TECHMATCH_FAULT_VISIBILITY_S=VISIBILITY_S,
            TECHMATCH_FAULT_OUTBOX_LEASE_S=OUTBOX_LEASE_S,
        ),
        tmp_path / "next.log",
    ).start()
    try:
        wait_until(
            lambda: not SearchOutbox.objects.exists(),
            timeout=120,
            message=f"the killed worker's task was not redelivered:\n{worker.output()}",
        )
    finally:
        worker.stop()

    assert indexed_ids(ids) == set(ids)
    assert get_search_backend().count() == POSTINGS  # those written twice are still one entry each


@pytest.mark.parametrize(
    ("pause", "recovery"),
    [
        ("import-applying", "redelivery"),  # killed inside the import's transaction: nothing was applied
        ("import-applied", "beat"),  # killed with every contract written, before the commit that marks the job done
    ],
)
def test_a_deal_import_whose_worker_is_killed_is_run_again_and_applied_exactly_once(
    world, settings, redis_server, tmp_path, monkeypatch, pause, recovery
):
    # deals_import_start sends the job after its commit; here to this test's Redis, where the workers listen.
    monkeypatch.setattr(
        "deals.tasks.deals_import_task",
        SimpleNamespace(delay=lambda job_id: send_task(redis_server.url, deals_import_task.name, job_id)),
    )
    rows = [row(n) for n in range(1, IMPORT_ROWS + 1)]
    job = deals_import_start(by=ledger_keeper(), upload=csv_upload(rows))
    faults = {"TECHMATCH_FAULT_STALE_IMPORT_S": str(STALE_IMPORT_S)}
    if recovery == "redelivery":
        faults["TECHMATCH_FAULT_VISIBILITY_S"] = VISIBILITY_S

    killed_at_the_pause(
        fault_env(settings, redis_server, tmp_path, TECHMATCH_FAULT_PAUSE=pause, **faults), tmp_path, "killed"
    )

    job.refresh_from_db()
    assert job.status == DealImport.Status.APPLYING  # what the uploader sees until it is taken over
    assert Deal.objects.count() == 0  # the contracts and "succeeded" commit together: neither happened
    # Until it has been silent for STALE_IMPORT a job counts as running and no delivery takes it
    # over (production: 10 minutes, well before Redis's one-hour redelivery).
    time.sleep(max(0.0, (job.updated_at + timedelta(seconds=STALE_IMPORT_S + 0.5) - timezone.now()).total_seconds()))

    worker = Worker(fault_env(settings, redis_server, tmp_path, **faults), tmp_path / "next.log").start()
    try:
        if recovery == "beat":
            send_task(redis_server.url, "deals.tasks.deals_imports_resume_task")  # beat's minute sweep
        wait_until(
            lambda: DealImport.objects.filter(pk=job.pk, finished_at__isnull=False).exists(),
            timeout=180,
            message=f"the import was not run again:\n{worker.output()}",
        )
    finally:
        worker.stop()

    job.refresh_from_db()
    assert job.status == DealImport.Status.SUCCEEDED, (job.message, job.errors[:3])
    assert (job.created_count, job.unchanged_count) == (IMPORT_ROWS, 0)  # the report says what this file did
    totals = Deal.objects.aggregate(
        n=Count("id"),
        numbers=Count("contract_number", distinct=True),
        contract=Sum("contract_amount"),
        technical=Sum("technical_amount"),
    )
    assert totals == {
        "n": IMPORT_ROWS,
        "numbers": IMPORT_ROWS,
        "contract": Decimal("1200000.00") * IMPORT_ROWS,
        "technical": Decimal("1000000.00") * IMPORT_ROWS,
    }
    assert DealEntry.objects.filter(kind=DealEntry.Kind.RECORD).count() == DealEntry.objects.count() == IMPORT_ROWS
    call_command("deal_rollups", "--check")  # the dashboard's sums were not doubled either
