"""Drains lease their outbox rows (indexing.services.outbox_claim): several web processes without a
broker, or several workers with one, never take the same rows; a drain that died gives its rows
back when its lease expires, and one that failed gives them back at once."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from indexing.backend import close_search_backends
from indexing.models import SearchOutbox
from indexing.services import OUTBOX_LEASE, outbox_claim, outbox_drain
from search.backends import SearchUnavailable


def pending(count: int) -> list[int]:
    return [SearchOutbox.objects.create(kind="capability", object_id=1000 + n).pk for n in range(count)]


@pytest.mark.django_db
def test_claims_take_the_oldest_free_rows_and_never_the_same_ones():
    ids = pending(5)

    first = outbox_claim(batch_size=3)
    second = outbox_claim(batch_size=3)

    assert [r.pk for r in first] == ids[:3] and [r.pk for r in second] == ids[3:]
    assert outbox_claim(batch_size=3) == []
    assert {r.claimed_by for r in first} != {r.claimed_by for r in second}
    assert all(r.claimed_until > timezone.now() + OUTBOX_LEASE - timedelta(minutes=1) for r in first)


@pytest.mark.django_db
def test_rows_of_an_expired_lease_are_claimed_again():
    ids = pending(2)
    outbox_claim(batch_size=2)
    SearchOutbox.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))  # its drain died

    assert [r.pk for r in outbox_claim(batch_size=5)] == ids


@pytest.mark.django_db
def test_rows_backing_off_are_not_claimed():
    SearchOutbox.objects.filter(pk__in=pending(1)).update(available_at=timezone.now() + timedelta(minutes=1))

    assert outbox_claim(batch_size=5) == []


# serialized_rollback: a transactional test flushes the tables, and the next one needs the
# migrations' rows (content types) back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_drains_share_the_rows_out_without_overlap():
    """Threads have connections of their own, as separate processes do (SQLite: one writer at a
    time; PostgreSQL: SKIP LOCKED)."""
    ids = set(pending(40))
    taken: list[list[int]] = []
    start = threading.Barrier(4)

    def drain() -> None:
        try:
            start.wait()
            while rows := outbox_claim(batch_size=3):
                taken.append([r.pk for r in rows])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    every = [pk for batch in taken for pk in batch]
    assert sorted(every) == sorted(ids)  # each row once, none left out


def test_a_drain_that_fails_releases_its_rows_at_once(world, settings, tmp_path):
    ids = pending(2)
    (tmp_path / "blocked").write_text("a file where the index directory should be")
    settings.VAR_DIR = tmp_path / "blocked"
    close_search_backends()

    with pytest.raises(SearchUnavailable):
        outbox_drain()

    assert list(SearchOutbox.objects.filter(claimed_until=None, claimed_by="").values_list("pk", flat=True)) == ids
    assert [r.pk for r in outbox_claim(batch_size=5)] == ids
