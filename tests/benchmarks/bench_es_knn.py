"""Matches at scale on both search backends, on this machine: prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_es_knn.py [--docs 100000] [--queries 200]
        [--elasticsearch URL]   # default $ELASTICSEARCH_URL, else a throw-away node is started
        [--force-merge]         # one segment (one HNSW graph) before querying, as after merges settle
        [--num-candidates N]    # instead of search.queries.num_candidates (100 for a match)

Loads --docs capabilities into (a) the local backend (a temporary directory) and (b) the
Elasticsearch backend (a throw-away index), both through their public bulk API (`rebuild`), then
runs --queries matches (the API's shape: kinds, statuses, audience, k=10), half of them with an
industry filter (~1/11 of the documents), and prints for each backend the p50/p95 latency and the
recall@10 of Elasticsearch's HNSW against the local backend's exact cosine (same filters).
Everything it created is deleted at the end (the index, the directory, the node it started).

The vectors are synthetic: embedding 100,000 texts with the real encoder would take hours on
these 2 cores, and ranking cost and HNSW recall depend on the geometry, not on the meaning. They
are 384-d, L2-normalised, in --clusters clusters (centroid plus Gaussian noise: two documents of a
cluster have a cosine of ~0.75, as neighbours under e5 do), queries are a document plus smaller
noise (cosine ~0.9 to it), so each query has a crowd of close competitors: a hard case for HNSW.
Texts are short synthetic Chinese phrases (they only feed the BM25 field; matches do not read it).
Both backends are warmed up first (a fresh Elasticsearch JVM answers its first few hundred
searches several times slower while the JIT compiles), then queried alternately.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from search import queries as queries_module  # noqa: E402
from search.backends.elasticsearch import ElasticsearchBackend  # noqa: E402
from search.backends.local import LocalBackend  # noqa: E402
from search.types import PUBLIC, PostingDoc, SearchQuery  # noqa: E402

ES_RUN = ROOT / "deploy" / "elasticsearch-local" / "run"
DIM, ENCODER, INDUSTRIES = 384, "synthetic", 11
WORDS = [
    "储能",
    "电池",
    "材料",
    "传感器",
    "智能",
    "制造",
    "检测",
    "生物",
    "医药",
    "绿色",
    "低碳",
    "装备",
    "算法",
    "芯片",
    "纺织",
    "竹木",
    "茶叶",
    "物流",
    "机器人",
    "光伏",
    "氢能",
    "涂层",
    "膜",
    "催化",
]


def pct(values, q) -> float:
    return float(np.percentile(values, q))


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def synthetic(n: int, clusters: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Document vectors and each one's cluster."""
    centroids = unit(rng.standard_normal((clusters, DIM)))
    of = rng.integers(0, clusters, n)
    vectors = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 10_000):  # in slices: a float64 (n, 384) noise matrix is 300 MB at 100k
        part = slice(start, min(n, start + 10_000))
        vectors[part] = unit(centroids[of[part]] + rng.normal(0, 0.03, (len(of[part]), DIM)))
    return vectors, of


