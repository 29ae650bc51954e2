"""From a match's scores to a calibrated probability that the match is relevant, and from that to
what a user sees: 强匹配 (strong), 可能相关 (possibly relevant), or nothing.

Raw e5 cosines live in a narrow band (on the dev set 0.83-0.91 covers 90% of all pairs and the
relevant ones sit at 0.88-0.92), so a bare 0.88 tells a user nothing. A logistic regression
(Platt scaling over two features) turns the cosine and its gap under the best candidate of the
same ranking into P(relevant, grade >= 1). It is fitted
offline on the labelled sets by `manage.py evaluate_matching --fit-calibration` and shipped as
`calibration.json` next to this file; nothing is ever fitted on user data at run time.

Plain numpy; no Django.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

PATH = Path(__file__).with_name("calibration.json")
# The highest probability shown to users, in percent: a logistic fit extrapolates towards 100%, and
# the labelled sets behind it (115 queries) cannot support more than about this.
SHOWN_MAX_PERCENT = 95
STRONG, POSSIBLE = "strong", "possible"
# What a match can compute at run time from one ranking: its cosine and its gap to the best
# candidate. Measured out of fold on the dev set (top 20 of each query, 5 folds of whole queries),
# log loss: cosine alone 0.221; + gap 0.198; + the number of shared key terms 0.198 (no gain, and
# it needs jieba on every candidate); + the median of the top 10 0.192 and + the rank 0.182, but
# both depend on how many postings the index holds, which the dev set (116) cannot speak for.
FEATURES = ("cosine", "gap_to_top")
# The cut-offs on P(relevant). Out of fold on the dev set (top 20 of 30 queries): at >= 0.3 the
# product shows 2.7 matches per query, 67% of them relevant, 69% of the relevant found (a raw cut
# at cosine 0.89: 4.2 per query at 50% / 80%); at >= 0.6, 1.8 per query, 80% relevant.
STRONG_FROM = 0.6
POSSIBLE_FROM = 0.3
# The pairs a fit learns from: each query's best POOL candidates (a match page shows 10 to 50).
POOL = 20


def feature_row(*, cosine: float, top: float) -> list[float]:
    return [float(cosine), float(cosine - top)]


def pool(ranked: Sequence[tuple[str, float]], relevant: dict[str, int], size: int = POOL) -> tuple[list, list]:
    """Feature rows and 0/1 labels (grade >= 1) of one query's best `size` candidates."""
    top = ranked[0][1] if ranked else 0.0
    head = list(ranked[:size])
    return (
        [feature_row(cosine=score, top=top) for _, score in head],
        [1.0 if relevant.get(doc, 0) >= 1 else 0.0 for doc, _ in head],
    )


@dataclass
class Calibration:
    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    strong: float  # P(relevant) at or above this: 强匹配
    possible: float  # at or above this (and below strong): 可能相关; below: not shown
    fitted_on: list[str] = field(default_factory=list)
    figures: dict = field(default_factory=dict)  # the out-of-fold figures measured when it was fitted

    def probability(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        x = (np.asarray(rows, dtype=np.float64).reshape(-1, len(self.features)) - self.mean) / self.scale
        return _sigmoid(x @ np.asarray(self.coef) + self.intercept)

    def strength(self, probability: float) -> str | None:
        if probability >= self.strong:
            return STRONG
        if probability >= self.possible:
            return POSSIBLE
        return None

    def save(self, path: Path = PATH) -> None:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


_loaded: Calibration | None = None


def load(path: Path = PATH) -> Calibration:
    global _loaded
    if path != PATH:
        return Calibration(**json.loads(path.read_text(encoding="utf-8")))
    if _loaded is None:
        _loaded = Calibration(**json.loads(path.read_text(encoding="utf-8")))
    return _loaded


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (IRLS) on standardised features;
    the intercept is not penalised. Returns (coef, intercept)."""
    n, k = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(k + 1)
    penalty = np.diag([l2] * k + [0.0])
    for _ in range(iterations):
        p = _sigmoid(a @ w)
        gradient = a.T @ (p - y) + penalty @ w
        hessian = (a * (p * (1 - p))[:, None]).T @ a + penalty + 1e-9 * np.eye(k + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:k], float(w[k])


def fit(
    rows: np.ndarray,
    labels: np.ndarray,
    *,
    strong: float = STRONG_FROM,
    possible: float = POSSIBLE_FROM,
    l2: float = 1.0,
    features: Sequence[str] = FEATURES,
) -> Calibration:
    x = np.asarray(rows, dtype=np.float64)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit_logistic((x - mean) / scale, np.asarray(labels, dtype=np.float64), l2=l2)
    return Calibration(
        features=list(features),
        mean=mean.round(6).tolist(),
        scale=scale.round(6).tolist(),
        coef=coef.round(6).tolist(),
        intercept=round(intercept, 6),
        strong=strong,
        possible=possible,
    )


def out_of_fold(
    rows: np.ndarray, labels: np.ndarray, groups: Sequence, *, folds: int = 5, l2: float = 1.0, seed: int = 0
) -> np.ndarray:
    """Each pair's probability from a model fitted without its query (folds of whole queries)."""
    names = sorted(set(groups), key=str)
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[i]: position % folds for position, i in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups])
    result = np.zeros(len(labels))
    for f in range(folds):
        test = fold == f
        if not test.any() or test.all():
            continue
        model = fit(
            rows[~test],
            labels[~test],
            strong=1.0,
            possible=1.0,
            l2=l2,
            features=[f"x{i}" for i in range(rows.shape[1])],
        )
        result[test] = model.probability(rows[test])
    return result


def assess(
    probabilities: np.ndarray, labels: np.ndarray, *, relevant_total: int, shown_from: float, queries: int
) -> dict:
    """What the product would display (probability >= shown_from): its precision, its recall of all
    labelled relevant documents, how many per query, and the calibration error."""
    p, y = np.asarray(probabilities), np.asarray(labels)
    shown = p >= shown_from
    found = float((y[shown] > 0).sum())
    return {
        "shown_precision": round(found / shown.sum(), 4) if shown.any() else 0.0,
        "shown_recall": round(found / relevant_total, 4) if relevant_total else 0.0,
        "shown_per_query": round(float(shown.sum()) / queries, 2) if queries else 0.0,
        "ece": round(ece(p, y), 4),
    }


def ece(probabilities: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: |mean predicted - observed rate| per equal-width bin, weighted."""
    p, y = np.asarray(probabilities, dtype=np.float64), np.asarray(labels, dtype=np.float64)
    if not p.size:
        return 0.0
    which = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            total += inside.sum() * abs(p[inside].mean() - y[inside].mean())
    return total / p.size


def log_loss(probabilities: np.ndarray, labels: np.ndarray) -> float:
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-9, 1 - 1e-9)
    y = np.asarray(labels, dtype=np.float64)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean()) if p.size else math.nan
