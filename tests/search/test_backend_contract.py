"""The search-backend contract, identical for every backend: indexing, update, delete, filters,
facets, pagination, audience, the obvious match first, Chinese queries."""

import copy

import numpy as np
import pytest

from search.backends import EncoderMismatch
from search.types import PUBLIC, SearchQuery
from tests.data.postings import QUERIES


@pytest.fixture
def indexed(backend, capability_docs):
    backend.upsert(capability_docs)
    return backend


def test_a_backend_with_nothing_indexed_finds_nothing(backend, encoder):
    vector = encoder.encode_queries(["陶瓷隔膜"])[0]

    for query in (SearchQuery(vector=vector), SearchQuery(text="隔膜", vector=vector, facets=True), SearchQuery()):
        result = backend.search(query)
        assert (result.ids, result.total) == ([], 0)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_obvious_match_ranks_first_for_a_chinese_query(indexed, encoder, name):
    expected, text = QUERIES[name]

    result = indexed.search(SearchQuery(vector=encoder.encode_queries([text])[0], limit=3))

    assert result.ids[0] == expected
    assert result.total == 8
    assert result.hits[0].components["dense"] == pytest.approx(result.hits[0].score)


def test_a_keyword_alone_finds_the_documents_that_use_it(indexed):
    result = indexed.search(SearchQuery(text="形变监测"))

    assert result.ids == ["capability:3"]
    assert result.hits[0].components["lexical"] > 0


def test_free_text_hits_are_lexical_matches_or_near_the_best_dense_score(indexed, encoder):
    text = "隔膜"
    result = indexed.search(
        SearchQuery(text=text, vector=encoder.encode_queries([text])[0], dense_margin=0.0, limit=10)
    )

    assert result.ids[0] == "capability:1"
    assert result.total == 1


@pytest.mark.parametrize("text", ["%%%", "a", "xkqzv", "<script>alert(1)</script>"])
def test_a_text_about_nothing_finds_nothing(indexed, encoder, text):
    result = indexed.search(
        SearchQuery(
            text=text, vector=encoder.encode_queries([text])[0], dense_margin=0.04, dense_floor=0.88, facets=True
        )
    )

    assert (result.ids, result.total) == ([], 0)
    assert all(counts == {} for counts in result.facets.values())


def test_a_term_that_occurs_literally_is_always_a_hit_however_weak_its_cosine(indexed, encoder):
    vector = encoder.encode_queries(["陶瓷隔膜"])[0]  # far from the monitoring document's vector

    result = indexed.search(
        SearchQuery(text="形变监测", vector=vector, dense_margin=0.0, dense_floor=0.99, facets=True)
    )

    assert result.ids == ["capability:3"] and result.total == 1
    assert result.facets["industry"] == {"geoinformation": 1}


def test_every_term_of_a_short_query_is_required(indexed, encoder):
    both = indexed.search(SearchQuery(text="陶瓷 隔膜"))
    unrelated = indexed.search(SearchQuery(text="陶瓷 形变"))

    assert "capability:1" in both.ids and unrelated.total == 0


def test_filters_apply_before_ranking(indexed, encoder):
    vector = encoder.encode_queries(QUERIES["separator"][1:])[0]

    by_industry = indexed.search(SearchQuery(vector=vector, industries=["geoinformation"]))
    by_region = indexed.search(SearchQuery(vector=vector, regions=["anji", "deqing"]))
    by_amount = indexed.search(SearchQuery(vector=vector, amount_min=300_000, amount_max=500_000))
    by_trl = indexed.search(SearchQuery(vector=vector, trl_min=7))
    by_kind = indexed.search(SearchQuery(vector=vector, kinds=["challenge"]))

    assert set(by_industry.ids) == {"capability:3", "capability:4"} and by_industry.total == 2
    assert set(by_region.ids) == {"capability:3", "capability:4", "capability:5", "capability:8"}
    assert set(by_amount.ids) == {"capability:3", "capability:4", "capability:5"}
    assert set(by_trl.ids) == {"capability:3", "capability:4", "capability:5", "capability:6", "capability:8"}
    assert by_kind.total == 0 and by_kind.ids == []