def docs(vectors: np.ndarray):
    for i, v in enumerate(vectors):
        title = WORDS[i % len(WORDS)] + WORDS[(i // len(WORDS)) % len(WORDS)] + "技术"
        yield PostingDoc(
            id=f"capability:{i}",
            kind="capability",
            title=title,
            text=f"{title}，面向{WORDS[(i * 7) % len(WORDS)]}与{WORDS[(i * 13) % len(WORDS)]}的应用，编号{i}。",
            industry=f"chain{i % INDUSTRIES}",
            region="wuxing",
            status="published",
            organisation_id=i % 997,
            audience=[PUBLIC],
            amount=100_000 * (i % 50 + 1),
            trl=i % 9 + 1,
            passage_vector=v,
            encoder=ENCODER,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_node(data: Path) -> str:
    port = free_port()
    started = subprocess.run(
        [str(ES_RUN), "start", "--port", str(port), "--data", str(data)], capture_output=True, text=True, timeout=900
    )
    if started.returncode != 0:
        sys.exit(f"the local Elasticsearch did not start:\n{started.stderr[-2000:]}")
    return started.stdout.strip().splitlines()[-1]


def load(name: str, backend, vectors: np.ndarray) -> None:
    started = time.perf_counter()
    count = backend.rebuild(docs(vectors), encoder=ENCODER)
    seconds = time.perf_counter() - started
    print(f"{name}: indexed {count:,} documents in {seconds:.1f}s ({count / seconds:,.0f} docs/s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=300, help="searches per backend before timing")
    parser.add_argument("--elasticsearch", default=os.environ.get("ELASTICSEARCH_URL", "").split(",")[0])
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument(
        "--num-candidates",
        type=int,
        default=None,
        help="override search.queries.num_candidates (HNSW candidates per segment) to trade recall for time",
    )
    parser.add_argument(
        "--force-merge",
        action="store_true",
        help="merge the Elasticsearch index into one segment (one HNSW graph) before querying",
    )
    args = parser.parse_args()

    if args.num_candidates:
        queries_module.num_candidates = lambda k: max(k, args.num_candidates)
    rng = np.random.default_rng(args.seed)
    vectors, _ = synthetic(args.docs, args.clusters, rng)
    near = rng.integers(0, args.docs, args.queries)
    qvectors = unit(vectors[near] + rng.normal(0, 0.017, (args.queries, DIM)))
    queries = [
        SearchQuery(
            vector=v,
            kinds=["capability"],
            statuses=["published"],
            audience=[PUBLIC],
            limit=10,
            industries=[f"chain{i % INDUSTRIES}"] if i % 2 else [],
        )
        for i, v in enumerate(qvectors)
    ]

    tmp = Path(tempfile.mkdtemp(prefix="techmatch-bench-es-"))
    url, own_node = args.elasticsearch, not args.elasticsearch
    local = es = None
    try:
        if own_node:
            url = start_node(tmp / "es")
            print(f"started a throw-away node at {url}", flush=True)
        local = LocalBackend(tmp / "local")
        es = ElasticsearchBackend([url], index=f"bench-knn-{uuid.uuid4().hex[:8]}")
        load("local", local, vectors)
        load("elasticsearch", es, vectors)
        segments = es.client.cat.segments(index=es.alias, format="json")
        print(f"elasticsearch: {len(segments)} segment(s) after the load", flush=True)
        if args.force_merge:
            started = time.perf_counter()
            es.client.options(request_timeout=3600).indices.forcemerge(index=es.alias, max_num_segments=1)
            es.client.indices.refresh(index=es.alias)
            segments = es.client.cat.segments(index=es.alias, format="json")
            print(
                f"elasticsearch: force-merged into {len(segments)} segment(s) in {time.perf_counter() - started:.1f}s",
                flush=True,
            )

        for backend in (local, es):
            for i in range(args.warmup):
                backend.search(queries[i % len(queries)])
        latency = {"local": {False: [], True: []}, "elasticsearch": {False: [], True: []}}
        recall = {False: [], True: []}
        for q in queries:
            filtered = bool(q.industries)
            results = {}
            for name, backend in (("local", local), ("elasticsearch", es)):
                started = time.perf_counter()
                results[name] = backend.search(q)
                latency[name][filtered].append((time.perf_counter() - started) * 1000)
            exact = results["local"].ids
            recall[filtered].append(len(set(exact) & set(results["elasticsearch"].ids)) / max(1, len(exact)))

        print(
            f"\n{args.docs:,} documents, {args.queries} matches (k=10; half filtered by industry, ~1/{INDUSTRIES}),"
            f" num_candidates {queries_module.num_candidates(10)}, {args.warmup} warm-up searches per backend:"
        )
        for label, filtered in (("no filter", False), ("industry filter", True), ("all", None)):

            def of(name, filtered=filtered):
                return latency[name][filtered] if filtered is not None else latency[name][False] + latency[name][True]

            r = recall[filtered] if filtered is not None else recall[False] + recall[True]
            print(
                f"  {label:16s} local p50 {pct(of('local'), 50):6.1f} ms p95 {pct(of('local'), 95):6.1f} ms | "
                f"elasticsearch p50 {pct(of('elasticsearch'), 50):6.1f} ms p95 {pct(of('elasticsearch'), 95):6.1f} ms"
                f" | HNSW recall@10 {np.mean(r):.4f} (min {min(r):.1f})"
            )
    finally:
        if es is not None:
            es.drop()
            es.close()
        if local is not None:
            local.close()
        if own_node:
            subprocess.run([str(ES_RUN), "stop", "--data", str(tmp / "es")], capture_output=True, timeout=120)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
