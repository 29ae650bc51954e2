"""SQLite, the embedded default, under concurrent users: the request's transaction (ATOMIC_REQUESTS)
as config/wsgi.py and config/asgi.py run it.

SQLite has one writer at a time. Settings begin every transaction IMMEDIATE, so a writer waits for
the lock when it begins (the busy timeout) instead of failing with "database is locked" when its
snapshot went stale. On top of that, for SQLite only:

- Requests of unsafe methods in one process take turns on a lock, on-commit work included (the
  search outbox drains in-process when there is no broker). SQLite's busy handler polls the lock
  every 100 ms with no queue, so a waiting writer could be overtaken for seconds; and concurrent
  in-process drains each embedded every pending posting, the others' too. 20 users writing 10
  need drafts each at once, under `runserver`: with IMMEDIATE alone 68 of 200 writes had no
  answer within 120 s (p50 9.6 s); taking turns, all 200 succeed, p50 3.5 s, p95 5.4 s, which is
  the queue in front of one writer at about 200 ms a write (tests/benchmarks/bench_sqlite_writers.py).
- Requests of safe methods begin DEFERRED: reading takes no write lock, so pages do not wait for
  writers. One that writes all the same (a token's expiry refreshed) may find its snapshot stale.
- A request whose transaction failed with "database is locked" before it committed is run again,
  up to LOCKED_ATTEMPTS times with jittered backoff. Never after its commit: that would write twice.

What still escapes answers 503 `database_busy` (core/middleware.py), never `database_unavailable`,
which says the database is down.
"""

from __future__ import annotations

import functools
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from inspect import iscoroutinefunction

from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

LOCKED_ATTEMPTS = 3
BACKOFF_S = 0.05
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_writer_turn = threading.Lock()


def is_sqlite_locked(exc: BaseException, using: str = DEFAULT_DB_ALIAS) -> bool:
    return (
        isinstance(exc, OperationalError) and connections[using].vendor == "sqlite" and "database is locked" in str(exc)
    )


@contextmanager
def _writer_turn_taken(using: str) -> Iterator[None]:
    # Bounded by the busy timeout: past it, SQLite's own waiting takes over (and says "locked").
    timeout = float(connections[using].settings_dict.get("OPTIONS", {}).get("timeout", 5))
    acquired = _writer_turn.acquire(timeout=timeout)
    try:
        yield
    finally:
        if acquired:
            _writer_turn.release()


@contextmanager
def _deferred(using: str) -> Iterator[None]:
    connection = connections[using]
    connection.ensure_connection()
    mode, connection.transaction_mode = connection.transaction_mode, None  # plain BEGIN: DEFERRED
    try:
        yield
    finally:
        connection.transaction_mode = mode


def _rewind_uploads(request: HttpRequest) -> None:
    files = getattr(request, "_files", None)  # parsed on the first run; read again on the next
    for upload in files.values() if files is not None else ():
        upload.seek(0)


def sqlite_request_atomic(
    view: Callable[..., HttpResponse], *, using: str = DEFAULT_DB_ALIAS
) -> Callable[..., HttpResponse]:
    """`view` in the request's transaction on SQLite, as described above."""

    @functools.wraps(view)
    def run(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        safe = request.method in SAFE_METHODS
        for attempt in range(1, LOCKED_ATTEMPTS + 1):
            committed = False

            def mark_committed() -> None:
                nonlocal committed
                committed = True

            try:
                with _deferred(using) if safe else _writer_turn_taken(using), transaction.atomic(using=using):
                    transaction.on_commit(mark_committed, using=using)  # first: runs before any other hook
                    return view(request, *args, **kwargs)
            except OperationalError as exc:
                if committed or attempt == LOCKED_ATTEMPTS or not is_sqlite_locked(exc, using):
                    raise
                delay = BACKOFF_S * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                logger.warning(
                    "database is locked during %s %s (attempt %d of %d): run again in %.2f s",
                    request.method,
                    request.path,
                    attempt,
                    LOCKED_ATTEMPTS,
                    delay,
                )
                _rewind_uploads(request)
                time.sleep(delay)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    return run


class SQLiteRequestsMixin:
    """Django's make_view_atomic, with sqlite_request_atomic for an SQLite database."""

    def make_view_atomic(self, view):
        alias = DEFAULT_DB_ALIAS
        settings_dict = connections.settings[alias]
        if (
            settings_dict["ENGINE"] != "django.db.backends.sqlite3"
            or not settings_dict["ATOMIC_REQUESTS"]
            or alias in getattr(view, "_non_atomic_requests", set())
            or len(connections.settings) > 1
            or iscoroutinefunction(view)
        ):  # Django's refuses async views under ATOMIC_REQUESTS
            return super().make_view_atomic(view)
        return sqlite_request_atomic(view, using=alias)


class TechMatchWSGIHandler(SQLiteRequestsMixin, WSGIHandler):
    pass


class TechMatchASGIHandler(SQLiteRequestsMixin, ASGIHandler):
    pass
