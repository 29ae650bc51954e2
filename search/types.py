"""What goes into a search index and what comes out. Plain data; no framework types."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

KINDS = ("challenge", "need", "capability")
PUBLIC = "*"  # audience token: everybody may see the document
FACET_FIELDS = ("kind", "industry", "region", "status")
RELEVANCE = "relevance"
# Every order but relevance sorts the whole set of hits by one field of the document; a document
# without the field (a need's deadline, a capability without a price) comes after every one that
# has it, and the document id breaks ties, so a page boundary never moves between requests.
# (field, descending) by ordering:
ORDERINGS: dict[str, tuple[str, bool] | None] = {
    RELEVANCE: None,
    "newest": ("published_at", True),
    "deadline": ("deadline", False),  # the soonest first, as in the marketplace lists
    "-amount": ("amount", True),
    "amount": ("amount", False),
}


def doc_id(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass
class PostingDoc:
    """One posting as the index holds it. `text` is only what every member of `audience` may read."""

    id: str
    kind: str
    title: str
    text: str
    industry: str
    region: str
    status: str
    organisation_id: int
    audience: Sequence[str] = (PUBLIC,)  # PUBLIC or "org:<id>" tokens
    amount: int | None = None  # whole yuan (榜额, budget or price ceiling), for range filters
    trl: int | None = None
    published_at: int | None = None  # epoch seconds: when it became public (orderings)
    deadline: int | None = None  # epoch seconds: a challenge's bid deadline (orderings)
    passage_vector: np.ndarray | None = None  # the document as something to be found
    encoder: str = ""
    content_hash: str = ""


@dataclass
class SearchQuery:
    text: str = ""  # free text: lexical side (the caller encodes `vector`)
    vector: np.ndarray | None = None  # dense side: a query vector from the same encoder
    kinds: Sequence[str] = ()
    industries: Sequence[str] = ()
    regions: Sequence[str] = ()
    statuses: Sequence[str] = ()
    amount_min: int | None = None
    amount_max: int | None = None
    trl_min: int | None = None
    trl_max: int | None = None
    audience: Sequence[str] = (PUBLIC,)  # the viewer's tokens: PUBLIC plus "org:<id>"
    exclude_ids: Sequence[str] = ()
    lexical_weight: float = 0.0  # see matching.fusion
    # Free text (see search.text.query_terms): a document that contains the query's terms is a hit;
    # one that does not is a hit only on strong semantic evidence: a cosine of at least
    # `dense_floor` and within `dense_margin` of the best (either may be None, not both, for this
    # path to exist). A text without any term (%%%, a lone letter) finds nothing.
    dense_margin: float | None = None
    dense_floor: float | None = None
    ordering: str = RELEVANCE  # one of ORDERINGS
    offset: int = 0
    limit: int = 10
    facets: bool = False

    def __post_init__(self) -> None:
        if self.ordering not in ORDERINGS:
            raise ValueError(f"unknown ordering {self.ordering!r}; choose one of {list(ORDERINGS)}")


@dataclass
class SearchHit:
    id: str
    score: float
    components: dict[str, float] = field(default_factory=dict)


@dataclass
class SearchResult:
    hits: list[SearchHit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [h.id for h in self.hits]
