"""An import says everything at once (every problem of every row in one report) and survives a
transient failure: the system retries it, then reports the reason and lets its user run the same
file again (issue 15)."""

import pytest
from django.db import InterfaceError, OperationalError

from core.exceptions import Conflict, Forbidden
from deals import imports, services
from deals.models import Deal, DealEntry, DealImport
from tests.backend.deals.files import csv_upload, row
from tests.backend.deals.helpers import add_district_official
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.deals import DealFactory, ledger_keeper

S = DealImport.Status


@pytest.fixture
def importer(db, django_capture_on_commit_callbacks):
    def run(upload, *, by=None):
        with django_capture_on_commit_callbacks(execute=True):
            job = services.deals_import_start(by=by or ledger_keeper(), upload=upload)
        job.refresh_from_db()
        return job

    return run


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The backoff the import waited, without waiting."""
    waited: list[float] = []
    monkeypatch.setattr(services.time, "sleep", waited.append)
    return waited


def failing_plan(monkeypatch, *errors: Exception) -> list[int]:
    """plan_import raises `errors` one per call, then reads the file as usual; returns the call count."""
    real, calls = imports.plan_import, []

    def plan(*args, **kwargs):
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return real(*args, **kwargs)

    monkeypatch.setattr(imports, "plan_import", plan)
    return calls


def problems(job: DealImport) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for error in job.errors:
        found.setdefault(error["row"], set()).add(error["column"])
    return found


# --- every problem in one report -------------------------------------------------------------------


def test_every_problem_of_every_row_is_reported_in_one_round(importer):
    DealFactory(contract_number="2026330522000004", status="voided")
    rows = [
        row(1),  # row 2: valid
        # row 3: three cells wrong at once, the amount an overflow
        row(2, **{"合同金额（元）": "1e309", "合同类型": "技术入股", "签订日期": "2026-02-30"}),
        # row 4: a cell (check character) and a rule over other cells (technical > contract)
        row(3, **{"买方统一社会信用代码": "91330522MA2B7K3Q1X", "技术交易额（元）": "1500000.00"}),
        # row 5: voided in the ledger, and its registration date is before its signing
        row(4, **{"认定登记日期": "2026-03-01"}),
        # row 6: an unknown region and a signing date in the future
        row(5, **{"卖方所在地区": "苏州工业园区", "签订日期": "2099-01-01", "认定登记日期": "", "认定登记编号": ""}),
    ]

    job = importer(csv_upload(rows))

    assert job.status == S.FAILED and not job.retryable
    assert problems(job) == {
        3: {"合同金额（元）", "合同类型", "签订日期"},
        4: {"买方统一社会信用代码", "技术交易额（元）"},
        5: {"合同编号", "认定登记日期"},
        6: {"卖方所在地区", "签订日期"},
    }
    messages = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert messages[(3, "合同金额（元）")] == "金额超过100亿元，请核对"
    assert "作废" in messages[(5, "合同编号")] and "早于签订日期" in messages[(5, "认定登记日期")]
    assert job.error_count == 9 and Deal.objects.count() == 1


def test_a_cell_already_reported_is_not_reported_again_by_a_rule(importer):
    job = importer(csv_upload([row(1, **{"认定登记编号": ""})]))

    assert [(e["column"], e["message"]) for e in job.errors] == [
        ("认定登记编号", "填写了认定登记日期时必须填写认定登记编号")
    ]


def test_a_row_with_a_bad_cell_is_still_compared_with_the_ledger(importer):
    importer(csv_upload([row(1)]))

    job = importer(csv_upload([row(1, **{"技术交易额（元）": "900000.00", "产业链": "元宇宙"})]))

    assert problems(job) == {2: {"合同编号", "产业链"}}
    assert "技术交易额（元）" in next(e["message"] for e in job.errors if e["column"] == "合同编号")


def test_a_row_repeated_in_the_file_is_compared_on_what_both_copies_say(importer):
    job = importer(
        csv_upload([row(1), row(1, **{"合同金额（元）": "NaN"}), row(1, **{"合同金额（元）": "1300000.00"})])
    )

    assert problems(job) == {3: {"合同金额（元）"}, 4: {"合同编号"}}


@pytest.mark.parametrize("amount", ["1e309", "-1e309", "Infinity", "NaN", "1.001", "1e-400", "9" * 400])
def test_an_extreme_amount_is_one_row_error_with_a_plain_message(importer, amount):
    job = importer(csv_upload([row(1, **{"技术交易额（元）": amount})]))

    assert job.status == S.FAILED and not job.retryable
    assert [e["column"] for e in job.errors] == ["技术交易额（元）"]
    assert job.errors[0]["message"] in {"金额超过100亿元，请核对", "金额不能为负数", "金额不是数字", "金额最多两位小数"}


# --- transient failures: retried by the system, then reported with a retry ----------------------


def test_a_locked_database_is_retried_with_backoff_and_the_import_then_succeeds(importer, monkeypatch, sleeps):
    calls = failing_plan(monkeypatch, OperationalError("database is locked"), OperationalError("database is locked"))

    job = importer(csv_upload([row(1), row(2)]))

    assert job.status == S.SUCCEEDED and job.created_count == 2, job.message
    assert len(calls) == 3 and sleeps == [1.0, 3.0] and job.attempts == 1
    assert DealEntry.objects.count() == 2


def test_a_failure_that_persists_is_reported_with_its_reason_and_may_be_run_again(importer, monkeypatch, sleeps):
    failing_plan(monkeypatch, *[OperationalError("database is locked")] * 4)

    job = importer(csv_upload([row(1)]))

    assert job.status == S.FAILED and job.retryable
    assert job.message.startswith("台账正被其他操作占用") and "已自动重试3次" in job.message
    assert "内部错误" not in job.message and sleeps == [1.0, 3.0, 9.0]
    assert Deal.objects.count() == 0

    with pytest.raises(Conflict):  # a retry runs only the jobs that failed for the system's reasons
        services.deals_import_retry(job=importer(csv_upload([row(1, **{"合同类型": "技术入股"})])), by=ledger_keeper())


def test_the_retry_runs_the_same_stored_file_again_all_or_nothing(
    importer, monkeypatch, sleeps, django_capture_on_commit_callbacks
):
    failing_plan(monkeypatch, *[InterfaceError("connection already closed")] * 4)
    job = importer(csv_upload([row(1), row(2)]))
    assert job.status == S.FAILED and job.message.startswith("与数据库的连接中断")

    with django_capture_on_commit_callbacks(execute=True):
        queued = services.deals_import_retry(job=job, by=job.created_by)
    assert queued.status == S.PENDING
    job.refresh_from_db()

    assert job.status == S.SUCCEEDED and job.created_count == 2 and not job.retryable and job.attempts == 1
    assert set(Deal.objects.values_list("contract_number", flat=True)) == {"2026330522000001", "2026330522000002"}


def test_a_failed_job_is_retried_by_its_creator_or_the_city_wide_keepers_only(world, importer, monkeypatch, sleeps):
    failing_plan(monkeypatch, *[OperationalError("database is locked")] * 4)
    job = importer(csv_upload([row(1)]))
    county = world.users[add_district_official(world)]

    with pytest.raises(Forbidden):
        services.deals_import_retry(job=job, by=UserFactory(organisation=OrganisationFactory()))
    with pytest.raises(Forbidden):
        services.deals_import_retry(job=job, by=county)  # a county bureau retries its own uploads only
    assert services.deals_import_retry(job=job, by=world.users["official"]).status == S.PENDING


def test_an_unexpected_error_is_not_retried_but_reported_with_a_reference_and_a_retry(importer, monkeypatch, sleeps):
    failing_plan(monkeypatch, RuntimeError("a bug"))
    job = importer(csv_upload([row(1)]))  # the task's error is logged; the upload itself answered

    assert job.status == S.FAILED and job.retryable and sleeps == []
    assert f"导入编号{job.pk}" in job.message and "联系平台运营方" in job.message


def test_a_job_whose_worker_keeps_dying_is_reported_failed_after_a_bounded_number_of_runs(importer):
    from datetime import timedelta

    from django.utils import timezone

    job = importer(csv_upload([row(1)]))
    DealImport.objects.filter(pk=job.pk).update(
        status=S.APPLYING,
        attempts=services.MAX_IMPORT_RUNS,
        updated_at=timezone.now() - services.STALE_IMPORT - timedelta(seconds=1),
    )

    job = services.deals_import_run(job_id=job.pk)

    assert job.status == S.FAILED and job.retryable and "意外中止" in job.message
    assert Deal.objects.count() == 1  # the first run's contract; the job did not apply anything again


def test_a_collision_with_a_concurrent_write_may_be_retried(importer, monkeypatch):
    from django.db import IntegrityError

    failing_plan(monkeypatch, IntegrityError("deal_number_unique_per_registry"))
    job = importer(csv_upload([row(1)]))

    assert job.status == S.FAILED and job.retryable and "同时修改" in job.message


# --- the API -----------------------------------------------------------------------------------------


def test_the_retry_action_queues_the_job_and_answers_202(
    world, monkeypatch, sleeps, django_capture_on_commit_callbacks
):
    failing_plan(monkeypatch, *[OperationalError("database is locked")] * 4)
    upload = csv_upload([row(1)])
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("official").post("/api/deals/import/", {"file": upload}, format="multipart")
    job_id = response.json()["id"]
    failed = world.client("official").get(f"/api/deals/imports/{job_id}/").json()
    assert failed["status"] == "failed" and failed["retryable"] is True and "台账正被其他操作占用" in failed["message"]

    with django_capture_on_commit_callbacks(execute=True):
        retried = world.client("operator").post(f"/api/deals/imports/{job_id}/retry/")
    assert retried.status_code == 202 and retried.json()["status"] == "pending"
    done = world.client("official").get(f"/api/deals/imports/{job_id}/").json()
    assert done["status"] == "succeeded" and done["created_count"] == 1 and done["retryable"] is False

    again = world.client("official").post(f"/api/deals/imports/{job_id}/retry/")
    assert again.status_code == 409
    assert world.client("owner").post(f"/api/deals/imports/{job_id}/retry/").status_code == 403
