"""Consortium partners join by consent: who may be named, what a partner sees before and after
answering, and when the bid counts (marketplace.services, "consortia")."""

import pytest

from accounts.models import Organisation
from marketplace.models import Bid, BidPartner, Challenge
from notifications.models import Notification
from tests.backend.marketplace.payloads import bid_body
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ChallengeFactory

C = Challenge.Confidentiality


def bids_url(challenge) -> str:
    return f"/api/challenges/{challenge.pk}/bids/"


def submit(world, challenge, *partners: str, role: str = "institute", **extra):
    body = bid_body(partners=[{"organisation": world.orgs[p].pk, "role": "中试放大"} for p in partners], **extra)
    return world.client(role).post(bids_url(challenge), body, format="json")


def answer(world, bid_id: int, decision: str, role: str = "other_enterprise"):
    return world.client(role).post(f"/api/bids/{bid_id}/partners/{decision}/")


@pytest.fixture
def invitation_only(world) -> Challenge:
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.PUBLISHED,
        confidentiality=C.INVITATION_ONLY,
        title="定向邀请：固态电解质界面改性",
        summary="仅限受邀机构",
    )
    challenge.invited.add(world.orgs["institute"])
    return challenge


# --- who may be named ---------------------------------------------------------------------------


def test_an_uninvited_organisation_cannot_be_named_on_an_invitation_only_challenge(world, invitation_only):
    response = submit(world, invitation_only, "other_enterprise")

    assert response.status_code == 400, response.json()
    assert response.json()["extra"] == {"field": "partners", "organisations": [world.orgs["other_enterprise"].pk]}
    assert not Bid.objects.exists()
    assert world.client("other_enterprise").get("/api/bids/").json()["results"] == []


def test_an_invited_organisation_can_be_named_on_an_invitation_only_challenge(world, invitation_only):
    invitation_only.invited.add(world.orgs["other_enterprise"])

    assert submit(world, invitation_only, "other_enterprise").status_code == 201


@pytest.mark.parametrize("partner", ["operator", "official", "owner", "unverified_institute"])
def test_the_operator_a_government_body_the_owner_and_the_unverified_cannot_be_partners(world, published, partner):
    response = submit(world, published, partner)

    assert response.status_code == 400, response.json()
    body = response.json()
    assert body["code"] == "invalid" and body["extra"]["field"] == "partners"
    assert world.orgs[partner].name in body["detail"]
    assert not Bid.objects.exists()


def test_a_competing_bidder_cannot_be_named_and_the_reason_stays_private(world, published):
    assert submit(world, published, role="other_enterprise").status_code == 201

    response = submit(world, published, "other_enterprise")

    assert response.status_code == 400
    assert response.json()["detail"] == (
        "以下机构不能作为联合体成员：德清北斗时空信息科技有限公司（不能参加本榜单的揭榜（未受邀，或已参加本榜单的其他揭榜申请））"
    )


def test_an_organisation_is_in_one_consortium_per_challenge(world, published):
    second_lead = world.orgs["unverified_institute"]
    second_lead.verification = Organisation.Verification.VERIFIED
    second_lead.save()
    assert submit(world, published, "other_enterprise").status_code == 201

    response = submit(world, published, "other_enterprise", role="unverified_institute")

    assert response.status_code == 400 and response.json()["extra"]["field"] == "partners"


