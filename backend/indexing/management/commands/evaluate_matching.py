"""nDCG@10, Recall@10, MRR and latency of the matching path on a labelled set, in a throw-away
index (never the user's data). See ../shared/eval/README.md for the format and the metrics."""

import json
import tempfile
import time
from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from indexing.embeddings import MemoryEmbeddingCache, current_encoder, passage_vectors, query_vectors
from indexing.selectors import rank
from matching import calibrate
from matching.evaluation import ndcg_at_k, paired_bootstrap, per_query, percentile, recall_at_k, reciprocal_rank
from matching.explain import explain
from matching.types import PostingText
from matching.variants import VARIANTS
from search.backends import get_backend
from search.types import PUBLIC, PostingDoc

K = 10
# Texts that are about nothing; the search rule must find nothing for any of them.
NONSENSE = ["%%%", "a", "xkqzv", "<script>alert(1)</script>", "qwerty asdf"]


def load_set(path: Path) -> tuple[list[dict], list[dict]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents, queries = data["documents"], data["queries"]
        for d in documents:
            d["id"], d["title"], d["description"]
        for q in queries:
            q["id"], q["title"], q["relevant"]
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: not UTF-8 JSON ({exc})") from None
    except (KeyError, TypeError) as exc:
        raise CommandError(f"{path}: not an evaluation set: missing {exc}") from None
    if not documents or not queries:
        raise CommandError(f"{path}: needs at least one document and one query")
    return documents, queries


def posting_text(item: dict) -> PostingText:
    return PostingText(title=item["title"], description=item.get("description", ""), keywords=item.get("keywords", []))


class Command(BaseCommand):
    help = "Evaluate matching on a labelled set: nDCG@10, Recall@10, MRR, latency p50/p95."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--backend", choices=["local", "elasticsearch"], default="local")
        parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
        parser.add_argument(
            "--mode",
            choices=["match", "search"],
            default="match",
            help="search: each query's title as typed text through the search hit rule",
        )
        parser.add_argument(
            "--fit-calibration",
            nargs="*",
            type=Path,
            metavar="MORE_FILES",
            default=None,
            help=f"refit {calibrate.PATH.name} on FILE and these labelled sets (cross-validated)",
        )
        parser.add_argument(
            "--compare",
            choices=sorted(VARIANTS),
            metavar="BASELINE",
            help=f"paired bootstrap of the API's ranking against a variant ({', '.join(sorted(VARIANTS))})",
        )

    def handle(self, *args, **opts):
        if opts["fit_calibration"] is not None:
            return self._fit_calibration([opts["file"], *opts["fit_calibration"]], opts["backend"])
        if opts["compare"]:
            return self._compare(opts["file"], opts["backend"], opts["compare"], opts["json"])
        figures, queries, rankings = self._evaluate(opts["file"], opts["backend"], opts["mode"])
        if opts["mode"] == "match":
            figures.update(self._calibration_figures(queries, rankings))
        self.stdout.write(
            f"nDCG@10 {figures['ndcg@10']:.4f}  Recall@10 {figures['recall@10']:.4f}  MRR {figures['mrr']:.4f}  "
            f"p50 {figures['p50_ms']:.1f} ms  p95 {figures['p95_ms']:.1f} ms  ({figures['queries']} queries, "
            f"{opts['backend']}, {figures['encoder']})"
        )
        extra = {
            k: v for k, v in figures.items() if k.startswith(("shown_", "strong_", "hit", "ece", "nonsense", "empty"))
        }
        if extra:
            self.stdout.write("  ".join(f"{k} {v}" for k, v in extra.items()))
        if opts["json"]:
            self.stdout.write(json.dumps(figures, ensure_ascii=False))

    def _evaluate(
        self, path: Path, backend_name: str, mode: str = "match", variant: str | None = None
    ) -> tuple[dict, list[dict], list]:
        documents, queries = load_set(path)
        encoder, cache = current_encoder(), MemoryEmbeddingCache()
        with tempfile.TemporaryDirectory(prefix="techmatch-eval-") as tmp:
            backend = self._backend(backend_name, tmp)
            try:
                started = time.perf_counter()
                texts = [posting_text(d) for d in documents]
                vectors, errors = passage_vectors([t.full() for t in texts], encoder=encoder, cache=cache)
                if errors:
                    raise CommandError(f"the encoder rejected {len(errors)} document(s): {next(iter(errors.values()))}")
                backend.rebuild(
                    (
                        PostingDoc(
                            id=d["id"],
                            kind="capability",
                            title=d["title"],
                            text=t.full(),
                            industry=d.get("industry", ""),
                            region="",
                            status="published",
                            organisation_id=0,
                            audience=[PUBLIC],
                            passage_vector=v,
                            encoder=encoder.name,
                        )
                        for d, t, v in zip(documents, texts, vectors, strict=False)
                    ),
                    encoder=encoder.name,
                )
                indexed = time.perf_counter() - started
                self.stderr.write(
                    f"indexed {len(documents)} documents in {indexed:.1f}s ({len(documents) / indexed:.1f} docs/s)"
                )
                if mode == "search":
                    figures, rankings = self._run_search(backend, queries, len(documents)), []
                else:
                    query_texts = [posting_text(q) for q in queries]
                    qvectors, errors = query_vectors(query_texts, encoder=encoder, cache=cache)
                    if errors:
                        raise CommandError(
                            f"the encoder rejected {len(errors)} query(ies): {next(iter(errors.values()))}"
                        )
                    by_id = {d["id"]: t for d, t in zip(documents, texts, strict=False)}
                    figures, rankings = self._run(backend, queries, query_texts, qvectors, by_id, len(documents))
                    if variant:  # the same index, another query side (see _compare)
                        self.variant_rankings = self._rank_variant(
                            backend, variant, encoder, query_texts, len(documents)
                        )
            finally:
                backend.drop()
                backend.close()
        figures.update({"queries": len(queries), "backend": backend_name, "encoder": encoder.name})
        return figures, queries, rankings

    def _run_search(self, backend, queries, n_docs) -> dict:
        """Each query's title as typed text through the search page's rule (indexing.selectors.
        free_text_query): the hit set's precision and recall (all hits of all queries), nDCG@10 of
        its ranking, and how many hits nonsense texts get (should be 0)."""
        from indexing.selectors import free_text_query

        ndcg = recall = mrr = found = hits = relevant = empty = 0
        latencies = []
        for query in queries:
            started = time.perf_counter()
            result = backend.search(
                free_text_query(query["title"], kinds=["capability"], audience=[PUBLIC], limit=n_docs)
            )
            latencies.append((time.perf_counter() - started) * 1000)
            wanted = {d for d, g in query["relevant"].items() if g >= 1}
            ndcg += ndcg_at_k(result.ids, query["relevant"], K)
            recall += recall_at_k(result.ids, query["relevant"], K)
            mrr += reciprocal_rank(result.ids, query["relevant"])
            found += len(wanted.intersection(result.ids))
            hits += len(result.ids)
            relevant += len(wanted)
            empty += not result.ids
        nonsense = sum(
            backend.search(free_text_query(text, audience=[PUBLIC], limit=n_docs)).total for text in NONSENSE
        )
        n = len(queries)
        return {
            "ndcg@10": round(ndcg / n, 4),
            "recall@10": round(recall / n, 4),
            "mrr": round(mrr / n, 4),
            "hit_precision": round(found / hits, 4) if hits else 0.0,
            "hit_recall": round(found / relevant, 4),
            "hits_per_query": round(hits / n, 2),
            "empty_queries": empty,
            "nonsense_hits": nonsense,
            "p50_ms": round(percentile(latencies, 50), 2),
            "p95_ms": round(percentile(latencies, 95), 2),
        }

    def _calibration_figures(self, queries: list[dict], rankings: list, calibration=None) -> dict:
        """What the product would display, out of fold: each query's probabilities come from a model
        fitted without it (5 folds of whole queries), with the shipped cut-offs."""
        calibration = calibration or calibrate.load()
        rows, labels, groups = [], [], []
        for query, ranked in zip(queries, rankings, strict=False):
            r, y = calibrate.pool(ranked, query["relevant"])
            rows += r
            labels += y
            groups += [query.get("_group", query["id"])] * len(y)
        rows, labels = np.array(rows), np.array(labels)
        p = calibrate.out_of_fold(rows, labels, groups)
        relevant = sum(1 for q in queries for g in q["relevant"].values() if g >= 1)
        figures = calibrate.assess(
            p, labels, relevant_total=relevant, shown_from=calibration.possible, queries=len(queries)
        )
        strong = p >= calibration.strong
        figures["strong_precision"] = round(float(labels[strong].mean()), 4) if strong.any() else 0.0
        figures["strong_per_query"] = round(float(strong.sum()) / len(queries), 2)
        figures["log_loss"] = round(calibrate.log_loss(p, labels), 4)
        return figures

    def _fit_calibration(self, paths: list[Path], backend_name: str) -> None:
        queries, rankings = [], []
        for path in paths:
            _figures, qs, ranked = self._evaluate(path, backend_name)
            for q in qs:
                q["_group"] = f"{path.name}:{q['id']}"
            queries += qs
            rankings += ranked
        rows, labels = [], []
        for query, ranked in zip(queries, rankings, strict=False):
            r, y = calibrate.pool(ranked, query["relevant"])
            rows += r
            labels += y
        model = calibrate.fit(np.array(rows), np.array(labels))
        model.fitted_on = [p.name for p in paths]
        model.figures = self._calibration_figures(queries, rankings, model)
        model.save()
        self.stdout.write(f"wrote {calibrate.PATH} from {len(queries)} queries: {json.dumps(model.figures)}")

    def _backend(self, name: str, tmp: str):
        if name == "local":
            return get_backend("local", path=Path(tmp) / "index")
        return get_backend("elasticsearch", **self._elasticsearch_options(tmp))

    def _elasticsearch_options(self, tmp: str) -> dict:
        from django.conf import settings

        if not settings.ELASTICSEARCH_URLS:
            raise CommandError("--backend elasticsearch needs ELASTICSEARCH_URL")
        return {"hosts": settings.ELASTICSEARCH_URLS, "index": f"techmatch-eval-{Path(tmp).name.lower()}"}

    def _run(self, backend, queries, query_texts, qvectors, by_id, n_docs) -> tuple[dict, list]:
        ndcg = recall = mrr = 0.0
        latencies, rankings = [], []
        for query, text, vector in zip(queries, query_texts, qvectors, strict=False):
            started = time.perf_counter()
            # The API's path: rank everything, explain the page it returns.
            result = rank(backend=backend, vector=vector, kinds=["capability"], audience=[PUBLIC], limit=n_docs)
            for hit in result.hits[:K]:
                explain(text, by_id[hit.id], hit.components)
            latencies.append((time.perf_counter() - started) * 1000)
            ranked = result.ids
            rankings.append([(hit.id, hit.score) for hit in result.hits])
            ndcg += ndcg_at_k(ranked, query["relevant"], K)
            recall += recall_at_k(ranked, query["relevant"], K)
            mrr += reciprocal_rank(ranked, query["relevant"])
        n = len(queries)
        return {
            "ndcg@10": round(ndcg / n, 4),
            "recall@10": round(recall / n, 4),
            "mrr": round(mrr / n, 4),
            "p50_ms": round(percentile(latencies, 50), 2),
            "p95_ms": round(percentile(latencies, 95), 2),
        }, rankings

    def _rank_variant(self, backend, name: str, encoder, query_texts, n_docs) -> list[list[str]]:
        vectors = VARIANTS[name](encoder, query_texts)
        return [
            rank(backend=backend, vector=v, kinds=["capability"], audience=[PUBLIC], limit=n_docs).ids for v in vectors
        ]

    def _compare(self, path: Path, backend_name: str, name: str, as_json: bool) -> None:
        """The API's ranking against a variant on the same queries: each mean with a 95% bootstrap
        interval (2,000 resamples of the queries, seed 0) and the paired difference with its own."""
        figures, queries, rankings = self._evaluate(path, backend_name, variant=name)
        current = [
            per_query([doc for doc, _score in ranked], q["relevant"])
            for q, ranked in zip(queries, rankings, strict=False)
        ]
        other = [per_query(ranked, q["relevant"]) for q, ranked in zip(queries, self.variant_rankings, strict=False)]
        out = {"queries": len(queries), "baseline": name, "encoder": figures["encoder"], "resamples": 2000}
        self.stdout.write(
            f"{path.name}: {len(queries)} queries, current (API) vs {name}, 95% intervals over 2000 resamples"
        )
        for metric in ("ndcg@10", "recall@10", "mrr"):
            c = paired_bootstrap([f[metric] for f in other], [f[metric] for f in current])
            out[metric] = {
                "current": [round(c.mean_b, 4), *map(lambda x: round(x, 4), c.ci_b)],
                name: [round(c.mean_a, 4), *map(lambda x: round(x, 4), c.ci_a)],
                "difference": [round(c.diff, 4), *map(lambda x: round(x, 4), c.ci_diff)],
            }
            self.stdout.write(
                f"  {metric:<9} current {c.mean_b:.3f} [{c.ci_b[0]:.3f}, {c.ci_b[1]:.3f}]  "
                f"{name} {c.mean_a:.3f} [{c.ci_a[0]:.3f}, {c.ci_a[1]:.3f}]  "
                f"current - {name} {c.diff:+.3f} [{c.ci_diff[0]:+.3f}, {c.ci_diff[1]:+.3f}]"
                f"{'  *' if c.significant else ''}"
            )
        if as_json:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
