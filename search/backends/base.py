from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from search.types import PostingDoc, SearchQuery, SearchResult


class SearchUnavailable(Exception):
    """The backend cannot be reached or used right now; callers retry later (the outbox does)."""


class EncoderMismatch(ValueError):
    """Vectors from another encoder than the index holds: reindex instead of mixing them."""


def batch_encoder(docs: Sequence[PostingDoc], current: str) -> str:
    """The encoder of the index once `docs` are written to it: `current` ('' while the index is
    empty) or the one encoder of the docs' vectors. EncoderMismatch if the docs' vectors come from
    more than one encoder, or from another than `current`."""
    names = {d.encoder for d in docs if d.passage_vector is not None}
    if len(names) > 1:
        raise EncoderMismatch(f"one batch mixes vectors of encoders {sorted(names)}")
    name = next(iter(names), "")
    if name and current and name != current:
        raise EncoderMismatch(f"the index holds {current!r} vectors; got {name!r}: rebuild the index")
    return name or current


class SearchBackend(Protocol):
    """One interface, two implementations (local, elasticsearch), one contract-test suite."""

    name: str

    def upsert(self, docs: Sequence[PostingDoc]) -> None:
        """Insert or replace documents by id."""
        ...

    def delete(self, ids: Sequence[str]) -> None:
        """Remove documents; unknown ids are ignored."""
        ...

    def get(self, ids: Sequence[str]) -> dict[str, PostingDoc]:
        """The stored documents (with vectors) for the ids that exist."""
        ...

    def search(self, query: SearchQuery) -> SearchResult:
        """Filter, then rank by the fused dense and lexical score; facets over the hits."""
        ...

    def rebuild(self, docs: Iterable[PostingDoc], *, encoder: str) -> int:
        """Replace the whole index atomically with `docs`; returns how many were indexed."""
        ...

    def count(self) -> int: ...

    def encoder(self) -> str:
        """The encoder whose vectors the index holds ('' while empty)."""
        ...

    def health(self) -> dict: ...

    def drop(self) -> None:
        """Delete the whole index and its storage (throw-away indexes: evaluation, tests)."""
        ...

    def close(self) -> None: ...
