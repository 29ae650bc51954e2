"""Learning from the marketplace: what enterprises did with past matches (bids, shortlists,
awards, contracts, an explicit "not relevant") as a re-ranking signal for a new query. A document
gains when the past queries most like this one (by query-vector cosine) led to it, and loses when
they dismissed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Interaction:
    """One past query's verdict on one document: 1.0 award or contract, 0.5 shortlist or bid,
    -1.0 marked not relevant."""

    document: str
    label: float


def feedback_scores(
    query: np.ndarray,
    past_queries: np.ndarray,
    past_interactions: Sequence[Sequence[Interaction]],
    documents: Sequence[str],
    *,
    neighbours: int = 5,
    floor: float = 0.0,
) -> np.ndarray:
    """A score in [-1, 1] for each of `documents`: the labels that the `neighbours` past queries
    nearest to `query` gave it, each weighted by how far its cosine rises above `floor` (scaled
    to 1 at cosine 1), summed and divided by `neighbours`. Past queries at or below the floor do
    not count: e5 cosines of unrelated texts are rarely below 0.7, so the floor is what makes
    "similar" mean something, and a lone weak neighbour moves little."""
    scores = np.zeros(len(documents), dtype=np.float32)
    if not len(past_queries):
        return scores
    similarity = past_queries @ query
    nearest = np.argsort(-similarity, kind="stable")[:neighbours]
    weights = np.clip((similarity[nearest] - floor) / (1.0 - floor), 0.0, 1.0)
    row = {doc: i for i, doc in enumerate(documents)}
    for j, weight in zip(nearest, weights, strict=True):
        for item in past_interactions[j]:
            if item.document in row:
                scores[row[item.document]] += weight * item.label
    return scores / neighbours