def test_a_named_partner_cannot_bid_alone_until_it_declines(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    alone = submit(world, published, role="other_enterprise")
    answer(world, bid_id, "decline")
    after_declining = submit(world, published, role="other_enterprise")

    assert alone.status_code == 409 and "请先拒绝邀请" in alone.json()["detail"]
    assert after_declining.status_code == 201
    state = world.client("other_enterprise").get(f"/api/challenges/{published.pk}/").json()["viewer"]
    assert state["has_live_bid"] is True and state["can_bid"] is False


def test_a_named_partner_is_told_it_cannot_bid_alone(world, published):
    submit(world, published, "other_enterprise")

    state = world.client("other_enterprise").get(f"/api/challenges/{published.pk}/").json()["viewer"]

    assert state["can_bid"] is False and state["has_live_bid"] is False


# --- what a partner sees ------------------------------------------------------------------------


def test_a_pending_partner_sees_a_minimal_invitation_and_not_the_bid(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]
    partner = world.client("other_enterprise")

    invitations = partner.get("/api/bids/invitations/").json()

    assert partner.get("/api/bids/").json()["results"] == []
    assert partner.get(bids_url(published)).json() == []
    assert invitations == [
        {
            "bid": bid_id,
            "lead": {
                "id": world.orgs["institute"].pk,
                "name": "湖州南太湖新能源材料研究院",
                "kind": "institute",
                "region": "nantaihu",
                "verification": "verified",
            },
            "role": "中试放大",
            "state": "pending",
            "state_label": "待确认",
            "invited_at": invitations[0]["invited_at"],
            "decided_at": None,
            "challenge": {"id": published.pk, "title": published.title},
        }
    ]
    assert bid_body()["proposal"] not in partner.get("/api/bids/invitations/").content.decode()


def test_an_invitation_shows_no_challenge_the_partner_may_not_see(world, invitation_only):
    invitation_only.invited.add(world.orgs["other_enterprise"])
    bid_id = submit(world, invitation_only, "other_enterprise").json()["id"]
    invitation_only.invited.remove(world.orgs["other_enterprise"])  # the owner withdrew the invitation
    partner = world.client("other_enterprise")

    invitations = partner.get("/api/bids/invitations/").content.decode()
    accepted = answer(world, bid_id, "accept")

    assert '"challenge":null' in invitations.replace(" ", "") and invitation_only.title not in invitations
    assert accepted.status_code == 409
    assert partner.get("/api/bids/").json()["results"] == []


def test_an_accepted_partner_sees_the_bid_and_the_lead_sees_its_state(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    accepted = answer(world, bid_id, "accept")

    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted" and accepted.json()["decided_at"]
    mine = world.client("other_enterprise").get("/api/bids/").json()["results"]
    assert [b["id"] for b in mine] == [bid_id] and mine[0]["proposal"] == bid_body()["proposal"]
    assert world.client("other_enterprise").get(bids_url(published)).json()[0]["id"] == bid_id
    assert world.client("other_enterprise").get("/api/bids/invitations/").json() == []
    lead_view = world.client("institute").get("/api/bids/").json()["results"][0]["partners"]
    assert [(p["organisation"]["name"], p["state"]) for p in lead_view] == [
        ("德清北斗时空信息科技有限公司", "accepted")
    ]
    link = BidPartner.objects.get()
    assert link.decided_by == world.users["other_enterprise"]


def test_a_declined_partner_leaves_the_consortium_and_the_bid_stands(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    declined = answer(world, bid_id, "decline")

    assert declined.status_code == 200 and declined.json()["state"] == "declined"
    assert world.client("other_enterprise").get("/api/bids/").json()["results"] == []
    assert world.client("other_enterprise").get(bids_url(published)).json() == []
    owner_view = world.client("owner").get(bids_url(published)).json()[0]
    assert owner_view["partners"][0]["state"] == "declined"
    assert world.client("owner").post(f"{bids_url(published)}{bid_id}/shortlist/").status_code == 200


# --- when the bid counts ------------------------------------------------------------------------


def test_a_bid_with_a_pending_partner_can_be_neither_shortlisted_nor_awarded(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]
    owner = world.client("owner")

    shortlisted = owner.post(f"{bids_url(published)}{bid_id}/shortlist/")
    awarded = owner.post(f"/api/challenges/{published.pk}/award/", {"bids": [bid_id]}, format="json")

    assert shortlisted.status_code == 409 and "尚未全部确认" in shortlisted.json()["detail"]
    assert awarded.status_code == 409 and awarded.json()["extra"]["bids"] == [bid_id]
    assert Challenge.objects.get(pk=published.pk).status == Challenge.Status.PUBLISHED  # the failed award rolled back
    answer(world, bid_id, "accept")
    assert owner.post(f"{bids_url(published)}{bid_id}/shortlist/").json()["status"] == "shortlisted"


# --- who answers, and once ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["institute", "owner", "operator", "official", "unverified_institute"])
def test_only_a_member_of_the_partner_can_answer(world, published, role):
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    assert answer(world, bid_id, "accept", role=role).status_code == 404
    assert BidPartner.objects.get().state == BidPartner.State.PENDING


def test_an_invitation_is_answered_once_and_not_after_the_bid_is_withdrawn(world, published):
    first = submit(world, published, "other_enterprise").json()["id"]
    answer(world, first, "accept")
    again = answer(world, first, "decline")
    world.client("institute").post(f"{bids_url(published)}{first}/withdraw/")
    second = submit(world, published, "other_enterprise", price="4000000.00").json()["id"]
    world.client("institute").post(f"{bids_url(published)}{second}/withdraw/")

    assert again.status_code == 409
    assert answer(world, second, "accept").status_code == 409
    assert world.client("other_enterprise").get("/api/bids/invitations/").json() == []


def test_accepting_checks_eligibility_again(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]
    org = world.orgs["other_enterprise"]
    org.verification = Organisation.Verification.REJECTED
    org.save()

    response = answer(world, bid_id, "accept")

    assert response.status_code == 409 and response.json()["detail"] == "机构尚未通过认证"


# --- notifications --------------------------------------------------------------------------------


def test_the_partner_is_invited_and_the_lead_hears_the_answer(world, published):
    colleague = UserFactory(organisation=world.orgs["other_enterprise"], username="partner-colleague")
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    invites = Notification.objects.filter(kind="consortium_invite")
    assert set(invites.values_list("recipient__username", flat=True)) == {"other_enterprise", "partner-colleague"}
    note = invites.get(recipient=colleague)
    assert (note.posting_kind, note.posting_id, note.score) == ("bid", bid_id, None)
    assert note.title == "湖州南太湖新能源材料研究院邀请贵机构加入揭榜联合体"
    assert published.title in note.body and "中试放大" in note.body and bid_body()["proposal"] not in note.body

    answer(world, bid_id, "decline")

    told = Notification.objects.get(kind="consortium_declined")
    assert told.recipient == world.users["institute"] and told.title == "德清北斗时空信息科技有限公司已拒绝加入联合体"
    listed = world.client("institute").get("/api/notifications/").json()["results"]
    assert listed[0]["kind"] == "consortium_declined" and listed[0]["score"] is None


def test_accepting_tells_the_lead(world, published):
    bid_id = submit(world, published, "other_enterprise").json()["id"]

    answer(world, bid_id, "accept")

    assert Notification.objects.get(kind="consortium_accepted").recipient == world.users["institute"]
