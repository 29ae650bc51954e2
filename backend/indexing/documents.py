"""The one place that turns marketplace postings into search documents and matching texts."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import models

from indexing.embeddings import EmbeddingCache, passage_vectors, query_vectors
from marketplace.models import Capability, Challenge, Need
from marketplace.selectors import posting_audience
from matching.encoders import Encoder
from matching.types import Indicator, PostingText
from search.types import PostingDoc, content_hash, doc_id

MODELS: dict[str, type[models.Model]] = {"challenge": Challenge, "need": Need, "capability": Capability}
Posting = Challenge | Need | Capability


def kind_of(posting: Posting) -> str:
    return {Challenge: "challenge", Need: "need", Capability: "capability"}[type(posting)]


def search_id(posting: Posting) -> str:
    return doc_id(kind_of(posting), posting.pk)


def full_text(posting: Posting) -> PostingText:
    """Everything the posting says: what its own organisation searches with."""
    indicators = [Indicator(**i) for i in getattr(posting, "indicators", None) or []]
    return PostingText(
        title=posting.title, description=posting.description, indicators=indicators, keywords=posting.keywords or []
    )


def public_text(posting: Posting) -> PostingText:
    """What every viewer who can find the posting may read. A confidential challenge shows its
    title and public summary only: its details never enter the index."""
    if isinstance(posting, Challenge) and posting.confidentiality != Challenge.Confidentiality.PUBLIC:
        return PostingText(title=posting.title, description=posting.summary)
    return full_text(posting)


def _amount(posting: Posting) -> int | None:
    value: Decimal | None = {
        Challenge: lambda p: p.bounty,
        Need: lambda p: p.budget_max,
        Capability: lambda p: p.price_max,
    }[type(posting)](posting)
    return None if value is None else int(value)


def build_documents(
    postings: Sequence[Posting],
    *,
    encoder: Encoder,
    cache: EmbeddingCache | None = None,
) -> tuple[list[PostingDoc], dict[str, str]]:
    """Search documents with passage vectors; and, by search id, why a posting has no document.
    The query vectors of the postings' full texts are computed too and land in the embedding
    cache, so that their own match requests never encode."""
    texts = [public_text(p) for p in postings]
    vectors, errors = passage_vectors([t.full() for t in texts], encoder=encoder, cache=cache)
    _, query_errors = query_vectors([full_text(p) for p in postings], encoder=encoder, cache=cache)
    errors = {**query_errors, **errors}
    docs = []
    for position, (posting, text, vector) in enumerate(zip(postings, texts, vectors, strict=False)):
        if position in errors:
            continue
        docs.append(
            PostingDoc(
                id=search_id(posting),
                kind=kind_of(posting),
                title=posting.title,
                text=text.full(),
                industry=posting.industry.code,
                region=posting.organisation.region,
                status=posting.status,
                organisation_id=posting.organisation_id,
                audience=posting_audience(posting),
                amount=_amount(posting),
                trl=getattr(posting, "trl", None),
                passage_vector=vector,
                encoder=encoder.name,
                content_hash=content_hash("passage", text.full()),
            )
        )
    return docs, {search_id(postings[i]): why for i, why in errors.items()}
