"""Tasks without a broker (the embedded default): threads of this process run them after the
request has answered, instead of the request running them itself.

Run eagerly, a task made its request wait: saving a challenge draft took 12.7 s behind a spinner,
three encoder passes of indexing inside the request (issue 16). Each task name has one thread of
its own, started on first use, so that a long registry import never delays indexing and two
outbox drains never run at once (both would embed the same rows). A call equal to one still
waiting is dropped: the waiting one reads the same committed data when it runs. Work queued when
the process exits is finished first: Python joins the executors' threads at exit, so
`seed_demo` and `runserver`'s Ctrl-C leave nothing half-done.

With CELERY_BROKER_URL set, tasks go to the broker; with CELERY_TASK_ALWAYS_EAGER (the test
settings) they run inside the caller, as Celery does it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from celery.contrib.django.task import DjangoTask
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_idle = threading.Condition(_lock)
_executors: dict[str, ThreadPoolExecutor] = {}
_waiting: set[Hashable] = set()
_unfinished = 0


def in_process() -> bool:
    return not settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER


class Task(DjangoTask):
    """The base of every task (config/celery.py): sends to the broker, or to a thread here."""

    def apply_async(self, args=None, kwargs=None, task_id=None, producer=None, link=None, link_error=None, **options):
        if not in_process():
            return super().apply_async(args, kwargs, task_id, producer, link, link_error, **options)
        submit(self, tuple(args or ()), dict(kwargs or {}), countdown=float(options.get("countdown") or 0))
        return None  # nothing reads our tasks' results (CELERY_TASK_IGNORE_RESULT)


def submit(task: Task, args: tuple, kwargs: dict, *, countdown: float = 0, attempt: int = 0) -> None:
    if countdown > 0:
        timer = threading.Timer(countdown, submit, (task, args, kwargs), {"attempt": attempt})
        timer.daemon = True  # a retry still waiting at exit is caught up by the next change or sweep
        timer.start()
        return
    global _unfinished
    key = (task.name, repr(args), repr(sorted(kwargs.items())))
    with _lock:
        if key in _waiting:
            return
        _waiting.add(key)
        _unfinished += 1
        executor = _executors.get(task.name)
        if executor is None:
            executor = _executors[task.name] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=task.name)
    try:
        executor.submit(_run, task, args, kwargs, key, attempt)
    except RuntimeError:  # the interpreter is exiting (a drain asking for its next batch): run it here
        _run(task, args, kwargs, key, attempt)


def _run(task: Task, args: tuple, kwargs: dict, key: Hashable, attempt: int) -> Any:
    with _lock:
        _waiting.discard(key)
    try:
        return task(*args, **kwargs)
    except Exception as exc:
        if isinstance(exc, tuple(getattr(task, "autoretry_for", ()))) and _retry(task, args, kwargs, attempt, exc):
            return None
        logger.exception("task %s%s failed", task.name, args)
        return None
    finally:
        connections.close_all()  # this thread's connections: a worker thread must not hold them open
        _finished()


def _finished() -> None:
    global _unfinished
    with _idle:
        _unfinished -= 1
        _idle.notify_all()


def _retry(task: Task, args: tuple, kwargs: dict, attempt: int, exc: Exception) -> bool:
    """Celery's autoretry policy of the task (retry_backoff, retry_backoff_max, max_retries)."""
    if task.max_retries is not None and attempt >= task.max_retries:
        return False
    countdown = get_exponential_backoff_interval(
        factor=int(max(1.0, float(getattr(task, "retry_backoff", 1) or 1))),
        retries=attempt,
        maximum=int(getattr(task, "retry_backoff_max", 600)),
        full_jitter=getattr(task, "retry_jitter", True),
    )
    logger.warning("task %s%s: %s; again in %s s", task.name, args, exc, countdown)
    submit(task, args, kwargs, countdown=max(countdown, 1), attempt=attempt + 1)
    return True


def wait_idle(timeout: float) -> bool:
    """Whether every task queued so far has run within `timeout` seconds (tests)."""
    with _idle:
        return _idle.wait_for(lambda: _unfinished == 0, timeout)
