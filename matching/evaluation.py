"""Ranking metrics as defined in ../shared/eval/README.md (graded gains 2^g - 1, log2 discount)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


def dcg(gains: Sequence[int], k: int) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains[:k]))


def ndcg_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True), k)
    return dcg([relevant.get(doc, 0) for doc in ranked], k) / ideal if ideal else 0.0


def recall_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float:
    wanted = {doc for doc, grade in relevant.items() if grade >= 1}
    return len(wanted.intersection(ranked[:k])) / len(wanted) if wanted else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: Mapping[str, int], grade: int = 2) -> float:
    """1/rank of the first document of at least `grade`; 0 when none is ranked."""
    for rank, doc in enumerate(ranked, start=1):
        if relevant.get(doc, 0) >= grade:
            return 1.0 / rank
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, q in [0, 100]."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def per_query(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> dict[str, float]:
    """The three ranking figures of one query (means over queries are the reported figures)."""
    return {
        "ndcg@10": ndcg_at_k(ranked, relevant, k),
        "recall@10": recall_at_k(ranked, relevant, k),
        "mrr": reciprocal_rank(ranked, relevant),
    }


def bootstrap_means(values: Sequence[float], *, resamples: int = 2000, seed: int = 0) -> np.ndarray:
    """Means of `resamples` resamples of the queries (drawn with replacement, fixed seed)."""
    values = np.asarray(values, dtype=float)
    indices = np.random.default_rng(seed).integers(0, len(values), size=(resamples, len(values)))
    return values[indices].mean(axis=1)


def interval(means: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Percentile interval of bootstrap means."""
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


@dataclass(frozen=True)
class PairedComparison:
    """Variant b against variant a on the same queries: each mean with its interval, and the
    paired difference b - a with its interval. The difference is real at `level` when its
    interval excludes zero."""

    mean_a: float
    ci_a: tuple[float, float]
    mean_b: float
    ci_b: tuple[float, float]
    diff: float
    ci_diff: tuple[float, float]

    @property
    def significant(self) -> bool:
        return self.ci_diff[0] > 0 or self.ci_diff[1] < 0


def paired_bootstrap(
    a: Sequence[float], b: Sequence[float], *, resamples: int = 2000, seed: int = 0, level: float = 0.95
) -> PairedComparison:
    """Paired bootstrap over queries: every resample draws the same queries for both variants, so
    the interval of the difference reflects how consistently one beats the other, not how hard the
    queries are."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not a.size:
        raise ValueError("both variants need a figure for each of the same, non-empty, queries")
    means_a = bootstrap_means(a, resamples=resamples, seed=seed)
    means_b = bootstrap_means(b, resamples=resamples, seed=seed)  # same seed: the same resamples
    return PairedComparison(
        mean_a=float(a.mean()),
        ci_a=interval(means_a, level),
        mean_b=float(b.mean()),
        ci_b=interval(means_b, level),
        diff=float((b - a).mean()),
        ci_diff=interval(means_b - means_a, level),
    )
