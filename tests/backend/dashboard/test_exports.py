"""Background exports: a figure too large to download within a request is built by a worker —
exactly the drill-down's rows, with progress, each official seeing only their own, run once
however often the job is delivered, re-sent when its worker died, dropped after a week."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from dashboard import services
from dashboard.models import DashboardExport, DashboardExportPart

EXPORTS = "/api/dashboard/exports/"


def body(download) -> bytes:
    """A finished file is streamed a stored part at a time."""
    assert download.status_code == 200 and download.streaming
    return b"".join(download.streaming_content)


def sync_rows(world, **params) -> list[dict]:
    response = world.client("official").get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "file_format": "csv", **params}
    )
    assert response.status_code == 200, response.content[:300]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def start(world, django_capture_on_commit_callbacks, role="official", **params) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client(role).post(
            EXPORTS, {"year": 2026, "figure": "total", "file_format": "csv", **params}, format="json"
        )
    assert response.status_code == 202, response.content[:300]
    return response.json()


@pytest.mark.parametrize(("figure", "key"), [("total", ""), ("district", "wuxing"), ("platform", "offline")])
def test_the_background_file_holds_exactly_the_rows_of_the_direct_download(
    year_of_deals, django_capture_on_commit_callbacks, figure, key
):
    queued = start(year_of_deals, django_capture_on_commit_callbacks, figure=figure, key=key)
    client = year_of_deals.client("official")

    job = client.get(f"{EXPORTS}{queued['id']}/").json()
    download = client.get(f"{EXPORTS}{queued['id']}/download/")

    expected = sync_rows(year_of_deals, figure=figure, key=key)
    assert queued["status"] == "pending" and queued["total_rows"] == len(expected)
    assert (job["status"], job["progress"], job["processed_rows"], job["total_rows"]) == (
        "succeeded",
        1.0,
        len(expected),
        len(expected),
    )
    content = body(download)
    assert job["message"] == f"共{len(expected)}份合同" and job["file_size"] == len(content) == int(
        download["Content-Length"]
    )
    assert "attachment" in download["Content-Disposition"]
    assert list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")))) == expected


def test_an_xlsx_export_names_the_figure_and_holds_its_contracts(year_of_deals, django_capture_on_commit_callbacks):
    queued = start(
        year_of_deals, django_capture_on_commit_callbacks, figure="district", key="wuxing", file_format="xlsx"
    )

    download = year_of_deals.client("official").get(f"{EXPORTS}{queued['id']}/download/")

    assert queued["file_name"] == "2026年技术合同-吴兴区.xlsx" and queued["label"] == "吴兴区"
    header, *cells = list(
        load_workbook(io.BytesIO(body(download)), read_only=True).worksheets[0].iter_rows(values_only=True)
    )
    number = header.index("合同编号")
    assert sorted(r[number] for r in cells) == sorted(
        r["合同编号"] for r in sync_rows(year_of_deals, figure="district", key="wuxing")
    )


def test_the_direct_download_refuses_a_figure_above_the_limit_and_points_to_the_background_export(
    year_of_deals, settings
):
    settings.DASHBOARD_EXPORT_MAX_ROWS = 1

    response = year_of_deals.client("official").get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": "total"}
    )

    assert response.status_code == 400 and response.json()["code"] == "export_too_large"
    assert "请改用后台导出" in response.json()["detail"]


def test_a_file_is_not_downloadable_before_it_is_built(year_of_deals):
    job = DashboardExport.objects.create(
        created_by=year_of_deals.users["official"],
        year=2026,
        figure="total",
        file_format="csv",
        file_name="2026年技术合同-全年.csv",
        total_rows=5,
    )

    response = year_of_deals.client("official").get(f"{EXPORTS}{job.pk}/download/")
    progress = year_of_deals.client("official").get(f"{EXPORTS}{job.pk}/").json()

    assert response.status_code == 409 and response.json()["extra"] == {"status": "pending"}
    assert (progress["status_label"], progress["progress"]) == ("排队中", 0.0)


def test_each_official_sees_only_their_own_exports_and_no_one_else_any(
    year_of_deals, django_capture_on_commit_callbacks
):
    mine = start(year_of_deals, django_capture_on_commit_callbacks)

    listed = year_of_deals.client("official").get(EXPORTS).json()
    others = {
        role: year_of_deals.client(role).get(f"{EXPORTS}{mine['id']}/download/").status_code
        for role in ("operator", "owner", "institute", "anonymous")
    }

    assert [j["id"] for j in listed["results"]] == [mine["id"]]
    assert year_of_deals.client("operator").get(EXPORTS).json()["results"] == []
    assert others == {"operator": 404, "owner": 403, "institute": 403, "anonymous": 401}


def test_a_second_delivery_of_a_finished_or_running_job_builds_nothing(
    year_of_deals, django_capture_on_commit_callbacks
):
    done = DashboardExport.objects.get(pk=start(year_of_deals, django_capture_on_commit_callbacks)["id"])
    running = DashboardExport.objects.create(
        created_by=year_of_deals.users["official"],
        year=2026,
        figure="total",
        file_format="csv",
        file_name="x.csv",
        status=DashboardExport.Status.RUNNING,
    )

    again = services.dashboard_export_run(job_id=done.pk)
    still = services.dashboard_export_run(job_id=running.pk)

    assert (again.status, again.finished_at) == ("succeeded", done.finished_at)
    assert (still.status, still.file_size) == ("running", 0)


def test_a_job_whose_worker_died_or_whose_send_failed_is_sent_again_and_old_ones_are_dropped(year_of_deals):
    official = year_of_deals.users["official"]
    now = timezone.now()

    def job(status, **kw):
        created = DashboardExport.objects.create(
            created_by=official, year=2026, figure="total", file_format="csv", file_name="x.csv", status=status
        )
        DashboardExport.objects.filter(pk=created.pk).update(**kw)
        return created.pk

    queued_long_ago = job("pending", created_at=now - timedelta(minutes=2))
    just_queued = job("pending")
    dead_worker = job("running", updated_at=now - services.STALE_EXPORT - timedelta(seconds=1))
    busy_worker = job("running", updated_at=now)
    old = job("succeeded", created_at=now - timedelta(days=8))
    DashboardExportPart.objects.bulk_create(
        DashboardExportPart(export_id=old, number=n, content=b"x") for n in range(3)
    )

    sent, dropped = services.dashboard_exports_maintain()  # tasks run eagerly in tests: the jobs are built here

    status = dict(DashboardExport.objects.values_list("id", "status"))
    assert (sent, dropped) == (2, 1) and old not in status
    assert not DashboardExportPart.objects.filter(export_id=old).exists()
    assert (status[queued_long_ago], status[dead_worker]) == ("succeeded", "succeeded")
    assert (status[just_queued], status[busy_worker]) == ("pending", "running")


def test_a_failure_while_building_is_reported_on_the_job_and_keeps_no_file(year_of_deals, monkeypatch):
    job = DashboardExport.objects.create(
        created_by=year_of_deals.users["official"], year=2026, figure="total", file_format="csv", file_name="x.csv"
    )

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services, "write_ledger_file", disk_full)
    with pytest.raises(OSError):
        services.dashboard_export_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.message, job.parts.count()) == ("failed", "生成文件时发生内部错误，请重新导出", 0)
    assert year_of_deals.client("official").get(f"{EXPORTS}{job.pk}/download/").status_code == 409


def test_progress_is_written_while_the_file_is_built(year_of_deals, monkeypatch):
    job = DashboardExport.objects.create(
        created_by=year_of_deals.users["official"],
        year=2026,
        figure="total",
        file_format="csv",
        file_name="x.csv",
        total_rows=5,
    )
    written = []
    update = services.job_update

    def watched(job, **fields):
        if set(fields) == {"processed_rows"}:
            written.append(fields["processed_rows"])
        return update(job, **fields)

    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(services, "job_update", watched)
    services.dashboard_export_run(job_id=job.pk)

    assert written == [2, 4]
    assert DashboardExport.objects.get(pk=job.pk).processed_rows == 5


def test_a_file_larger_than_a_part_is_stored_in_parts_and_streamed_back_whole(
    year_of_deals, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "PART_BYTES", 500)
    queued = start(year_of_deals, django_capture_on_commit_callbacks)

    job = DashboardExport.objects.get(pk=queued["id"])
    content = body(year_of_deals.client("official").get(f"{EXPORTS}{job.pk}/download/"))

    assert job.parts.count() == -(-job.file_size // 500) > 1
    assert list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")))) == sync_rows(year_of_deals, figure="total")


def test_a_rerun_after_a_dead_worker_replaces_the_parts_it_left(year_of_deals, django_capture_on_commit_callbacks):
    job = DashboardExport.objects.get(pk=start(year_of_deals, django_capture_on_commit_callbacks)["id"])
    DashboardExport.objects.filter(pk=job.pk).update(
        status="running", updated_at=timezone.now() - services.STALE_EXPORT - timedelta(seconds=1)
    )
    DashboardExportPart.objects.create(export=job, number=99, content=b"half a file")

    services.dashboard_export_run(job_id=job.pk)

    content = body(year_of_deals.client("official").get(f"{EXPORTS}{job.pk}/download/"))
    assert b"half a file" not in content
    assert list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")))) == sync_rows(year_of_deals, figure="total")
