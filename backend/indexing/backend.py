from __future__ import annotations

import threading

from django.conf import settings

from search.backends import SearchBackend, get_backend

_backends: dict[tuple, SearchBackend] = {}
_lock = threading.Lock()


def backend_options() -> dict:
    if settings.SEARCH_BACKEND == "local":
        return {"path": settings.VAR_DIR / "search" / "local"}
    return {"hosts": settings.ELASTICSEARCH_URLS, "index": settings.ELASTICSEARCH_INDEX}


def get_search_backend() -> SearchBackend:
    """One backend object per process and configuration (it holds the in-memory index)."""
    options = backend_options()
    key = (settings.SEARCH_BACKEND, *sorted((k, str(v)) for k, v in options.items()))
    with _lock:
        if key not in _backends:
            _backends[key] = get_backend(settings.SEARCH_BACKEND, **options)
        return _backends[key]


def close_search_backends() -> None:
    """Forget the per-process backends (tests point VAR_DIR elsewhere; workers on shutdown)."""
    with _lock:
        for backend in _backends.values():
            backend.close()
        _backends.clear()
