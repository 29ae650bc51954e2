"""How the signals of a match become one score. Every weight here was chosen by running
`manage.py evaluate_matching` on the dev set (figures in the README); none is a guess.

- dense: cosine of the stored query vector and the passage vector.
- body_view: the query vector is normalise(full + body_view * body); the body view (description
  and indicators without the headline) lifts nDCG@10 from 0.898 to 0.926 on the dev set, and
  the gain holds from 0.3 to 0.7 (0.922-0.926).
- lexical: BM25 over jieba tokens, divided by the best BM25 among the candidates. Every weight
  above 0 lowered nDCG@10, for matching stored postings (0.926 -> 0.924 at 0.02 z-scored, 0.905
  at 0.1) and for free text (dev query titles alone: 0.803 -> 0.757 at 0.1), because near-miss
  distractors share the words. So BM25 ranks nothing; it decides which documents count as hits of
  a free-text search (with the dense margin) and it feeds the explanations.
- same_industry / trl / same_region: structured signals. The query's industry is its poster's,
  and in a third of the dev queries the best capability sits in another chain: a bonus of 0.01
  already cost 0.016 nDCG@10, so these stay at 0 until a data set can measure them; they are
  filters and explanations instead.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FusionWeights:
    dense: float = 1.0
    lexical: float = 0.0
    same_industry: float = 0.0
    same_region: float = 0.0
    trl: float = 0.0
    body_view: float = 0.3
    # A hit of free-text search is a document whose dense score is within `dense_margin` of the
    # best, or whose BM25 is at least `lexical_floor` of the best BM25. On the dev query titles,
    # 0.04 / 0.5 keep 86% of the relevant documents in 14 hits of 116 on average (precision 0.34);
    # 0.06 and any BM25 > 0 kept 97% in 52 hits (precision 0.07).
    dense_margin: float = 0.04
    lexical_floor: float = 0.5


MATCH = FusionWeights()
SEARCH = FusionWeights()


def normalised_lexical(bm25: np.ndarray) -> np.ndarray:
    top = float(bm25.max()) if bm25.size else 0.0
    return bm25 / top if top > 0 else np.zeros_like(bm25)


def fuse(
    weights: FusionWeights,
    *,
    dense: np.ndarray,
    lexical: np.ndarray | None = None,
    same_industry: np.ndarray | None = None,
    same_region: np.ndarray | None = None,
    trl_fit: np.ndarray | None = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The fused score of each candidate, and each weighted component (for explanations)."""
    components = {"dense": weights.dense * dense}
    if lexical is not None and weights.lexical:
        components["lexical"] = weights.lexical * normalised_lexical(lexical)
    for name, signal in (("same_industry", same_industry), ("same_region", same_region), ("trl", trl_fit)):
        weight = getattr(weights, name)
        if signal is not None and weight:
            components[name] = weight * signal.astype(np.float32)
    score = np.sum(list(components.values()), axis=0)
    return score, components


def query_vector(full: np.ndarray, body: np.ndarray, weights: FusionWeights = MATCH) -> np.ndarray:
    vector = full + weights.body_view * body
    norm = np.linalg.norm(vector, axis=-1, keepdims=True)
    return (vector / np.where(norm == 0, 1, norm)).astype(np.float32)


# Two postings whose passage vectors are this close are the same posting written twice: on the
# dev set the closest pair of 6,670 distinct capabilities is 0.944, a reworded copy scores 0.995.
DUPLICATE_THRESHOLD = 0.96

# A match strong enough to notify someone about. On the dev set (fused query vector, passage
# cosine): at 0.90, 72% of the pairs above it are relevant and 67% of the grade-2 pairs reach it,
# about 2 notifications per posting; 0.89 doubles the volume at 50% precision, 0.91 halves the
# reach (47%) at 91% precision.
NOTIFY_THRESHOLD = 0.90
