"""SearchQuery -> Elasticsearch DSL. Filters are `filter` clauses (cached, unscored) and apply
before any ranking, exactly as in the local backend."""
from __future__ import annotations

from elasticsearch.dsl import A, Q, Search

from search.text import query_terms, required_terms
from search.types import FACET_FIELDS, SearchQuery

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
    return Q("bool", filter=filters(q), should=[Q("term", tokens=t) for t in terms],
             minimum_should_match=required_terms(len(terms)))


def with_facets(search: Search) -> Search:
    for field in FACET_FIELDS:
        search.aggs.bucket(field, A("terms", field=field, size=100))
    return search


def knn(index: str, q: SearchQuery, *, k: int, only_ids: list[str] | None = None) -> Search:
    """kNN (HNSW, unquantised float vectors) with the filters applied inside the graph search, so
    all k results pass them. Elasticsearch scores cosine as (1 + cos) / 2."""
    clauses = filters(q) + ([Q("ids", values=only_ids)] if only_ids is not None else [])
    # Ten candidates per result up to 1,000, then two: a free-text search's k=1000 with 10,000
    # candidates took 92 ms of its 155 against 104,000 postings, with 2,000 it takes 52 ms and
    # finds the same documents within the dense margin and the same top 20 (30 queries,
    # tests/benchmarks/load/). Matches (k=10) keep their 100.
    return Search(index=index).knn(
        field="vector", k=k, num_candidates=min(10_000, max(100, 10 * min(k, 100), 2 * k)),
        query_vector=[float(x) for x in q.vector], filter=Q("bool", filter=clauses),
    ).extra(size=k).source(False)


def literal_candidates(index: str, query: Q) -> Search:
    return Search(index=index).query(query).extra(size=CANDIDATES, track_total_hits=False).source(False)


def facets_of(index: str, ids: list[str]) -> Search:
    return with_facets(Search(index=index).query(Q("ids", values=ids)).extra(size=0))


def count(index: str, q: SearchQuery) -> Search:
    return Search(index=index).query(filtered(q)).extra(size=0, track_total_hits=True)
