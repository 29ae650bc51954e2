from __future__ import annotations

from typing import Any

from search.backends.base import EncoderMismatch, SearchBackend, SearchUnavailable


def _local(**options: Any) -> SearchBackend:
    from search.backends.local import LocalBackend

    return LocalBackend(**options)


def _elasticsearch(**options: Any) -> SearchBackend:
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend(**options)


BACKENDS = {"local": _local, "elasticsearch": _elasticsearch}


def get_backend(name: str, **options: Any) -> SearchBackend:
    if name not in BACKENDS:
        raise ValueError(f"unknown SEARCH_BACKEND {name!r}; choose one of {sorted(BACKENDS)}")
    return BACKENDS[name](**options)


__all__ = ["BACKENDS", "EncoderMismatch", "SearchBackend", "SearchUnavailable", "get_backend"]
