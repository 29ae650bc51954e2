from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Organisation
from marketplace.models import Bid, Challenge
from marketplace.services import challenges_close_expired
from tests.backend.marketplace.payloads import bid_body, challenge_body
from tests.factories.marketplace import BidFactory, ChallengeFactory

S = Challenge.Status


def test_a_challenge_goes_from_draft_to_accepted_and_every_step_is_recorded(world):
    owner, institute = world.client("owner"), world.client("institute")

    created = owner.post("/api/challenges/", challenge_body(), format="json")
    assert created.status_code == 201, created.json()
    cid = created.json()["id"]
    assert created.json()["status"] == "draft"

    assert owner.post(f"/api/challenges/{cid}/publish/").json()["status"] == "published"
    bid = institute.post(f"/api/challenges/{cid}/bids/", bid_body(), format="json")
    assert bid.status_code == 201, bid.json()
    assert (
        owner.post(f"/api/challenges/{cid}/close/", {"reason": "征集到足够方案"}, format="json").json()["status"]
        == "closed"
    )
    awarded = owner.post(f"/api/challenges/{cid}/award/", {"bids": [bid.json()["id"]]}, format="json")
    assert awarded.json()["status"] == "awarded", awarded.json()
    assert owner.post(f"/api/challenges/{cid}/start/").json()["status"] == "in_progress"
    done = owner.post(f"/api/challenges/{cid}/conclude/", {"accepted": True, "reason": "指标全部达到"}, format="json")
    assert done.json()["status"] == "accepted"

    history = owner.get(f"/api/challenges/{cid}/history/").json()
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("", "draft"),
        ("draft", "published"),
        ("published", "closed"),
        ("closed", "awarded"),
        ("awarded", "in_progress"),
        ("in_progress", "accepted"),
    ]
    assert {h["by"] for h in history} == {"owner"}
    assert history[2]["reason"] == "征集到足够方案"
    assert Bid.objects.get(pk=bid.json()["id"]).status == Bid.Status.AWARDED


@pytest.mark.parametrize(
    ("state", "action", "body"),
    [
        (S.PUBLISHED, "publish", {}),
        (S.DRAFT, "close", {}),
        (S.DRAFT, "start", {}),
        (S.CLOSED, "conclude", {"accepted": True, "reason": "提前验收"}),
        (S.AWARDED, "cancel", {"reason": "不再需要"}),
        (S.ACCEPTED, "publish", {}),
        (S.CANCELLED, "close", {}),
    ],
)
def test_an_illegal_transition_is_a_409_that_says_why_and_changes_nothing(world, state, action, body):
    challenge = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=state)

    response = world.client("owner").post(f"/api/challenges/{challenge.pk}/{action}/", body, format="json")

    assert response.status_code == 409, response.json()
    assert response.json()["code"] == "conflict"
    assert response.json()["detail"].startswith(f"榜单当前状态为“{S(state).label}”")
    challenge.refresh_from_db()
    assert challenge.status == state
    assert not challenge.transitions.exists()


def test_an_unverified_organisation_may_draft_but_not_publish(world):
    client = world.client("unverified_institute")
    cid = client.post("/api/challenges/", challenge_body(), format="json").json()["id"]

    response = client.post(f"/api/challenges/{cid}/publish/")

    assert response.status_code == 403
    assert response.json()["detail"] == "机构通过认证后才能发布"


def test_a_draft_whose_deadline_passed_cannot_be_published(world, draft):
    Challenge.objects.filter(pk=draft.pk).update(bid_deadline=timezone.now() - timedelta(hours=1))

    response = world.client("owner").post(f"/api/challenges/{draft.pk}/publish/")

    assert response.status_code == 400
    assert "截止时间已过" in response.json()["detail"]


def test_after_publication_the_bounty_and_mode_are_locked_but_the_deadline_may_move_later(world, published):
    owner = world.client("owner")

    locked = owner.patch(f"/api/challenges/{published.pk}/", {"bounty": "100.00"}, format="json")
    earlier = owner.patch(
        f"/api/challenges/{published.pk}/",
        {"bid_deadline": (published.bid_deadline - timedelta(days=1)).isoformat()},
        format="json",
    )
    later = owner.patch(
        f"/api/challenges/{published.pk}/",
        {"bid_deadline": (published.bid_deadline + timedelta(days=7)).isoformat()},
        format="json",
    )

    assert locked.status_code == 409 and locked.json()["extra"] == {"fields": ["bounty"]}
    assert earlier.status_code == 409
    assert later.status_code == 200


def test_the_deadline_task_closes_only_expired_published_challenges(world):
    now = timezone.now()
    expired = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.PUBLISHED)
    running = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.PUBLISHED)
    draft = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.DRAFT)
    Challenge.objects.filter(pk__in=[expired.pk, draft.pk]).update(bid_deadline=now - timedelta(minutes=1))

    assert challenges_close_expired() == 1
    assert challenges_close_expired() == 0  # idempotent

    statuses = dict(Challenge.objects.values_list("pk", "status"))
    assert statuses == {expired.pk: S.CLOSED, running.pk: S.PUBLISHED, draft.pk: S.DRAFT}
    transition = expired.transitions.get()
    assert (transition.by, transition.reason) == (None, "到达揭榜截止时间，自动截止")