def test_facets_count_the_hits_by_field(indexed):
    result = indexed.search(SearchQuery(industries=["geoinformation", "green_home"], facets=True))

    assert result.facets["industry"] == {"geoinformation": 2, "green_home": 1}
    assert result.facets["region"] == {"deqing": 2, "anji": 1}
    assert result.facets["kind"] == {"capability": 3}


def test_pages_do_not_overlap_and_cover_everything(indexed, encoder):
    vector = encoder.encode_queries(["新材料"])[0]
    pages = [indexed.search(SearchQuery(vector=vector, offset=o, limit=3)).ids for o in (0, 3, 6)]

    assert [len(p) for p in pages] == [3, 3, 2]
    assert len(set(sum(pages, []))) == 8


def test_an_update_replaces_the_document(indexed, capability_docs, encoder):
    changed = copy.copy(capability_docs[4])
    changed.title, changed.text, changed.region = "猪场沼气发电", "厌氧发酵与沼气发电机组", "changxing"
    changed.passage_vector = encoder.encode_passages([f"{changed.title}\n{changed.text}"])[0]

    indexed.upsert([changed])

    assert indexed.count() == 8
    assert indexed.search(SearchQuery(text="除臭")).total == 0
    assert indexed.search(SearchQuery(text="沼气", regions=["changxing"])).ids == ["capability:5"]


def test_a_deleted_document_is_gone_and_unknown_ids_are_ignored(indexed):
    indexed.delete(["capability:3", "capability:999"])

    assert indexed.count() == 7
    assert indexed.search(SearchQuery(text="形变监测")).total == 0
    assert "capability:3" not in indexed.get(["capability:3", "capability:4"])


def test_the_audience_decides_who_finds_a_document(backend, capability_docs):
    private = copy.copy(capability_docs[0])
    private.audience = ["org:7"]
    backend.upsert([private, capability_docs[1]])

    assert backend.search(SearchQuery(text="隔膜")).total == 0
    assert backend.search(SearchQuery(text="隔膜", audience=[PUBLIC, "org:7"])).ids == ["capability:1"]


def test_vectors_of_another_encoder_are_refused(indexed, capability_docs):
    other = copy.copy(capability_docs[0])
    other.encoder = "sentence-transformers:other"

    with pytest.raises(EncoderMismatch):
        indexed.upsert([other])


def test_a_rebuild_replaces_everything_and_may_change_the_encoder(indexed, capability_docs):
    fresh = [copy.copy(d) for d in capability_docs[:2]]
    for d in fresh:
        d.encoder = "sentence-transformers:other"

    assert indexed.rebuild(iter(fresh), encoder="sentence-transformers:other") == 2
    assert indexed.count() == 2 and indexed.encoder() == "sentence-transformers:other"


def test_a_document_is_read_back_with_its_vector(indexed, capability_docs):
    stored = indexed.get(["capability:2"])["capability:2"]

    assert stored.title == capability_docs[1].title and stored.audience == [PUBLIC]
    np.testing.assert_allclose(stored.passage_vector, capability_docs[1].passage_vector, rtol=1e-6)


def test_a_match_counts_and_facets_every_filtered_document_and_returns_the_nearest(indexed, capability_docs, encoder):
    vector = encoder.encode_queries(["新材料"])[0]
    regions = ["anji", "deqing"]
    wanted = [d for d in capability_docs if d.region in regions]
    exact = sorted(wanted, key=lambda d: -float(np.dot(d.passage_vector, vector)))

    result = indexed.search(SearchQuery(vector=vector, regions=regions, limit=2, facets=True))

    assert result.ids == [d.id for d in exact[:2]]
    assert [h.score for h in result.hits] == pytest.approx(
        [float(np.dot(d.passage_vector, vector)) for d in exact[:2]], abs=1e-4
    )
    assert result.total == len(wanted)
    assert result.facets["region"] == {
        r: sum(d.region == r for d in wanted) for r in regions if any(d.region == r for d in wanted)
    }
    assert result.facets["kind"] == {"capability": len(wanted)}
