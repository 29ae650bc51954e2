"""The health checks of search and matching, registered in IndexingConfig.ready() (core.health)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from core.health import ERROR, HIDDEN, OK, mask_url, public_encoder_name, redact_paths
from indexing.backend import backend_options, get_search_backend
from matching.encoders import EncoderError, load_encoder
from search.backends import SearchUnavailable


def check_search() -> dict:
    backend = settings.SEARCH_BACKEND
    options = backend_options()
    facts = {"backend": backend}
    if backend == "elasticsearch":
        facts["url"] = ",".join(mask_url(u) for u in options["hosts"])

    def public(detail: str) -> str:
        if "path" in options:  # the local backend says where its index is: "12 documents at /srv/…"
            detail = detail.replace(f" at {options['path']}", "").replace(str(options["path"]), HIDDEN)
        return redact_paths(detail)[:300]

    try:
        state = get_search_backend().health()
    except (SearchUnavailable, ValueError) as exc:
        return {"status": ERROR, **facts, "detail": public(str(exc))}
    return {"status": state["status"], **facts, "detail": public(state["detail"])}


def check_encoder() -> dict:
    spec = settings.MATCHING_ENCODER
    try:
        encoder = load_encoder(spec)
    except EncoderError as exc:
        detail = redact_paths(str(exc).replace(spec, public_encoder_name(spec)))
        return {"status": ERROR, "name": public_encoder_name(spec), "detail": detail[:300]}
    return {
        "status": OK,
        "name": public_encoder_name(encoder.name),
        "detail": _("%(dim)d 维向量") % {"dim": encoder.dim},
    }
