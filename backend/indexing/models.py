from django.db import models


class SearchOutbox(models.Model):
    """A posting changed and the search index must catch up. Written in the same transaction as
    the change, so an index or broker outage loses nothing: the drain retries until it is done."""

    class Action(models.TextChoices):
        UPSERT = "upsert"
        DELETE = "delete"

    kind = models.CharField(max_length=20)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.UPSERT)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    available_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_error = models.TextField(blank=True)
    # A drain's lease (indexing.services.outbox_claim): several web processes without a broker, or
    # workers with one, never embed the same rows; a drain that died frees its rows when it expires.
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["kind", "object_id"])]


class PostingEmbedding(models.Model):
    """Vectors by (encoder, role, text hash): unchanged text is never embedded twice, and a
    rebuild of any backend reuses them."""

    encoder = models.CharField(max_length=200)
    role = models.CharField(max_length=10)  # "query" or "passage"
    content_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["encoder", "role", "content_hash"], name="one_vector_per_text")]
