"""The distributed backend: Elasticsearch through its Python DSL.

`alias` (default "techmatch-postings") always points at one versioned index; a rebuild creates a
new index, bulk-loads it, swaps the alias in one atomic call and drops the old index, so searches
never see a half-built index. Ranking is the local backend's: exact cosine of the stored vectors
(a script over the filtered documents) and BM25 over the jieba-segmented `tokens` field, with the
same hit rule for free text. The encoder of the vectors is kept in the mapping's `_meta`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Sequence

import numpy as np
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import DenseVector, Document, Keyword, Long, MetaField, Search, Short, Text

from search import queries
from search.backends.base import SearchUnavailable, batch_encoder
from search.text import segmented
from search.types import FACET_FIELDS, ORDERINGS, PostingDoc, SearchHit, SearchQuery, SearchResult

BULK_CHUNK = 500
UNAVAILABLE = (es_exceptions.ConnectionError, es_exceptions.ConnectionTimeout, es_exceptions.TransportError)


class PostingDocument(Document):
    id = Keyword()  # the orderings' tie-breaker: `_id` cannot be sorted on
    kind = Keyword()
    title = Text(analyzer="standard")
    text = Text(analyzer="standard")
    # jieba tokens of title + text, whitespace-joined: "whitespace" is a server-core analyzer, so
    # Chinese works without the analysis plugins.
    tokens = Text(analyzer="whitespace")
    industry = Keyword()
    region = Keyword()
    status = Keyword()
    organisation_id = Long()
    audience = Keyword()
    amount = Long()
    trl = Short()
    published_at = Long()  # epoch seconds
    deadline = Long()  # epoch seconds
    encoder = Keyword()
    content_hash = Keyword()

    class Meta:
        dynamic = MetaField("strict")


# Fields added after indexes were first created (the orderings'): an existing index gets them in
# place (a mapping may gain fields); its documents get their values on the next reindex.
ADDED_FIELDS = ("id", "published_at", "deadline")


def _mapping(dim: int, encoder: str) -> dict:
    mapping = PostingDocument._doc_type.mapping.to_dict()
    # Float HNSW: the default for 384 dimensions quantises (bbq/int8), which moves scores enough
    # to reorder close candidates; these vectors are small enough to keep whole.
    mapping["properties"]["vector"] = DenseVector(
        dims=dim,
        index=True,
        similarity="cosine",
        index_options={"type": "hnsw", "m": 16, "ef_construction": 100},
    ).to_dict()
    mapping["_meta"] = {"encoder": encoder}
    return mapping


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(
        self,
        hosts: Sequence[str] | str,
        index: str = "techmatch-postings",
        dim: int = 384,
        request_timeout: float = 10.0,
    ) -> None:
        if not hosts:
            raise SearchUnavailable("ELASTICSEARCH_URL is not set")
        self.alias = index
        self.dim = dim
        self.client = Elasticsearch(hosts, request_timeout=request_timeout, retry_on_timeout=True, max_retries=2)

    # --- index management ----------------------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except UNAVAILABLE as exc:
            raise SearchUnavailable(f"Elasticsearch: {type(exc).__name__}: {exc}") from exc

    def _current_index(self) -> str | None:
        try:
            return next(iter(self._call(self.client.indices.get_alias, name=self.alias)))
        except NotFoundError:
            return None

    def _create_index(self, encoder: str) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        self._call(
            self.client.indices.create,
            index=name,
            mappings=_mapping(self.dim, encoder),
            settings={
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "refresh_interval": "1s",
                # 9.x leaves vectors out of _source by default; a rebuild or a
                # get() of the stored document needs them back.
                "index.mapping.exclude_source_vectors": False,
            },
        )
        return name

    def _ensure_index(self, encoder: str) -> str:
        current = self._current_index()
        if current is None:
            current = self._create_index(encoder)
            try:
                self._call(self.client.indices.put_alias, index=current, name=self.alias)
            except es_exceptions.BadRequestError:  # another process created the alias first
                self._call(self.client.indices.delete, index=current)
                current = self._current_index()
        return current

    def encoder(self) -> str:
        current = self._current_index()
        if current is None:
            return ""
        mapping = self._call(self.client.indices.get_mapping, index=current)[current]["mappings"]
        return mapping.get("_meta", {}).get("encoder", "")

    # --- writes ----------------------------------------------------------------------------------

    def _source(self, doc: PostingDoc) -> dict:
        source = {
            "id": doc.id,
            "kind": doc.kind,
            "title": doc.title,
            "text": doc.text,
            "tokens": segmented(f"{doc.title}\n{doc.text}"),
            "industry": doc.industry,
            "region": doc.region,
            "status": doc.status,
            "organisation_id": doc.organisation_id,
            "audience": list(doc.audience),
            "amount": doc.amount,
            "trl": doc.trl,
            "published_at": doc.published_at,
            "deadline": doc.deadline,
            "encoder": doc.encoder,
            "content_hash": doc.content_hash,
        }
        if doc.passage_vector is not None:
            vector = np.asarray(doc.passage_vector, dtype=np.float32)
            if vector.shape != (self.dim,):
                raise ValueError(f"{doc.id}: passage_vector has shape {vector.shape}, expected ({self.dim},)")
            source["vector"] = [float(x) for x in vector]
        return source

    def _bulk(self, actions: Iterable[dict]) -> None:
        errors = []
        try:
            for ok, item in helpers.streaming_bulk(
                self.client,
                actions,
                chunk_size=BULK_CHUNK,
                raise_on_error=False,
                raise_on_exception=True,
                max_retries=2,
            ):
                if not ok:
                    ((op, detail),) = item.items()
                    if not (op == "delete" and detail.get("status") == 404):
                        errors.append(f"{detail.get('_id')}: {detail.get('error', detail.get('status'))}")
        except UNAVAILABLE as exc:
            raise SearchUnavailable(f"Elasticsearch bulk: {exc}") from exc
        if errors:
            raise ValueError(f"{len(errors)} document(s) rejected by Elasticsearch: {errors[:5]}")

    def upsert(self, docs: Sequence[PostingDoc]) -> None:
        if not docs:
            return
        encoder = batch_encoder(docs, self.encoder())
        index = self._ensure_index(encoder)
        mapping = PostingDocument._doc_type.mapping
        self._call(
            self.client.indices.put_mapping, index=index, properties={f: mapping[f].to_dict() for f in ADDED_FIELDS}
        )
        if encoder and not self.encoder():
            self._call(self.client.indices.put_mapping, index=index, meta={"encoder": encoder})
        self._bulk({"_op_type": "index", "_index": index, "_id": d.id, "_source": self._source(d)} for d in docs)
        self._call(self.client.indices.refresh, index=index)

    def delete(self, ids: Sequence[str]) -> None:
        index = self._current_index()
        if not ids or index is None:
            return
        self._bulk({"_op_type": "delete", "_index": index, "_id": i} for i in ids)
        self._call(self.client.indices.refresh, index=index)

    def rebuild(self, docs: Iterable[PostingDoc], *, encoder: str) -> int:
        new = self._create_index(encoder)
        count = 0

        def actions():
            nonlocal count
            for doc in docs:
                batch_encoder([doc], encoder)
                count += 1
                yield {"_op_type": "index", "_index": new, "_id": doc.id, "_source": self._source(doc)}

        try:
            self._bulk(actions())
            self._call(self.client.indices.refresh, index=new)
        except BaseException:
            self._call(self.client.indices.delete, index=new, ignore_unavailable=True)
            raise
        old = self._current_index()
        swap = [{"add": {"index": new, "alias": self.alias}}]
        if old:
            swap.insert(0, {"remove": {"index": old, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=swap)  # atomic: readers see old or new
        if old:
            self._call(self.client.indices.delete, index=old, ignore_unavailable=True)
        return count

    # --- reads -----------------------------------------------------------------------------------

    def get(self, ids: Sequence[str]) -> dict[str, PostingDoc]:
        if not ids or self._current_index() is None:
            return {}
        found = self._call(self.client.mget, index=self.alias, ids=list(ids))["docs"]
        return {d["_id"]: self._doc(d["_id"], d["_source"]) for d in found if d.get("found")}

    def _doc(self, doc_id: str, source: dict) -> PostingDoc:
        vector = source.get("vector")
        return PostingDoc(
            id=doc_id,
            kind=source["kind"],
            title=source["title"],
            text=source["text"],
            industry=source["industry"],
            region=source["region"],
            status=source["status"],
            organisation_id=source["organisation_id"],
            audience=list(source["audience"]),
            amount=source.get("amount"),
            trl=source.get("trl"),
            published_at=source.get("published_at"),
            deadline=source.get("deadline"),
            passage_vector=None if vector is None else np.asarray(vector, dtype=np.float32),
            encoder=source.get("encoder", ""),
            content_hash=source.get("content_hash", ""),
        )

    def count(self) -> int:
        if self._current_index() is None:
            return 0
        return int(self._call(self.client.count, index=self.alias)["count"])

    def health(self) -> dict:
        try:
            state = self._call(self.client.cluster.health)["status"]
        except SearchUnavailable as exc:
            return {"status": "error", "detail": str(exc)[:300]}
        return {"status": "error" if state == "red" else "ok", "detail": f"cluster {state}, {self.count()} documents"}

    def close(self) -> None:
        self.client.close()

    def drop(self) -> None:
        names = list(self._call(self.client.indices.get, index=f"{self.alias}-*", allow_no_indices=True))
        if names:  # wildcard deletes are refused (destructive_requires_name): name each index
            self._call(self.client.indices.delete, index=",".join(names))

    def search(self, q: SearchQuery) -> SearchResult:
        # Straight to the alias: before anything is indexed it answers 404. (Looking the alias up
        # first cost a round trip per search: a third of a match's calls, tests/benchmarks/load/.)
        try:
            return self._search(q)
        except NotFoundError:
            return self._empty(q)

    def _search(self, q: SearchQuery) -> SearchResult:
        has_text = bool(q.text.strip())
        by_relevance = ORDERINGS[q.ordering] is None
        if not has_text:
            if q.vector is not None and by_relevance:
                return self._knn(q)
            # Every filtered document is a hit: sorted by the ordering, or in index order.
            search = Search(index=self.alias).query(queries.filtered(q))
            search = search.sort("_doc") if by_relevance else search.sort(*queries.sort_clauses(q.ordering))
            result = self._run(search, q, score=lambda h: 0.0, parts=lambda h: {})
            if q.vector is not None and result.hits:  # the page's cosines, as the local backend scores
                dense = self._cosines(q, k=len(result.hits), only_ids=result.ids)
                for hit in result.hits:
                    hit.score = dense.get(hit.id, 0.0)
                    hit.components = {"dense": hit.score}
            return result
        literal = queries.literal_bool(q)
        if literal is None:  # nothing to look for: %%%, a lone letter
            return self._empty(q)
        if q.vector is None:  # lexical only: the literal hits, ranked by BM25 or sorted
            search = Search(index=self.alias).query(literal)
            if not by_relevance:
                search = search.sort(*queries.sort_clauses(q.ordering)).extra(track_scores=True)
            return self._run(search, q, score=lambda h: h["_score"], parts=lambda h: {"lexical": h["_score"]})
        return self._hybrid(q, literal)

    # Responses are read as plain dicts cut down by `filter_path` (ids, scores, totals, buckets):
    # building DSL Response/Hit objects cost ~0.3 ms per 100 hits and the full responses carry
    # _index/_ignored/_shards we never read.
    HITS = ("hits.hits._id", "hits.hits._score")
    TOTAL = ("hits.total.value",)
    BUCKETS = ("aggregations.*.buckets.key", "aggregations.*.buckets.doc_count")

    def _execute(self, search: Search, *paths: str) -> dict:
        return self._call(self.client.search, index=self.alias, body=search.to_dict(), filter_path=list(paths)).body

    def _msearch(self, searches: Sequence[Search], *paths: str) -> list[dict]:
        """Independent searches in one round trip; an error in any of them is raised as such."""
        body = []
        for search in searches:
            body += [{"index": self.alias}, search.to_dict()]
        response = self._call(
            self.client.msearch,
            searches=body,
            filter_path=["responses.status", "responses.error", *(f"responses.{p}" for p in paths)],
        )
        answers = response.body["responses"]
        for answer in answers:
            if "error" in answer:
                error = NotFoundError if answer.get("status") == 404 else es_exceptions.ApiError
                raise error(str(answer["error"]), response.meta, answer)
        return answers

    @staticmethod
    def _hits(response: dict) -> list[dict]:
        return response.get("hits", {}).get("hits", [])

    def _cosines(self, q: SearchQuery, *, k: int, only_ids: list[str] | None = None) -> dict[str, float]:
        return self._dense(self._execute(queries.knn(self.alias, q, k=k, only_ids=only_ids), *self.HITS))

    def _dense(self, response: dict) -> dict[str, float]:
        return {h["_id"]: 2 * h["_score"] - 1 for h in self._hits(response)}

    def _hybrid(self, q: SearchQuery, literal) -> SearchResult:
        """Free text: the local backend's hit rule (the query's terms, or a cosine at the floor and
        within the margin of the best), applied to the nearest neighbours and the literal matches;
        the hits are ranked by cosine. No scripts: the rule runs here, in Python. The neighbours
        and the literal matches are one msearch (one round trip instead of two)."""
        near, lexical = self._msearch(
            [queries.knn(self.alias, q, k=queries.CANDIDATES), queries.literal_candidates(self.alias, literal)],
            *self.HITS,
        )
        dense = self._dense(near)
        hits = {h["_id"] for h in self._hits(lexical)}
        if dense and (q.dense_margin is not None or q.dense_floor is not None):
            floor = max(
                -1.0 if q.dense_floor is None else q.dense_floor,
                -1.0 if q.dense_margin is None else max(dense.values()) - q.dense_margin,
            )
            hits |= {i for i, c in dense.items() if c >= floor}
        missing = sorted(hits - dense.keys())
        if missing:
            dense.update(self._cosines(q, k=len(missing), only_ids=missing))
        if ORDERINGS[q.ordering] is not None:  # the hits are known: one request sorts and facets them
            response = self._execute(
                queries.ordered_page(self.alias, q, sorted(hits)), *self.HITS, *(self.BUCKETS if q.facets else ())
            )
            page = [h["_id"] for h in self._hits(response)]
            result = SearchResult(
                hits=[SearchHit(id=i, score=dense.get(i, 0.0), components={"dense": dense.get(i, 0.0)}) for i in page],
                total=len(hits),
            )
            if q.facets:
                result.facets = self._facets(response)
            return result
        ranked = sorted(hits, key=lambda i: (-dense.get(i, 0.0), i))
        page = ranked[q.offset : q.offset + q.limit]
        result = SearchResult(
            hits=[SearchHit(id=i, score=dense.get(i, 0.0), components={"dense": dense.get(i, 0.0)}) for i in page],
            total=len(ranked),
        )
        if q.facets:
            result.facets = (
                self._facets(self._execute(queries.facets_of(self.alias, ranked), *self.BUCKETS))
                if ranked
                else {f: {} for f in FACET_FIELDS}
            )
        return result

    def _knn(self, q: SearchQuery) -> SearchResult:
        """A stored posting's matches: kNN ranks; every filtered document is a hit (as in local).
        One request (queries.match): the neighbours, the count and the facets."""
        response = self._execute(
            queries.match(self.alias, q, k=q.offset + q.limit, facets=q.facets),
            *self.HITS,
            *self.TOTAL,
            *(self.BUCKETS if q.facets else ()),
        )
        # Only the kNN clause scores above 0: a filtered document outside the k nearest scores 0
        # and pads the page when the graph search returned fewer than k.
        neighbours = {i: c for i, c in self._dense(response).items() if c > -1.0}
        ranked = sorted(neighbours.items(), key=lambda pair: (-pair[1], pair[0]))
        hits = [SearchHit(id=i, score=c, components={"dense": c}) for i, c in ranked[q.offset : q.offset + q.limit]]
        result = SearchResult(hits=hits, total=int(response["hits"]["total"]["value"]))
        if q.facets:
            result.facets = self._facets(response)
        return result

    def _empty(self, q: SearchQuery) -> SearchResult:
        return SearchResult(hits=[], total=0, facets={f: {} for f in FACET_FIELDS} if q.facets else {})

    def _run(self, search: Search, q: SearchQuery, *, score, parts) -> SearchResult:
        search = search.extra(from_=q.offset, size=q.limit, track_total_hits=True).source(False)
        if q.facets:
            search = queries.with_facets(search)
        response = self._execute(search, *self.HITS, *self.TOTAL, *(self.BUCKETS if q.facets else ()))
        hits = [
            SearchHit(id=h["_id"], score=float(score(h)), components={k: float(v) for k, v in parts(h).items()})
            for h in self._hits(response)
        ]
        result = SearchResult(hits=hits, total=int(response["hits"]["total"]["value"]))
        if q.facets:
            result.facets = self._facets(response)
        return result

    def _facets(self, response: dict) -> dict[str, dict[str, int]]:
        # filter_path drops an aggregation without buckets altogether.
        aggregations = response.get("aggregations", {})
        return {
            f: {b["key"]: int(b["doc_count"]) for b in aggregations.get(f, {}).get("buckets", [])} for f in FACET_FIELDS
        }
