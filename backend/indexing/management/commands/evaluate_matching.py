"""nDCG@10, Recall@10, MRR and latency of the matching path on a labelled set, in a throw-away
index (never the user's data). See ../shared/eval/README.md for the format and the metrics."""
import json
import sys
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indexing.embeddings import MemoryEmbeddingCache, current_encoder, passage_vectors, query_vectors
from indexing.selectors import rank
from matching.evaluation import ndcg_at_k, percentile, recall_at_k, reciprocal_rank
from matching.explain import explain
from matching.types import PostingText
from search.backends import get_backend
from search.types import PUBLIC, PostingDoc

K = 10


def load_set(path: Path) -> tuple[list[dict], list[dict]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents, queries = data["documents"], data["queries"]
        for d in documents:
            d["id"], d["title"], d["description"]  # noqa: B018  presence check
        for q in queries:
            q["id"], q["title"], q["relevant"]  # noqa: B018
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

    def handle(self, *args, **opts):
        documents, queries = load_set(opts["file"])
        encoder, cache = current_encoder(), MemoryEmbeddingCache()
        with tempfile.TemporaryDirectory(prefix="techmatch-eval-") as tmp:
            backend = self._backend(opts["backend"], tmp)
            try:
                started = time.perf_counter()
                texts = [posting_text(d) for d in documents]
                vectors, errors = passage_vectors([t.full() for t in texts], encoder=encoder, cache=cache)
                if errors:
                    raise CommandError(f"the encoder rejected {len(errors)} document(s): {next(iter(errors.values()))}")
                backend.rebuild(
                    (PostingDoc(id=d["id"], kind="capability", title=d["title"], text=t.full(), industry=d.get("industry", ""),
                                region="", status="published", organisation_id=0, audience=[PUBLIC], passage_vector=v,
                                encoder=encoder.name) for d, t, v in zip(documents, texts, vectors)),
                    encoder=encoder.name,
                )
                indexed = time.perf_counter() - started
                self.stderr.write(f"indexed {len(documents)} documents in {indexed:.1f}s ({len(documents) / indexed:.1f} docs/s)")
                query_texts = [posting_text(q) for q in queries]
                qvectors, errors = query_vectors(query_texts, encoder=encoder, cache=cache)
                if errors:
                    raise CommandError(f"the encoder rejected {len(errors)} query(ies): {next(iter(errors.values()))}")
                by_id = {d["id"]: t for d, t in zip(documents, texts)}
                figures = self._run(backend, queries, query_texts, qvectors, by_id, len(documents))
            finally:
                backend.drop()
                backend.close()
        figures.update({"queries": len(queries), "backend": opts["backend"], "encoder": encoder.name})
        self.stdout.write(
            f"nDCG@10 {figures['ndcg@10']:.4f}  Recall@10 {figures['recall@10']:.4f}  MRR {figures['mrr']:.4f}  "
            f"p50 {figures['p50_ms']:.1f} ms  p95 {figures['p95_ms']:.1f} ms  ({len(queries)} queries, "
            f"{opts['backend']}, {encoder.name})"
        )
        if opts["json"]:
            self.stdout.write(json.dumps(figures, ensure_ascii=False))

    def _backend(self, name: str, tmp: str):
        if name == "local":
            return get_backend("local", path=Path(tmp) / "index")
        return get_backend("elasticsearch", **self._elasticsearch_options(tmp))

    def _elasticsearch_options(self, tmp: str) -> dict:
        from django.conf import settings

        if not settings.ELASTICSEARCH_URLS:
            raise CommandError("--backend elasticsearch needs ELASTICSEARCH_URL")
        return {"hosts": settings.ELASTICSEARCH_URLS, "index": f"techmatch-eval-{Path(tmp).name.lower()}"}

    def _run(self, backend, queries, query_texts, qvectors, by_id, n_docs) -> dict:
        ndcg = recall = mrr = 0.0
        latencies = []
        for query, text, vector in zip(queries, query_texts, qvectors):
            started = time.perf_counter()
            # The API's path: rank everything, explain the page it returns.
            result = rank(backend=backend, vector=vector, kinds=["capability"], audience=[PUBLIC], limit=n_docs)
            for hit in result.hits[:K]:
                explain(text, by_id[hit.id], hit.components)
            latencies.append((time.perf_counter() - started) * 1000)
            ranked = result.ids
            ndcg += ndcg_at_k(ranked, query["relevant"], K)
            recall += recall_at_k(ranked, query["relevant"], K)
            mrr += reciprocal_rank(ranked, query["relevant"])
        n = len(queries)
        return {
            "ndcg@10": round(ndcg / n, 4), "recall@10": round(recall / n, 4), "mrr": round(mrr / n, 4),
            "p50_ms": round(percentile(latencies, 50), 2), "p95_ms": round(percentile(latencies, 95), 2),
        }
