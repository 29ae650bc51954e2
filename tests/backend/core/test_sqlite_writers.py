"""Concurrent users on the embedded default, over HTTP: the app served as `make run` serves it
(`runserver`, SQLite, tasks in-process), 8 users writing at once. An outside test had 2–4 of 5
parallel writes answer 503 database_unavailable ("database is locked"). No timing is asserted;
tests/benchmarks/bench_sqlite_writers.py measures."""

from collections import Counter

import pytest

from tests.benchmarks.bench_sqlite_writers import register_writers, run_writers, sqlite_server

pytestmark = pytest.mark.e2e

WRITERS, WRITES = 8, 3


def test_parallel_writes_by_different_users_all_succeed(tmp_path):
    with sqlite_server(tmp_path) as base:
        tokens = register_writers(base, WRITERS)

        results = run_writers(base, tokens, WRITES)

    assert len(results) == WRITERS * WRITES
    assert Counter((r.status, r.code) for r in results) == {(201, ""): WRITERS * WRITES}
