"""The request's transaction on SQLite (core/db.py): IMMEDIATE for writes, DEFERRED for reads, run
again when SQLite says "database is locked" before anything was committed, never after; what still
escapes is 503 database_busy, not database_unavailable. The live-server test is
test_sqlite_writers.py beside this file."""

import pytest
from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from core.db import LOCKED_ATTEMPTS, TechMatchWSGIHandler, sqlite_request_atomic
from core.middleware import DatabaseUnavailableMiddleware
from marketplace.models import IndustryChain

# SQLite only (PostgreSQL has row locks and no busy timeout). On PostgreSQL, as in CI, these run in
# a pytest of their own on the embedded default: test_sqlite_on_postgres_runs.py.
pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite only: run on PostgreSQL by test_sqlite_on_postgres_runs.py"
)
# Commits for real; serialized_rollback, as tests/backend/indexing/test_outbox_worker.py does: a flush
# without it re-creates the content types that the next serialized_rollback test loads again.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOCKED = OperationalError("database is locked")


def test_sqlite_begins_immediate_with_wal_and_a_busy_timeout(db):
    options = connection.settings_dict["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_handler_runs_atomic_views_through_it_and_leaves_non_atomic_ones_alone():
    def view(request):
        return HttpResponse()

    @transaction.non_atomic_requests
    def non_atomic(request):
        return HttpResponse()

    handler = TechMatchWSGIHandler()

    assert handler.make_view_atomic(view).__wrapped__ is view
    assert handler.make_view_atomic(non_atomic) is non_atomic


def flaky_view(failures: list[BaseException]):
    """Writes a row, then fails with the next of `failures`; succeeds once they are used up."""
    calls = []

    def view(request):
        calls.append(connection.transaction_mode)
        IndustryChain.objects.create(code=f"retry_{len(calls)}", name=f"重试{len(calls)}")
        if failures:
            raise failures.pop(0)
        return HttpResponse(status=201)

    return view, calls


@committing
def test_a_locked_write_is_run_again_in_a_fresh_transaction():
    view, calls = flaky_view([LOCKED, LOCKED])

    response = sqlite_request_atomic(view)(RequestFactory().post("/api/needs/"))

    assert response.status_code == 201 and len(calls) == 3
    assert list(IndustryChain.objects.filter(code__startswith="retry_").values_list("code", flat=True)) == ["retry_3"]


@committing
def test_it_gives_up_after_a_bounded_number_of_attempts():
    view, calls = flaky_view([LOCKED] * 10)

    with pytest.raises(OperationalError):
        sqlite_request_atomic(view)(RequestFactory().post("/api/needs/"))

    assert len(calls) == LOCKED_ATTEMPTS
    assert not IndustryChain.objects.filter(code__startswith="retry_").exists()


@committing
def test_other_database_errors_are_not_run_again():
    view, calls = flaky_view([OperationalError("disk I/O error")])

    with pytest.raises(OperationalError):
        sqlite_request_atomic(view)(RequestFactory().post("/api/needs/"))

    assert len(calls) == 1


@committing
def test_a_request_that_committed_is_never_run_again():
    """The outbox drains in an on-commit hook when there is no broker; if that hook finds the
    database locked, the request's own write is already committed: running it again would write
    it twice."""
    calls = []

    def view(request):
        calls.append(1)
        IndustryChain.objects.create(code=f"once_{len(calls)}", name="一次")
        transaction.on_commit(lambda: (_ for _ in ()).throw(LOCKED))
        return HttpResponse(status=201)

    with pytest.raises(OperationalError):
        sqlite_request_atomic(view)(RequestFactory().post("/api/needs/"))

    assert len(calls) == 1
    assert IndustryChain.objects.filter(code="once_1").exists()


@committing
def test_reads_begin_deferred_and_writes_immediate():
    seen = {}

    def view(request):
        seen[request.method] = connection.transaction_mode
        return HttpResponse()

    for method in ("get", "post"):
        sqlite_request_atomic(view)(getattr(RequestFactory(), method)("/api/needs/"))

    assert seen == {"GET": None, "POST": "IMMEDIATE"}
    assert connection.transaction_mode == "IMMEDIATE"  # restored for the connection's next user


def test_a_lock_that_escapes_is_busy_not_unavailable(rf):
    response = DatabaseUnavailableMiddleware(lambda r: HttpResponse()).process_exception(rf.post("/api/needs/"), LOCKED)

    assert response.status_code == 503 and response["Retry-After"] == "1"
    assert b'"code": "database_busy"' in response.content
