"""Concurrent award calls against a real server and PostgreSQL can never exceed the winner count."""

import threading
from itertools import combinations

import pytest
from django.db import connection

from accounts.services import token_issue
from marketplace.models import Bid, Challenge
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.marketplace import BidFactory, ChallengeFactory
from tests.services import post_json, unavailable

pytestmark = pytest.mark.services
REQUESTS = 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_awards_of_a_saima_challenge_never_exceed_its_winner_count(live_server):
    if connection.vendor != "postgresql":
        unavailable("row locking is tested on PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    owner = UserFactory(organisation=OrganisationFactory(name="湖州吉利新能源汽车零部件有限公司"))
    challenge = ChallengeFactory(
        organisation=owner.organisation,
        created_by=owner,
        status=Challenge.Status.CLOSED,
        mode=Challenge.Mode.SAIMA,
        max_winners=2,
    )
    bids = [BidFactory(challenge=challenge, organisation=OrganisationFactory(kind="institute")) for _ in range(4)]
    token = token_issue(user=owner)
    pairs = list(combinations([b.pk for b in bids], 2))[:REQUESTS]
    url = f"{live_server.url}/api/challenges/{challenge.pk}/award/"
    barrier = threading.Barrier(len(pairs))
    statuses: list[int] = []

    def award(pair):
        barrier.wait()
        # Every other live bid gets its coded reason, as an award requires.
        others = [{"bid": b.pk, "reason": "price"} for b in bids if b.pk not in pair]
        statuses.append(post_json(url, token, {"bids": list(pair), "not_awarded": others}))

    threads = [threading.Thread(target=award, args=(pair,)) for pair in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sorted(statuses) == [200] + [409] * (len(pairs) - 1)
    assert Bid.objects.filter(challenge=challenge, status=Bid.Status.AWARDED).count() == 2
    assert challenge.transitions.filter(to_status=Challenge.Status.AWARDED).count() == 1
