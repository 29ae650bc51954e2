"""Background jobs over one file that report progress (the registry import, dashboard exports).

A job is queued in the request's transaction and sent to a worker after the commit. The broker may
be down at that moment and a worker may die halfway, so a beat task sends again every job that no
worker holds (`jobs_resend`), and `job_claim` makes sure that of two deliveries only one runs it.
A job whose file can be built again is dropped after a while (`jobs_purge`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, ClassVar, TypeVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import BaseModel

logger = logging.getLogger(__name__)

# A job queued this long ago and still pending has lost its first send (it follows the commit at once).
UNSENT_AFTER = timedelta(minutes=1)


class ResumableJob(BaseModel):
    """A job over one file that a worker runs once and reports on (`progress`, `message`).
    Subclasses add `status` (with the three values below), `total_rows`, `processed_rows` and
    `worker_statuses`: the statuses of a job a worker holds, of which a claimed job takes the first."""

    PENDING: ClassVar[str] = "pending"
    SUCCEEDED: ClassVar[str] = "succeeded"
    FAILED: ClassVar[str] = "failed"
    worker_statuses: ClassVar[tuple[str, ...]]

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    file_name = models.CharField(_("文件名"), max_length=200)
    file_format = models.CharField(_("文件格式"), max_length=10, choices=Format.choices)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.file_name

    @property
    def progress(self) -> float:
        """From 0 to 1; a finished job, succeeded or failed, is at 1."""
        if self.status in (self.SUCCEEDED, self.FAILED):
            return 1.0
        return round(min(self.processed_rows / self.total_rows, 1.0), 4) if self.total_rows else 0.0


Job = TypeVar("Job", bound=ResumableJob)


def job_update(job: Job, **fields: Any) -> Job:
    """Write a job's progress or outcome at once, outside any transaction of the work itself, so
    that other requests read it while the job runs; `updated_at` tells a running job from one
    whose worker died."""
    for name, value in fields.items():
        setattr(job, name, value)
    type(job).objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)
    return job


def _held_too_long(model: type[ResumableJob], stale: timedelta) -> Q:
    return Q(status__in=model.worker_statuses, updated_at__lt=timezone.now() - stale)


@contextmanager
def job_failure_reported(
    job: ResumableJob, *, message: str, cleanup: Callable[[], Any] | None = None
) -> Iterator[None]:
    """An unexpected error ends the job as failed with `message` for its user (after `cleanup`),
    is logged with its traceback, and is raised again for the task to report."""
    try:
        yield
    except Exception:
        logger.exception("%s %s failed unexpectedly", job._meta.label, job.pk)
        if cleanup is not None:
            cleanup()
        job_update(job, status=job.FAILED, message=message, finished_at=timezone.now())
        raise


def job_claim(model: type[ResumableJob], job_id: int, *, stale: timedelta, **reset: Any) -> bool:
    """Take the job for this run: a queued one, or one silent for `stale` (its worker died). One
    conditional UPDATE, so of two deliveries of the same job only one runs it. The progress, the
    message and the `reset` fields start over."""
    now = timezone.now()
    runnable = Q(status=model.PENDING) | _held_too_long(model, stale)
    claimed = model.objects.filter(runnable, pk=job_id).update(
        status=model.worker_statuses[0], started_at=now, updated_at=now, processed_rows=0, message="", **reset
    )
    return claimed == 1


def jobs_resend(model: type[ResumableJob], *, stale: timedelta, send: Callable[[int], Any]) -> int:
    """Send again every job no worker is running: queued while the broker was down (the send
    failed after the commit), or left running by a worker that died. `job_claim` keeps a job that
    is in fact still running from running twice. Returns how many were sent."""
    unsent = Q(status=model.PENDING, created_at__lt=timezone.now() - UNSENT_AFTER)
    ids = list(model.objects.filter(unsent | _held_too_long(model, stale)).order_by("id").values_list("id", flat=True))
    for job_id in ids:
        send(job_id)
    return len(ids)


def jobs_purge(model: type[ResumableJob], *, keep: timedelta) -> int:
    """Drop the jobs created more than `keep` ago, with whatever cascades from them (their files).
    Returns how many jobs were dropped."""
    _rows, deleted = model.objects.filter(created_at__lt=timezone.now() - keep).delete()
    return deleted.get(model._meta.label, 0)
