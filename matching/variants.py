"""Query-side ranking variants that `evaluate_matching --compare NAME` measures against the API's
ranking (indexing.embeddings.query_vectors: the cleaned whole posting plus 0.3 x its body). Each
variant turns the searching postings into query vectors; the index, the passages and the ranking
code stay the API's, so a difference between two variants is the query side's alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from matching.encoders import Encoder
from matching.types import PostingText

Variant = Callable[[Encoder, Sequence[PostingText]], np.ndarray]


def plain(encoder: Encoder, postings: Sequence[PostingText]) -> np.ndarray:
    """The bare baseline: e5 cosine of title + description, no cleaning, no second view."""
    return encoder.encode_queries([f"{p.title}\n{p.description}" for p in postings])


VARIANTS: dict[str, Variant] = {"e5": plain}
