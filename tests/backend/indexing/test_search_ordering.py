"""GET /api/search/?ordering=…: relevance by default; the other orders sort every hit, not a page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from indexing.services import index_now
from marketplace.models import Challenge
from tests.factories.marketplace import CapabilityFactory, ChallengeFactory, NeedFactory


@pytest.fixture
def postings(world):
    """Three challenges (two with the same deadline), a need and a capability without a price."""
    now = timezone.now()
    owner = {"organisation": world.orgs["owner"], "created_by": world.users["owner"]}
    made = {
        "late": ChallengeFactory(
            **owner, status=Challenge.Status.PUBLISHED, bounty=Decimal(900_000), bid_deadline=now + timedelta(days=60)
        ),
        "soon_a": ChallengeFactory(
            **owner, status=Challenge.Status.PUBLISHED, bounty=Decimal(100_000), bid_deadline=now + timedelta(days=10)
        ),
        "soon_b": ChallengeFactory(
            **owner, status=Challenge.Status.PUBLISHED, bounty=Decimal(500_000), bid_deadline=now + timedelta(days=10)
        ),
        "need": NeedFactory(**owner, budget_max=Decimal(2_000_000)),
        "capability": CapabilityFactory(
            organisation=world.orgs["institute"], created_by=world.users["institute"], price_max=None
        ),
    }
    for posting in made.values():
        index_now(posting=posting)
    return made


def names(postings, body) -> list[str]:
    by_key = {(p._meta.model_name, p.pk): name for name, p in postings.items()}
    return [by_key[(r["posting"]["kind"], r["posting"]["id"])] for r in body["results"]]


def every_page(client, params: dict, size: int = 2) -> list[dict]:
    first = client.get("/api/search/", {**params, "page_size": size}).json()
    pages = [first] + [
        client.get("/api/search/", {**params, "page_size": size, "page": n}).json()
        for n in range(2, -(-first["count"] // size) + 1)
    ]
    return [hit for page in pages for hit in page["results"]]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-amount", ["need", "late", "soon_b", "soon_a", "capability"]),  # no price: last
        ("amount", ["soon_a", "soon_b", "late", "need", "capability"]),
        # the same deadline: by id; a need and a capability have none: after every challenge
        ("deadline", ["soon_a", "soon_b", "late", "capability", "need"]),
    ],
)
def test_an_ordering_sorts_every_hit_and_pages_through_them_in_that_order(world, postings, ordering, expected):
    results = every_page(world.client("anonymous"), {"ordering": ordering})

    assert names(postings, {"results": results}) == expected


def test_newest_puts_the_latest_published_first(world, postings):
    Challenge.objects.filter(pk=postings["late"].pk).update(published_at=timezone.now() + timedelta(hours=1))
    index_now(posting=Challenge.objects.get(pk=postings["late"].pk))

    body = world.client("anonymous").get("/api/search/", {"ordering": "newest", "kind": "challenge"}).json()

    assert names(postings, body)[0] == "late" and body["count"] == 3


def test_an_ordering_keeps_the_hits_and_their_count(world, postings):
    client = world.client("anonymous")
    relevance = client.get("/api/search/", {"q": "隔膜"}).json()
    by_amount = client.get("/api/search/", {"q": "隔膜", "ordering": "-amount"}).json()

    assert by_amount["count"] == relevance["count"] > 1
    assert by_amount["facets"] == relevance["facets"]
    amounts = [float(r["posting"]["amount"] or 0) for r in by_amount["results"]]
    assert amounts == sorted(amounts, reverse=True)


def test_relevance_is_the_default(world, postings):
    client = world.client("anonymous")

    assert (
        client.get("/api/search/", {"q": "隔膜"}).json()
        == client.get("/api/search/", {"q": "隔膜", "ordering": "relevance"}).json()
    )


def test_an_unknown_ordering_is_refused_in_plain_chinese_with_the_valid_ones(world):
    response = world.client("anonymous").get("/api/search/", {"ordering": "bounty"})

    assert response.status_code == 400
    (message,) = response.json()["fields"]["ordering"]
    assert "bounty" in message
    for valid in ("relevance", "newest", "deadline", "-amount", "amount"):
        assert valid in message
    assert "choice" not in message and "合法选项" not in message
