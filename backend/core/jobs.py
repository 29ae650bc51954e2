"""Background jobs that report progress (the registry import, dashboard exports)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.utils import timezone

Job = TypeVar("Job", bound=models.Model)


def job_update(job: Job, **fields: Any) -> Job:
    """Write a job's progress or outcome at once, outside any transaction of the work itself, so
    that other requests read it while the job runs; `updated_at` tells a running job from one
    whose worker died."""
    for name, value in fields.items():
        setattr(job, name, value)
    type(job).objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)
    return job
