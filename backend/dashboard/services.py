"""Writes of the dashboard: progress readings of the policy targets (append-only), and the
background exports of figures too large to export within a request."""

import tempfile
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import Conflict
from core.jobs import job_claim, job_failure_reported, job_update, jobs_purge, jobs_resend
from dashboard.models import DashboardExport, DashboardExportPart, PolicyTarget, TargetProgress
from dashboard.selectors import drilldown_rows, export_name
from dashboard.targets import is_computed
from deals.files import COUNTED_COLUMNS, write_ledger_file
from deals.permissions import require_dashboard


@transaction.atomic
def target_progress_add(
    *, target: PolicyTarget, by: User, value: Decimal, as_of: date, note: str = ""
) -> TargetProgress:
    require_dashboard(by)
    if is_computed(target):
        raise Conflict(_("该目标由平台根据业务数据自动计算，不能人工填报"), extra={"code": target.code})
    if as_of > timezone.localdate():
        raise ValidationError({"as_of": _("统计截至日期不能晚于今天")})
    progress = TargetProgress(target=target, by=by, value=value, as_of=as_of, note=note, at=timezone.now())
    progress.full_clean()
    progress.save()
    return progress


# --- background exports ----------------------------------------------------------------------------

# A running export writes its progress every PROGRESS_EVERY rows (a few seconds apart); one silent
# for this long has lost its worker and is run again.
STALE_EXPORT = timedelta(minutes=10)
PROGRESS_EVERY = 5000
# Parts of a stored file: a few round trips for a year's export, little memory for each.
PART_BYTES = 4 * 1024 * 1024


@transaction.atomic
def dashboard_export_start(
    *,
    by: User,
    year: int,
    figure: str,
    key: str,
    as_of: date | None,
    file_format: str,
    recorded_as_of: date | None = None,
) -> DashboardExport:
    """Queue the file of a drill-down (exactly its rows) for a worker to build; the job reports
    progress and, when done, is downloaded from /api/dashboard/exports/{id}/download/."""
    from dashboard.tasks import dashboard_export_task  # lazy: tasks.py imports this module

    require_dashboard(by)
    dates = {"as_of": as_of, "recorded_as_of": recorded_as_of}
    job = DashboardExport.objects.create(
        created_by=by,
        year=year,
        figure=figure,
        key=key,
        file_format=file_format,
        total_rows=drilldown_rows(viewer=by, year=year, figure=figure, key=key, **dates).count(),
        file_name=f"{export_name(year=year, figure=figure, key=key, **dates)}.{file_format}"[-200:],
        **dates,
    )
    # robust: with the broker down the job stays queued and dashboard_exports_maintain sends it later.
    transaction.on_commit(lambda: dashboard_export_task.delay(job.pk), robust=True)
    return job


def dashboard_export_run(*, job_id: int) -> DashboardExport:
    """Build the file. Safe to run again: a finished or running job is left alone, one whose
    worker died starts over (its parts are replaced; only a finished job can be downloaded)."""
    if not job_claim(DashboardExport, job_id, stale=STALE_EXPORT):
        return DashboardExport.objects.get(pk=job_id)
    job = DashboardExport.objects.get(pk=job_id)
    written = 0

    def counted(rows):
        nonlocal written
        for written, row in enumerate(rows, start=1):
            yield row
            if written % PROGRESS_EVERY == 0:
                job_update(job, processed_rows=written)

    parts = DashboardExportPart.objects.filter(export=job)
    with job_failure_reported(job, message=_("生成文件时发生内部错误，请重新导出"), cleanup=parts.delete):
        parts.delete()
        # The rows its requester may see, shown as they would read them (district, confidential origins).
        rows = drilldown_rows(
            viewer=job.created_by,
            year=job.year,
            figure=job.figure,
            key=job.key,
            as_of=job.as_of,
            recorded_as_of=job.recorded_as_of,
        )
        # The file goes to the worker's own disk first, then into the database a part at a time.
        with tempfile.TemporaryFile(prefix="techmatch-export-") as out:
            write_ledger_file(
                out,
                counted(rows.iterator(chunk_size=2000)),
                columns=COUNTED_COLUMNS,
                file_format=job.file_format,
                title="技术合同",
            )
            size = out.tell()
            out.seek(0)
            number = 0
            while part := out.read(PART_BYTES):
                DashboardExportPart.objects.create(export=job, number=number, content=part)
                number += 1
    return job_update(
        job,
        status=DashboardExport.Status.SUCCEEDED,
        file_size=size,
        processed_rows=written,
        total_rows=written,
        finished_at=timezone.now(),
        message=_("共%(n)d份合同") % {"n": written},
    )


def dashboard_exports_maintain() -> tuple[int, int]:
    """Beat, every minute: queue again every export no worker is running (queued while the broker
    was down, or left running by a worker that died), and drop exports older than
    DASHBOARD_EXPORT_KEEP_DAYS with their files. Returns (queued again, dropped)."""
    from dashboard.tasks import dashboard_export_task  # lazy: tasks.py imports this module

    dropped = jobs_purge(DashboardExport, keep=timedelta(days=settings.DASHBOARD_EXPORT_KEEP_DAYS))
    return jobs_resend(DashboardExport, stale=STALE_EXPORT, send=dashboard_export_task.delay), dropped
