"""Query-side ranking variants that `evaluate_matching --compare NAME` measures against the API's
ranking (indexing.embeddings.query_vectors: the cleaned whole posting plus 0.3 x its body). Each
variant turns the searching postings into query vectors; the index, the passages and the ranking
code stay the API's, so a difference between two variants is the query side's alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from matching.encoders import Encoder
from matching.fusion import query_vector
from matching.glossary import expand
from matching.text import query_views
from matching.types import PostingText

Variant = Callable[[Encoder, Sequence[PostingText]], np.ndarray]


def plain(encoder: Encoder, postings: Sequence[PostingText]) -> np.ndarray:
    """The bare baseline: e5 cosine of title + description, no cleaning, no second view."""
    return encoder.encode_queries([f"{p.title}\n{p.description}" for p in postings])


def api(encoder: Encoder, postings: Sequence[PostingText]) -> np.ndarray:
    """The API's query vectors (indexing.embeddings.query_vectors without its cache)."""
    views = [query_views(p) for p in postings]
    fulls = encoder.encode_queries([full for full, _body in views])
    bodies = encoder.encode_queries([body for _full, body in views])
    return query_vector(fulls, bodies)


def _terms(posting: PostingText) -> str:
    return "、".join(expand(posting.full()))


def glossary_appended(encoder: Encoder, postings: Sequence[PostingText]) -> np.ndarray:
    """The API's two views, each followed by the glossary terms the posting triggers."""
    views = [query_views(p) for p in postings]
    terms = [_terms(p) for p in postings]
    fulls = encoder.encode_queries([f"{full}\n{t}" if t else full for (full, _b), t in zip(views, terms, strict=True)])
    bodies = encoder.encode_queries([f"{body}\n{t}" if t else body for (_f, body), t in zip(views, terms, strict=True)])
    return query_vector(fulls, bodies)


def glossary_vector(weight: float) -> Variant:
    """The API's query vector plus `weight` x the vector of the triggered terms alone."""

    def variant(encoder: Encoder, postings: Sequence[PostingText]) -> np.ndarray:
        vectors = api(encoder, postings)
        terms = [_terms(p) for p in postings]
        triggered = [i for i, t in enumerate(terms) if t]
        if triggered:
            vectors[triggered] += weight * encoder.encode_queries([terms[i] for i in triggered])
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    return variant


VARIANTS: dict[str, Variant] = {
    "e5": plain,
    "api": api,
    "glossary": glossary_appended,
    "glossary-vector-0.2": glossary_vector(0.2),
    "glossary-vector-0.4": glossary_vector(0.4),
}
