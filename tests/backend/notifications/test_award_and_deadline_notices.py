"""Issue 14's notices: the coded reason an unsuccessful bidder reads (and nobody else), the award
that closes early only when confirmed (and says so to the others), the 3-day deadline notice (once),
the 验收 result, and each user's per-kind choice of digest and e-mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Organisation
from marketplace import services
from marketplace.models import Bid, Challenge, ChallengeTransition
from notifications.models import EmailPreference, Notification
from notifications.services import digests_send, preferences_update
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.marketplace import BidFactory

pytestmark = pytest.mark.django_db
S = Challenge.Status


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def rival(world):
    org = OrganisationFactory(kind=Organisation.Kind.INSTITUTE, name="湖州师范学院新材料研究所")
    UserFactory(organisation=org, username="rival", email="rival@example.cn")
    return org


@pytest.fixture
def three_bids(world, published, rival):
    """The institute wins; rival and other_enterprise do not."""
    return {
        key: BidFactory(challenge=published, organisation=org, created_by=org.members.first())
        for key, org in (
            ("winner", world.orgs["institute"]),
            ("rival", rival),
            ("enterprise", world.orgs["other_enterprise"]),
        )
    }


def award(world, challenge, **body):
    return world.client("owner").post(f"/api/challenges/{challenge.pk}/award/", body, format="json")


# --- coded reasons ------------------------------------------------------------------------------


def test_every_unsuccessful_bid_needs_a_reason_and_other_needs_a_note(world, published, three_bids):
    Challenge.objects.filter(pk=published.pk).update(status=S.CLOSED)
    b = three_bids
    missing = award(world, published, bids=[b["winner"].pk], not_awarded=[{"bid": b["rival"].pk, "reason": "price"}])
    assert missing.status_code == 400
    assert missing.json()["extra"]["bids"] == [b["enterprise"].pk]

    bare_other = award(
        world,
        published,
        bids=[b["winner"].pk],
        not_awarded=[{"bid": b["rival"].pk, "reason": "price"}, {"bid": b["enterprise"].pk, "reason": "other"}],
    )
    assert bare_other.status_code == 400 and "其他" in bare_other.json()["detail"]

    for_winner = award(
        world,
        published,
        bids=[b["winner"].pk],
        not_awarded=[
            {"bid": b["winner"].pk, "reason": "price"},
            {"bid": b["rival"].pk, "reason": "price"},
            {"bid": b["enterprise"].pk, "reason": "approach"},
        ],
    )
    assert for_winner.status_code == 400 and for_winner.json()["extra"]["bids"] == [b["winner"].pk]
    assert set(Bid.objects.values_list("status", flat=True)) == {"submitted"}  # nothing partially applied


def test_the_reason_is_shown_to_that_bidder_and_the_owner_only(world, published, three_bids):
    Challenge.objects.filter(pk=published.pk).update(status=S.CLOSED)
    b = three_bids
    done = award(
        world,
        published,
        bids=[b["winner"].pk],
        reason="综合评分最高",
        not_awarded=[
            {"bid": b["rival"].pk, "reason": "other", "note": "样机数据不完整"},
            {"bid": b["enterprise"].pk, "reason": "indicators"},
        ],
    )
    assert done.status_code == 200, done.json()

    rival_note = Notification.objects.get(kind="bid_not_awarded", recipient__username="rival")
    assert "未中榜原因：其他（样机数据不完整）" in rival_note.body and "综合评分最高" in rival_note.body
    enterprise_note = Notification.objects.get(kind="bid_not_awarded", recipient__username="other_enterprise")
    assert "指标未达" in enterprise_note.body and "样机数据不完整" not in enterprise_note.body
    assert told("bid_not_awarded") == {"rival", "other_enterprise"}
    assert told("bid_awarded") == {"institute"}

    def reasons_seen_by(role):
        bids = world.client(role).get(f"/api/challenges/{published.pk}/bids/").json()
        bids = bids["results"] if isinstance(bids, dict) else bids
        return {(x["id"], x["not_awarded_reason"], x["not_awarded_note"]) for x in bids}

    assert reasons_seen_by("owner") == {
        (b["winner"].pk, "", ""),
        (b["rival"].pk, "other", "样机数据不完整"),
        (b["enterprise"].pk, "indicators", ""),
    }
    assert reasons_seen_by("other_enterprise") == {(b["enterprise"].pk, "indicators", "")}
    assert reasons_seen_by("institute") == {(b["winner"].pk, "", "")}  # the winner reads no other bid's reason
    assert reasons_seen_by("unverified_institute") == set()


# --- closing early -------------------------------------------------------------------------------


def test_an_award_before_the_deadline_needs_the_confirmation(world, published, three_bids):
    b = three_bids
    reasons = [{"bid": b["rival"].pk, "reason": "price"}, {"bid": b["enterprise"].pk, "reason": "experience"}]
    deadline = Challenge.objects.get(pk=published.pk).bid_deadline

    refused = award(world, published, bids=[b["winner"].pk], not_awarded=reasons)

    assert refused.status_code == 409
    assert "截止时间" in refused.json()["detail"] and "提前" in refused.json()["detail"]
    assert refused.json()["extra"]["field"] == "close_early"
    assert Challenge.objects.get(pk=published.pk).status == S.PUBLISHED
    assert not Notification.objects.filter(kind__in=["bidding_closed_early", "bid_awarded"]).exists()

    done = award(world, published, bids=[b["winner"].pk], not_awarded=reasons, close_early=True)

    assert done.status_code == 200, done.json()
    challenge = Challenge.objects.get(pk=published.pk)
    assert challenge.status == S.AWARDED and challenge.bid_deadline < deadline
    closing = ChallengeTransition.objects.get(challenge=challenge, to_status=S.CLOSED)
    assert (closing.by, closing.by_role, closing.reason) == (
        world.users["owner"],
        "owner",
        "发榜单位确认提前截止并定榜",
    )
    assert told("bidding_closed_early") == {"rival", "other_enterprise"}


def test_after_the_deadline_no_confirmation_is_asked(world, published, institute_bid):
    Challenge.objects.filter(pk=published.pk).update(bid_deadline=timezone.now() - timedelta(hours=1))

    done = award(world, published, bids=[institute_bid.pk])

    assert done.status_code == 200
    assert not Notification.objects.filter(kind="bidding_closed_early").exists()
    assert ChallengeTransition.objects.get(challenge=published, to_status=S.CLOSED).reason == "定榜前截止"


# --- 3 days before the deadline ------------------------------------------------------------------


def test_the_deadline_notice_goes_once_to_the_owner_and_unfinished_consortia(world, published, rival):
    Challenge.objects.filter(pk=published.pk).update(bid_deadline=timezone.now() + timedelta(days=2, hours=20))
    partner = OrganisationFactory(kind=Organisation.Kind.ENTERPRISE, name="长兴中试工程有限公司")
    UserFactory(organisation=partner, username="pilot-plant")
    BidFactory(
        challenge=published,
        organisation=rival,
        created_by=rival.members.get(),
        partners=[partner],
        partners__state="pending",
    )
    BidFactory(challenge=published, organisation=world.orgs["institute"], created_by=world.users["institute"])
    later = Challenge.objects.create(
        **{
            f.name: getattr(published, f.name)
            for f in Challenge._meta.concrete_fields
            if f.name not in ("id", "bid_deadline", "created_at", "updated_at")
        },
        bid_deadline=timezone.now() + timedelta(days=5),
    )

    assert services.challenges_deadline_soon() == 1
    assert services.challenges_deadline_soon() == 0
    assert services.challenges_deadline_soon(now=timezone.now() + timedelta(hours=1)) == 0

    assert told("deadline_soon") == {"owner", "rival"}
    assert Notification.objects.filter(kind="deadline_soon").count() == 2
    assert not Notification.objects.filter(kind="deadline_soon", posting_id=later.pk).exists()


# --- 验收 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("accepted", "word"), [(True, "验收通过"), (False, "验收未通过")])
def test_the_acceptance_result_goes_to_the_winners_and_the_owner(world, published, three_bids, accepted, word):
    b = three_bids
    Challenge.objects.filter(pk=published.pk).update(status=S.CLOSED)
    services.challenge_award(
        challenge=published,
        by=world.users["owner"],
        bid_ids=[b["winner"].pk],
        not_awarded={b["rival"].pk: ("price", ""), b["enterprise"].pk: ("price", "")},
    )
    services.challenge_start(challenge=published, by=world.users["owner"])

    services.challenge_conclude(challenge=published, by=world.users["owner"], accepted=accepted, reason="专家组意见")

    assert told("challenge_concluded") == {"owner", "institute"}
    assert all(word in n.title for n in Notification.objects.filter(kind="challenge_concluded"))


# --- preferences ---------------------------------------------------------------------------------


def test_preferences_read_and_change_per_kind(world):
    me = world.client("institute")

    initial = me.get("/api/notifications/preferences/").json()
    kinds = {k["kind"]: k for k in initial["kinds"]}
    assert initial["digest"] is True
    assert set(kinds) == set(Notification.Kind.values)
    assert (kinds["bid_awarded"]["digest"], kinds["bid_awarded"]["email"]) == (True, False)

    changed = me.patch(
        "/api/notifications/preferences/",
        {"kinds": [{"kind": "bid_awarded", "digest": False, "email": True}]},
        format="json",
    )
    assert changed.status_code == 200
    kinds = {k["kind"]: k for k in changed.json()["kinds"]}
    assert (kinds["bid_awarded"]["digest"], kinds["bid_awarded"]["email"]) == (False, True)
    assert (kinds["bid_not_awarded"]["digest"], kinds["bid_not_awarded"]["email"]) == (True, False)
    assert (
        not EmailPreference.objects.get(user=world.users["owner"]).kinds
        if EmailPreference.objects.filter(user=world.users["owner"]).exists()
        else True
    )

    bad = me.patch("/api/notifications/preferences/", {"kinds": [{"kind": "is_staff", "digest": True}]}, format="json")
    assert bad.status_code == 400


def test_email_at_once_and_the_digest_honour_each_kind(
    world, published, three_bids, django_capture_on_commit_callbacks
):
    rival = three_bids["rival"].organisation.members.get()
    preferences_update(user=rival, kinds=[{"kind": "bid_not_awarded", "digest": True, "email": True}])
    preferences_update(user=rival, kinds=[{"kind": "bidding_closed_early", "digest": False, "email": False}])
    b = three_bids

    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_award(
            challenge=published,
            by=world.users["owner"],
            bid_ids=[b["winner"].pk],
            not_awarded={b["rival"].pk: ("approach", ""), b["enterprise"].pk: ("price", "")},
            close_early=True,
        )

    at_once = [m for m in mail.outbox if m.to == [rival.email]]
    assert len(at_once) == 1 and "未中榜" in at_once[0].subject and "技术路线不符" in at_once[0].body

    mail.outbox.clear()
    digests_send()
    # The not-awarded notice went out already; the early-close notice is in-app only for this user.
    assert [m for m in mail.outbox if m.to == [rival.email]] == []
    assert Notification.objects.get(recipient=rival, kind="bidding_closed_early").emailed_at is None

    preferences_update(user=rival, kinds=[{"kind": "bidding_closed_early", "digest": True, "email": False}])
    digests_send(now=timezone.now() + timedelta(days=2))
    digest = [m for m in mail.outbox if m.to == [rival.email]]
    assert len(digest) == 1 and "榜单提前截止" in digest[0].body
