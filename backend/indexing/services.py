"""Keeping the search index in step with the database, through the transactional outbox."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from indexing.backend import get_search_backend
from indexing.documents import build_documents, search_id
from indexing.embeddings import current_encoder
from indexing.models import SearchOutbox
from marketplace.kinds import KINDS, kind_of
from marketplace.models import Posting
from search.types import PostingDoc, doc_id

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)
REBUILD_BATCH = 256
# Longer than a batch of 500 takes to embed on two busy cores (a few minutes); a drain killed
# mid-batch leaves its rows to the next drain after this.
OUTBOX_LEASE = timedelta(minutes=10)


def _nudge() -> None:
    from indexing.tasks import outbox_drain_task  # lazy: tasks.py imports this module

    outbox_drain_task.delay()


def outbox_add(*, posting: Posting, action: str = SearchOutbox.Action.UPSERT) -> None:
    """Call inside the transaction that changes the posting: the row commits with the change."""
    SearchOutbox.objects.create(kind=kind_of(posting).name, object_id=posting.pk, action=action)
    # One nudge per transaction however many postings it touches (seed_demo touches dozens).
    # Django drops the pending callbacks of a rolled-back block, so checking the list is exact.
    pending = transaction.get_connection().run_on_commit
    if not any(callback is _nudge for _sids, callback, _robust in pending):
        # robust: a broker outage must not fail the user's request; the periodic drain catches up.
        transaction.on_commit(_nudge, robust=True)


def outbox_pending() -> int:
    return SearchOutbox.objects.count()


def outbox_claim(*, batch_size: int) -> list[SearchOutbox]:
    """Lease up to `batch_size` due rows no other drain holds, oldest first, for OUTBOX_LEASE.

    Concurrent drains (web processes without a broker, workers with one) get disjoint rows.
    PostgreSQL skips rows another claim has locked instead of waiting for it; on SQLite, which has
    no row locks, the UPDATE checks again that each row is free (one statement, one writer)."""
    now = timezone.now()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    claimant = uuid.uuid4().hex
    with transaction.atomic():
        due = SearchOutbox.objects.filter(free, available_at__lte=now).order_by("id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return []
        SearchOutbox.objects.filter(free, pk__in=ids).update(claimed_by=claimant, claimed_until=now + OUTBOX_LEASE)
    return list(SearchOutbox.objects.filter(claimed_by=claimant).order_by("id"))


def outbox_drain(*, batch_size: int = 500) -> int:
    """Index one batch of pending changes; returns how many outbox rows were settled. Safe to run
    concurrently and again: each drain leases its rows (outbox_claim), and upserts and deletes are
    idempotent. If the backend is unavailable this raises SearchUnavailable and every row is
    released for the next attempt."""
    rows = outbox_claim(batch_size=batch_size)
    if not rows:
        return 0
    try:
        return _index_rows(rows)
    except BaseException:
        SearchOutbox.objects.filter(pk__in=[r.pk for r in rows]).update(claimed_by="", claimed_until=None)
        raise


def _index_rows(rows: list[SearchOutbox]) -> int:
    backend = get_search_backend()
    encoder = current_encoder()
    if backend.encoder() not in ("", encoder.name):
        logger.warning("index holds %s vectors, MATCHING_ENCODER is %s: rebuilding", backend.encoder(), encoder.name)
        index_rebuild()
        return len(rows)
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.kind, set()).add(row.object_id)
    postings: list[Posting] = []
    gone: list[str] = []
    for kind, ids in wanted.items():
        found = list(KINDS[kind].model.objects.filter(pk__in=ids).select_related("organisation", "industry"))
        postings += found
        gone += [doc_id(kind, pk) for pk in ids - {p.pk for p in found}]
    docs, errors = build_documents(postings, encoder=encoder)
    backend.upsert(docs)
    backend.delete(gone)
    failed = [r for r in rows if doc_id(r.kind, r.object_id) in errors]
    SearchOutbox.objects.filter(pk__in=[r.pk for r in rows if r not in failed]).delete()
    for row in failed:
        row.attempts += 1
        row.last_error = errors[doc_id(row.kind, row.object_id)][:2000]
        row.available_at = timezone.now() + min(timedelta(seconds=30 * 2**row.attempts), MAX_BACKOFF)
        row.claimed_by, row.claimed_until = "", None
        row.save(update_fields=["attempts", "last_error", "available_at", "claimed_by", "claimed_until"])
        logger.error("not indexed %s:%s (attempt %d): %s", row.kind, row.object_id, row.attempts, row.last_error)
    return len(rows) - len(failed)


def _all_documents(progress: Callable[[int, int], None] | None) -> Iterator[PostingDoc]:
    encoder = current_encoder()
    total = sum(kind.model.objects.count() for kind in KINDS.values())
    done = 0
    for kind in KINDS.values():
        queryset = kind.model.objects.select_related("organisation", "industry").order_by("pk")
        batch: list[Posting] = []
        for posting in queryset.iterator(chunk_size=REBUILD_BATCH):
            batch.append(posting)
            if len(batch) == REBUILD_BATCH:
                yield from build_documents(batch, encoder=encoder)[0]
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            yield from build_documents(batch, encoder=encoder)[0]
            done += len(batch)
            if progress:
                progress(done, total)


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index from the database (vectors come from the embedding cache where
    the text is unchanged). Outbox rows older than the rebuild are settled by it."""
    started = timezone.now()
    count = get_search_backend().rebuild(_all_documents(progress), encoder=current_encoder().name)
    SearchOutbox.objects.filter(created_at__lt=started).delete()
    return count


def index_now(*, posting: Posting) -> None:
    """Index one posting synchronously (tests, management commands)."""
    docs, errors = build_documents([posting], encoder=current_encoder())
    if errors:
        raise ValueError(errors[search_id(posting)])
    get_search_backend().upsert(docs)