def test_cancelling_releases_the_live_bids(world, published, institute_bid):
    response = world.client("owner").post(
        f"/api/challenges/{published.pk}/cancel/", {"reason": "技术路线调整"}, format="json"
    )

    assert response.json()["status"] == "cancelled"
    institute_bid.refresh_from_db()
    assert institute_bid.status == Bid.Status.NOT_AWARDED


class TestAward:
    def bids(self, world, challenge, n):
        return [
            BidFactory(challenge=challenge, organisation=world.orgs[k], created_by=world.users[k])
            for k in ["institute", "other_enterprise"][:n]
        ]

    def test_jiebang_allows_exactly_one_winner(self, world, published):
        a, b = self.bids(world, published, 2)
        owner = world.client("owner")

        too_many = owner.post(f"/api/challenges/{published.pk}/award/", {"bids": [a.pk, b.pk]}, format="json")
        one = owner.post(
            f"/api/challenges/{published.pk}/award/",
            {"bids": [a.pk], "not_awarded": [{"bid": b.pk, "reason": "approach"}], "close_early": True},
            format="json",
        )

        assert too_many.status_code == 409 and too_many.json()["detail"] == "揭榜挂帅最多可选择1个中榜团队"
        assert one.status_code == 200
        assert dict(Bid.objects.values_list("pk", "status")) == {a.pk: "awarded", b.pk: "not_awarded"}

    def test_saima_funds_several_teams_in_parallel(self, world):
        challenge = ChallengeFactory(
            organisation=world.orgs["owner"],
            created_by=world.users["owner"],
            status=S.PUBLISHED,
            mode=Challenge.Mode.SAIMA,
            max_winners=2,
        )
        a, b = self.bids(world, challenge, 2)

        response = world.client("owner").post(
            f"/api/challenges/{challenge.pk}/award/", {"bids": [a.pk, b.pk], "close_early": True}, format="json"
        )

        assert response.status_code == 200
        assert set(Bid.objects.values_list("status", flat=True)) == {"awarded"}

    def test_a_withdrawn_bid_cannot_win(self, world, published, institute_bid):
        Bid.objects.filter(pk=institute_bid.pk).update(status=Bid.Status.WITHDRAWN)

        response = world.client("owner").post(
            f"/api/challenges/{published.pk}/award/", {"bids": [institute_bid.pk]}, format="json"
        )

        assert response.status_code == 400
        assert response.json()["extra"]["bids"] == [institute_bid.pk]

    def test_a_bid_on_another_challenge_cannot_win(self, world, published):
        elsewhere = ChallengeFactory(
            organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.PUBLISHED
        )
        foreign = BidFactory(
            challenge=elsewhere, organisation=world.orgs["institute"], created_by=world.users["institute"]
        )

        response = world.client("owner").post(
            f"/api/challenges/{published.pk}/award/", {"bids": [foreign.pk]}, format="json"
        )

        assert response.status_code == 400
        assert response.json()["extra"]["bids"] == [foreign.pk]
        assert Challenge.objects.get(pk=published.pk).status == S.PUBLISHED  # nothing partially applied

    def test_saima_needs_at_least_two_parallel_teams(self, world):
        response = world.client("owner").post(
            "/api/challenges/", challenge_body(mode="saima", max_winners=1), format="json"
        )

        assert response.status_code == 400
        assert response.json()["fields"] == {"max_winners": ["赛马制至少支持两个团队并行攻关"]}


def test_a_government_posted_challenge_may_be_fiscally_funded(world):
    response = world.client("official").post(
        "/api/challenges/", challenge_body(funding_mode="invest_then_equity"), format="json"
    )

    assert response.status_code == 201
    assert response.json()["organisation"]["kind"] == Organisation.Kind.GOVERNMENT


def test_the_detail_says_what_the_viewer_may_do_and_shows_invitees_to_the_owner_only(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=S.PUBLISHED,
        confidentiality=Challenge.Confidentiality.SUMMARY_ONLY,
    )
    challenge.invited.add(world.orgs["other_enterprise"])

    owner = world.client("owner").get(f"/api/challenges/{challenge.pk}/").json()
    institute = world.client("institute").get(f"/api/challenges/{challenge.pk}/").json()

    assert owner["viewer"]["is_owner"] and not owner["viewer"]["can_bid"]
    assert [o["id"] for o in owner["invited"]] == [world.orgs["other_enterprise"].pk]
    assert institute["invited"] == []
    assert institute["viewer"] | {} == {
        "is_owner": False,
        "is_operator": False,
        "terms_accepted": False,
        "has_live_bid": False,
        "can_bid": False,
        "can_accept_terms": True,
    }
    world.client("institute").post(f"/api/challenges/{challenge.pk}/accept-terms/")
    after = world.client("institute").get(f"/api/challenges/{challenge.pk}/").json()["viewer"]
    assert (after["terms_accepted"], after["can_bid"], after["can_accept_terms"]) == (True, True, False)


def test_re_sending_the_same_deadline_from_a_browser_is_not_moving_it_earlier(world, published):
    in_milliseconds = published.bid_deadline.isoformat(timespec="milliseconds")

    response = world.client("owner").patch(
        f"/api/challenges/{published.pk}/", {"bid_deadline": in_milliseconds, "summary": "补充"}, format="json"
    )

    assert response.status_code == 200, response.json()
