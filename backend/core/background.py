"""Tasks without a broker (the embedded default): threads of this process run them after the
request has answered, instead of the request running them itself.

Run eagerly, a task made its request wait: saving a challenge draft took 12.7 s behind a spinner,
three encoder passes of indexing inside the request (issue 16). Each task name has one thread of
its own, started on first use, so that a long registry import never delays indexing and two
outbox drains never run at once (both would embed the same rows). A call equal to one still
waiting is dropped: the waiting one reads the same committed data when it runs. Work queued when
the process exits is finished first: Python joins the executors' threads at exit, so
`seed_demo` and `runserver`'s Ctrl-C leave nothing half-done.

Celery beat's schedule (CELERY_BEAT_SCHEDULE: the outbox drain, deadlines, import and export
sweeps, the morning digest) runs here too, on one more thread of each web process, started by its
first request (config/wsgi.py, asgi.py; after gunicorn has forked, and never in a management
command). Several web processes each run it: every scheduled task is written to be run twice (the
outbox drain leases its rows, the digest locks what it sends).

With CELERY_BROKER_URL set, tasks go to the broker and beat sends the schedule; with
CELERY_TASK_ALWAYS_EAGER (the test settings) they run inside the caller, as Celery does it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from celery import current_app
from celery.contrib.django.task import DjangoTask
from celery.schedules import BaseSchedule, maybe_schedule
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.signals import request_started
from django.db import connections

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_idle = threading.Condition(_lock)
_executors: dict[str, ThreadPoolExecutor] = {}
_waiting: set[Hashable] = set()
_unfinished = 0
_beat: threading.Thread | None = None
_beat_stop = threading.Event()  # a new one for each start
BEAT_MAX_SLEEP_S = 60.0  # a clock change or a new entry is noticed within a minute


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


def serve_schedule() -> None:
    """Called by config/wsgi.py and asgi.py: this is a web process; its first request starts the
    schedule when it has no broker (threads do not survive gunicorn's fork, so not at import)."""
    request_started.connect(_first_request, dispatch_uid="core.background.schedule")


def _first_request(**kwargs: Any) -> None:
    if _beat is None:
        start_schedule()


def start_schedule() -> bool:
    """Run CELERY_BEAT_SCHEDULE on a thread of this process, once; whether it runs now."""
    global _beat, _beat_stop
    with _lock:
        if _beat is not None:
            return True
        if not in_process() or not settings.CELERY_BEAT_SCHEDULE:
            return False
        _beat_stop = threading.Event()
        _beat = threading.Thread(target=_run_schedule, args=(_beat_stop,), name="beat", daemon=True)
        _beat.start()
    return True


def stop_schedule(timeout: float = 30) -> None:
    """Stop the schedule's thread (tests); tasks it queued still run."""
    global _beat
    with _lock:
        beat, _beat = _beat, None
    if beat is not None:
        _beat_stop.set()
        beat.join(timeout)


def schedule_entries() -> dict[str, tuple[Task, BaseSchedule, tuple, dict]]:
    """CELERY_BEAT_SCHEDULE with its tasks and schedules resolved, as beat reads it."""
    current_app.loader.import_default_modules()  # every app's tasks.py, as a worker imports them
    entries = {}
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        task = current_app.tasks[entry["task"]]
        schedule = maybe_schedule(entry["schedule"], app=current_app)
        entries[name] = (task, schedule, tuple(entry.get("args", ())), dict(entry.get("kwargs", {})))
    return entries


def _run_schedule(stop: threading.Event) -> None:
    global _beat
    entries = None
    while entries is None and not stop.is_set():
        try:
            entries = schedule_entries()
        except Exception:  # a task module that fails to import: say so, and try again
            logger.exception("CELERY_BEAT_SCHEDULE cannot be read; trying again in %s s", BEAT_MAX_SLEEP_S)
            stop.wait(BEAT_MAX_SLEEP_S)
    if entries is None:
        return
    # As beat does: each entry first runs one period after the start, then every period.
    last_run = {name: schedule.now() for name, (_task, schedule, _args, _kwargs) in entries.items()}
    while not stop.is_set() and in_process():  # a broker configured since (tests): its beat takes over
        sleep = BEAT_MAX_SLEEP_S
        for name, (task, schedule, args, kwargs) in entries.items():
            try:
                due, next_in = schedule.is_due(last_run[name])
                if due:
                    last_run[name] = schedule.now()
                    submit(task, args, kwargs)
            except Exception:  # one broken entry must not stop the others
                logger.exception("scheduled task %s", name)
                next_in = BEAT_MAX_SLEEP_S
            sleep = min(sleep, next_in)
        stop.wait(max(sleep, 0.05))
    with _lock:
        if _beat is threading.current_thread():
            _beat = None
