"""The one place that turns marketplace postings into search documents and matching texts."""

from __future__ import annotations

from collections.abc import Sequence

from indexing.embeddings import EmbeddingCache, passage_vectors, query_vectors
from marketplace.kinds import kind_of
from marketplace.models import Posting
from matching.encoders import Encoder
from matching.types import Indicator, PostingText
from search.types import PostingDoc, content_hash, doc_id


def search_id(posting: Posting) -> str:
    return doc_id(kind_of(posting).name, posting.pk)


def full_text(posting: Posting) -> PostingText:
    """Everything the posting says: what its own organisation searches with."""
    indicators = [Indicator(**i) for i in kind_of(posting).indicators(posting)]
    return PostingText(
        title=posting.title, description=posting.description, indicators=indicators, keywords=posting.keywords or []
    )


def public_text(posting: Posting) -> PostingText:
    """What every viewer who can find the posting may read. A confidential challenge shows its
    title and public summary only: its details never enter the index."""
    kind = kind_of(posting)
    if not kind.details_public(posting):
        return PostingText(title=posting.title, description=getattr(posting, kind.summary_field))
    return full_text(posting)


def _epoch(moment) -> int | None:
    return None if moment is None else int(moment.timestamp())


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
        kind = kind_of(posting)
        amount = kind.amount(posting)
        docs.append(
            PostingDoc(
                id=search_id(posting),
                kind=kind.name,
                title=posting.title,
                text=text.full(),
                industry=posting.industry.code,
                region=posting.organisation.region,
                status=posting.status,
                organisation_id=posting.organisation_id,
                audience=kind.audience(posting),
                amount=None if amount is None else int(amount),
                trl=kind.trl(posting),
                # As in the lists' "newest": a challenge is new when published (its drafts come
                # last), a need or a capability when created.
                published_at=_epoch(getattr(posting, "published_at", posting.created_at)),
                deadline=_epoch(kind.deadline(posting)),
                passage_vector=vector,
                encoder=encoder.name,
                content_hash=content_hash("passage", text.full()),
            )
        )
    return docs, {search_id(postings[i]): why for i, why in errors.items()}
