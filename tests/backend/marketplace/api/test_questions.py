"""答疑, the one deadline extension and 邀请揭榜: who may do what, who reads what, who is told."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.models import Challenge, ChallengeTransition
from notifications.models import Notification
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.marketplace import BidFactory, ChallengeFactory

K = Notification.Kind


def url(challenge, tail=""):
    return f"/api/challenges/{challenge.pk}/{tail}"


def ask(world, role, challenge, text="隔膜耐热指标如何考核？"):
    return world.client(role).post(url(challenge, "questions/"), {"text": text}, format="json")


def answer(world, role, challenge, question_id, *, public, text="按 150℃/1h 考核。"):
    return world.client(role).post(
        url(challenge, f"questions/{question_id}/answer/"), {"answer": text, "public": public}, format="json"
    )


def listed(world, role, challenge):
    response = world.client(role).get(url(challenge, "questions/"))
    assert response.status_code == 200, response.data
    return response.data


def invitation_only(world) -> Challenge:
    return ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.PUBLISHED,
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY,
    )


@pytest.fixture
def rival(world, published):
    """A second verified institute that bids on the challenge."""
    org = OrganisationFactory(kind="institute", name="浙江大学湖州研究院")
    user = UserFactory(organisation=org, username="rival")
    BidFactory(challenge=published, organisation=org, created_by=user)
    world.orgs["rival"], world.users["rival"] = org, user
    return org


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("owner", 403),
        ("other_enterprise", 201),
        ("institute", 201),
        ("unverified_institute", 403),
        ("official", 403),
        ("operator", 403),
    ],
)
def test_who_may_ask(world, published, role, expected):
    assert ask(world, role, published).status_code == expected


def test_the_owner_is_told_of_a_question(world, published):
    question = ask(world, "institute", published).data
    notice = Notification.objects.get(kind=K.QUESTION_ASKED)
    assert notice.recipient == world.users["owner"]
    assert notice.about_id == question["id"] and notice.posting_id == published.pk


def test_a_private_answer_is_read_by_the_asker_only(world, published, rival):
    qid = ask(world, "institute", published).data["id"]
    assert answer(world, "owner", published, qid, public=False).status_code == 200

    mine = listed(world, "institute", published)["results"]
    assert [(q["answer"], q["mine"], q["asker"]) for q in mine] == [("按 150℃/1h 考核。", True, None)]
    assert listed(world, "rival", published)["results"] == []
    assert listed(world, "anonymous", published)["results"] == []
    owner_view = listed(world, "owner", published)
    assert owner_view["results"][0]["asker"] == world.orgs["institute"].name
    assert owner_view["unanswered"] == 0
    told = Notification.objects.filter(kind=K.QUESTION_ANSWERED).values_list("recipient__username", flat=True)
    assert list(told) == ["institute"]


def test_a_public_answer_is_read_by_every_reader_without_the_asker(world, published, rival):
    qid = ask(world, "other_enterprise", published).data["id"]
    assert listed(world, "owner", published)["unanswered"] == 1
    assert answer(world, "owner", published, qid, public=True).status_code == 200

    for role in ("anonymous", "rival", "institute"):
        results = listed(world, role, published)["results"]
        assert [(q["text"], q["asker"], q["mine"]) for q in results] == [("隔膜耐热指标如何考核？", None, False)]
    told = set(Notification.objects.filter(kind=K.QUESTION_ANSWERED).values_list("recipient__username", flat=True))
    assert told == {"other_enterprise", "rival"}  # the asker and the bidders


def test_only_the_owner_answers_and_only_once(world, published, rival):
    qid = ask(world, "institute", published).data["id"]
    assert answer(world, "institute", published, qid, public=True).status_code == 403  # the asker reads it
    assert answer(world, "rival", published, qid, public=True).status_code == 404  # others do not
    assert answer(world, "owner", published, qid, public=False).status_code == 200
    assert answer(world, "owner", published, qid, public=True).status_code == 409


def test_invitation_only_challenges_take_questions_from_the_invited_only(world):
    challenge = invitation_only(world)
    challenge.invited.add(world.orgs["institute"])
    assert ask(world, "institute", challenge).status_code == 201
    assert ask(world, "other_enterprise", challenge).status_code == 404  # it cannot see the challenge
    assert listed(world, "institute", challenge)["can_ask"] is True


def test_no_questions_after_the_deadline(world, published):
    Challenge.objects.filter(pk=published.pk).update(bid_deadline=timezone.now() - timedelta(minutes=1))
    assert ask(world, "institute", published).status_code == 409
    assert listed(world, "institute", published)["can_ask"] is False


# --- the deadline extension ------------------------------------------------------------------


def extend(world, role, challenge, *, days=14, reason="答疑后补充了测试条件"):
    deadline = challenge.bid_deadline + timedelta(days=days)
    return world.client(role).post(
        url(challenge, "extend-deadline/"), {"bid_deadline": deadline.isoformat(), "reason": reason}, format="json"
    )


def test_the_owner_extends_once_with_the_reason_in_the_history(world, published, rival):
    ask(world, "other_enterprise", published)
    before = published.bid_deadline
    response = extend(world, "owner", published)
    assert response.status_code == 200, response.data
    published.refresh_from_db()
    assert published.bid_deadline == before + timedelta(days=14)
    entry = published.transitions.last()
    assert (entry.from_status, entry.to_status, entry.by) == ("published", "published", world.users["owner"])
    assert entry.reason.startswith("答疑后补充了测试条件（")
    assert entry.by_role == ChallengeTransition.ActorRole.OWNER
    told = set(Notification.objects.filter(kind=K.DEADLINE_EXTENDED).values_list("recipient__username", flat=True))
    assert told == {"rival", "other_enterprise"}  # the bidders and those who asked

    again = extend(world, "owner", published, days=20)
    assert again.status_code == 409
    assert "一次" in again.data["detail"]


@pytest.mark.parametrize("role", ["institute", "other_enterprise", "official"])
def test_only_the_owner_extends(world, published, role):
    assert extend(world, role, published).status_code == 403


def test_the_new_deadline_must_be_later(world, published):
    assert extend(world, "owner", published, days=-1).status_code == 400


# --- invitations from the recommendations ---------------------------------------------------


def invite(world, role, challenge, org_key="institute"):
    return world.client(role).post(
        url(challenge, "invitations/"), {"organisation": world.orgs[org_key].pk}, format="json"
    )


def test_invite_tells_the_organisation_and_refuses_a_duplicate(world, published):
    response = invite(world, "owner", published)
    assert response.status_code == 201, response.data
    notice = Notification.objects.get(kind=K.CHALLENGE_INVITED)
    assert notice.recipient == world.users["institute"] and notice.posting_id == published.pk
    again = invite(world, "owner", published)
    assert again.status_code == 409
    assert again.data["detail"] == "已邀请过该机构"


def test_invite_adds_to_an_invitation_only_list(world):
    challenge = invitation_only(world)
    challenge.invited.add(world.orgs["other_enterprise"])
    assert invite(world, "owner", challenge).status_code == 201
    assert challenge.invited.filter(pk=world.orgs["institute"].pk).exists()
    assert world.client("institute").get(url(challenge)).status_code == 200


@pytest.mark.parametrize(("org_key", "expected"), [("unverified_institute", 400), ("official", 400), ("owner", 400)])
def test_invite_refuses_who_cannot_bid(world, published, org_key, expected):
    assert invite(world, "owner", published, org_key).status_code == expected


@pytest.mark.parametrize("role", ["institute", "other_enterprise", "official"])
def test_only_the_owner_invites(world, published, role):
    assert (
        invite(world, role, published, "other_enterprise" if role != "other_enterprise" else "institute").status_code
        == 403
    )
