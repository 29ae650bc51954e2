"""The orderings other than relevance, identical for every backend: they sort the whole set of
hits (not the page), put documents without the field last and break ties by id, so pages are stable."""

import copy

import pytest

from search.types import ORDERINGS, SearchQuery

HUZHOU = {"capability:1", "capability:2", "capability:3", "capability:5", "capability:7"}
DAY = 86_400
T0 = 1_767_225_600  # 2026-01-01 00:00 UTC


@pytest.fixture
def postings(backend, capability_docs):
    """The eight capabilities as three challenges (deadlines), two needs and three capabilities,
    with equal amounts and equal deadlines where a tie-breaker is needed, and no amount on two.
    Five of them name 湖州: a text with several hits."""
    plan = {
        # id: (kind, published day, deadline day, amount)
        "capability:1": ("challenge", 3, 40, 500_000),
        "capability:2": ("challenge", 7, 20, 500_000),
        "capability:3": ("challenge", 1, 20, 2_000_000),
        "capability:4": ("need", 5, None, None),
        "capability:5": ("need", 8, None, 300_000),
        "capability:6": ("capability", 2, None, 500_000),
        "capability:7": ("capability", 6, None, None),
        "capability:8": ("capability", 4, None, 100_000),
    }
    docs = []
    for doc in capability_docs:
        kind, published, deadline, amount = plan[doc.id]
        doc = copy.copy(doc)
        doc.kind, doc.amount = kind, amount
        if doc.id in HUZHOU:
            doc.text += "湖州本地团队。"
        doc.published_at = T0 + published * DAY
        doc.deadline = None if deadline is None else T0 + deadline * DAY
        docs.append(doc)
    backend.upsert(docs)
    return backend


EXPECTED = {
    "newest": ["capability:5", "capability:2", "capability:7", "capability:4", "capability:8", "capability:1",
               "capability:6", "capability:3"],
    # equal deadlines: by id; needs and capabilities have none: after every challenge, by id
    "deadline": ["capability:2", "capability:3", "capability:1", "capability:4", "capability:5", "capability:6",
                 "capability:7", "capability:8"],
    # equal amounts by id; none last
    "-amount": ["capability:3", "capability:1", "capability:2", "capability:6", "capability:5", "capability:8",
                "capability:4", "capability:7"],
    "amount": ["capability:8", "capability:5", "capability:1", "capability:2", "capability:6", "capability:3",
               "capability:4", "capability:7"],
}  # fmt: skip


@pytest.mark.parametrize("ordering", sorted(EXPECTED))
def test_an_ordering_sorts_every_filtered_document(postings, ordering):
    result = postings.search(SearchQuery(ordering=ordering, limit=20))

    assert (result.ids, result.total) == (EXPECTED[ordering], 8)


@pytest.mark.parametrize("ordering", sorted(EXPECTED))
def test_pages_of_an_ordering_are_slices_of_the_whole_sorted_set(postings, encoder, ordering):
    vector = encoder.encode_queries(["湖州"])[0]
    every = postings.search(SearchQuery(text="湖州", vector=vector, ordering=ordering, limit=20))
    pages = [
        postings.search(SearchQuery(text="湖州", vector=vector, ordering=ordering, offset=o, limit=2)).ids
        for o in range(0, every.total, 2)
    ]

    assert set(every.ids) >= HUZHOU
    assert sum(pages, []) == every.ids
    assert every.ids == [i for i in EXPECTED[ordering] if i in set(every.ids)]


def test_an_ordering_keeps_the_hits_count_and_facets_of_relevance(postings, encoder):
    vector = encoder.encode_queries(["湖州"])[0]
    relevance = postings.search(SearchQuery(text="湖州", vector=vector, facets=True, limit=20))
    newest = postings.search(SearchQuery(text="湖州", vector=vector, facets=True, ordering="newest", limit=2))

    assert newest.total == relevance.total
    assert newest.facets == relevance.facets
    assert set(newest.ids) <= set(relevance.ids)


def test_an_ordering_applies_to_a_lexical_only_query(postings):
    result = postings.search(SearchQuery(text="湖州", ordering="-amount", limit=20))

    assert result.ids == [i for i in EXPECTED["-amount"] if i in HUZHOU]
    assert all(hit.components["lexical"] > 0 for hit in result.hits)  # still scored


def test_filters_still_apply_before_an_ordering(postings):
    result = postings.search(SearchQuery(kinds=["need", "capability"], ordering="deadline", limit=20))

    assert result.ids == ["capability:4", "capability:5", "capability:6", "capability:7", "capability:8"]


def test_an_unknown_ordering_is_refused():
    with pytest.raises(ValueError, match="ordering"):
        SearchQuery(ordering="price")


def test_relevance_is_the_default_ordering():
    assert SearchQuery().ordering == "relevance"
    assert ORDERINGS["relevance"] is None
