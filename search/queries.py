"""SearchQuery -> Elasticsearch DSL. Filters are `filter` clauses (cached, unscored) and apply
before any ranking, exactly as in the local backend."""

from __future__ import annotations

from elasticsearch.dsl import A, Q, Search

from search.text import query_terms, required_terms
from search.types import FACET_FIELDS, ORDERINGS, SearchQuery

# How many nearest neighbours and lexical matches a free-text search considers before it applies
# the hit rule: beyond this many documents within the dense margin, the count is a lower bound.
CANDIDATES = 1000


def filters(q: SearchQuery) -> list[Q]:
    clauses = [Q("terms", audience=list(q.audience))]
    for field, values in (("kind", q.kinds), ("industry", q.industries), ("region", q.regions), ("status", q.statuses)):
        if values:
            clauses.append(Q("terms", **{field: list(values)}))
    for field, low, high in (("amount", q.amount_min, q.amount_max), ("trl", q.trl_min, q.trl_max)):
        bounds = {k: v for k, v in (("gte", low), ("lte", high)) if v is not None}
        if bounds:
            clauses.append(Q("range", **{field: bounds}))
    if q.exclude_ids:
        clauses.append(~Q("ids", values=list(q.exclude_ids)))
    return clauses


def filtered(q: SearchQuery) -> Q:
    return Q("bool", filter=filters(q))


def literal_bool(q: SearchQuery) -> Q | None:
    """Filters plus the literal rule: documents whose jieba tokens include `required_terms` of the
    query's terms (the local backend's Memory.containing), scored by BM25. None: no terms, no hits."""
    terms = query_terms(q.text)
    if not terms:
        return None
    return Q(
        "bool",
        filter=filters(q),
        should=[Q("term", tokens=t) for t in terms],
        minimum_should_match=required_terms(len(terms)),
    )


def sort_clauses(ordering: str) -> list[dict]:
    """An ordering other than relevance (search.types.ORDERINGS) as a sort: documents without the
    field last, then the document id. (`_id` itself cannot be sorted on since 8.0: `id` copies it.)
    `unmapped_type`: an index created before the orderings sorts instead of failing."""
    field, descending = ORDERINGS[ordering]
    return [
        {field: {"order": "desc" if descending else "asc", "missing": "_last", "unmapped_type": "long"}},
        {"id": {"order": "asc", "unmapped_type": "keyword"}},
    ]


def with_facets(search: Search) -> Search:
    for field in FACET_FIELDS:
        search.aggs.bucket(field, A("terms", field=field, size=100))
    return search


def num_candidates(k: int) -> int:
    # Ten candidates per result up to 1,000, then two: a free-text search's k=1000 with 10,000
    # candidates took 92 ms of its 155 against 104,000 postings, with 2,000 it takes 52 ms and
    # finds the same documents within the dense margin and the same top 20 (30 queries,
    # tests/benchmarks/load/). Matches (k=10) keep their 100.
    return min(10_000, max(100, 10 * min(k, 100), 2 * k))


def knn_clause(q: SearchQuery, *, k: int, only_ids: list[str] | None = None) -> Q:
    """The `knn` *query* (HNSW, unquantised float vectors) with the filters applied inside the
    graph search, so all k results pass them. Elasticsearch scores cosine as (1 + cos) / 2.

    A query, not the top-level `knn` section: that one runs in a DFS phase of its own before the
    query phase and cannot share a request with the count and the facets (see `match`). With one
    shard the two return the same documents and scores (compared on the dev set and on 100,000
    synthetic capabilities in 44 segments: 100 of 100 matches identical)."""
    clauses = filters(q) + ([Q("ids", values=only_ids)] if only_ids is not None else [])
    vector = q.vector.tolist() if hasattr(q.vector, "tolist") else [float(x) for x in q.vector]
    return Q(
        "knn",
        field="vector",
        query_vector=vector,
        k=k,
        num_candidates=num_candidates(k),
        filter=[Q("bool", filter=clauses)],
    )


def knn(index: str, q: SearchQuery, *, k: int, only_ids: list[str] | None = None) -> Search:
    """The k nearest filtered documents, ids and scores only."""
    return (
        Search(index=index)
        .query(knn_clause(q, k=k, only_ids=only_ids))
        .extra(size=k, track_total_hits=False)
        .source(False)
    )


def match(index: str, q: SearchQuery, *, k: int, facets: bool = False) -> Search:
    """A stored posting's matches in one request: the k nearest filtered documents as the hits
    (the kNN clause scores (1 + cos) / 2 > 0; the filter alone scores 0, so the top k are the
    neighbours), and every filtered document counted (and faceted), as in the local backend.
    It replaces a kNN search plus a count search: one round trip instead of two."""
    search = (
        Search(index=index)
        .query(Q("bool", filter=filters(q), should=[knn_clause(q, k=k)]))
        .extra(size=k, track_total_hits=True)
        .source(False)
    )
    return with_facets(search) if facets else search


def literal_candidates(index: str, query: Q) -> Search:
    return Search(index=index).query(query).extra(size=CANDIDATES, track_total_hits=False).source(False)


def facets_of(index: str, ids: list[str]) -> Search:
    return with_facets(Search(index=index).query(Q("ids", values=ids)).extra(size=0))


def ordered_page(index: str, q: SearchQuery, ids: list[str]) -> Search:
    """One page of known hits in `q.ordering`, with their facets when asked: one request."""
    search = (
        Search(index=index)
        .query(Q("ids", values=ids))
        .sort(*sort_clauses(q.ordering))
        .extra(from_=q.offset, size=q.limit, track_total_hits=False)
        .source(False)
    )
    return with_facets(search) if q.facets else search
