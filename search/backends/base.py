from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from search.types import PostingDoc, SearchQuery, SearchResult


class SearchUnavailable(Exception):
    """The backend cannot be reached or used right now; callers retry later (the outbox does)."""


class EncoderMismatch(ValueError):
    """Vectors from another encoder than the index holds: reindex instead of mixing them."""


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
