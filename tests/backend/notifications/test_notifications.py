from datetime import timedelta

from django.core import mail
from django.utils import timezone

from indexing.services import index_now
from marketplace import services
from marketplace.models import Challenge
from notifications.models import EmailPreference, Notification
from notifications.services import digests_send, notify_matches
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import CapabilityFactory, ChallengeFactory


def separator_capability(world):
    capability = CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"])
    index_now(posting=capability)
    return capability


def unrelated_capability(world):
    capability = CapabilityFactory(
        organisation=world.orgs["unverified_institute"],
        created_by=world.users["unverified_institute"],
        title="生猪养殖场臭气生物滤池除臭",
        description="生物滤池降解氨气和硫化氢，除臭效率90%以上。",
    )
    index_now(posting=capability)
    return capability


def test_publishing_a_challenge_notifies_the_institutes_whose_capabilities_fit_it(
    world, draft, django_capture_on_commit_callbacks
):
    separator_capability(world)
    unrelated_capability(world)
    colleague = UserFactory(organisation=world.orgs["institute"], username="institute-colleague")
    draft.title, draft.description = (
        "高安全动力电池陶瓷涂覆隔膜研发",
        "现有聚烯烃隔膜在150℃下热收缩明显，需开发陶瓷涂覆隔膜。",
    )
    draft.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_publish(challenge=draft, by=world.users["owner"])

    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"institute", "institute-colleague"}
    note = Notification.objects.get(recipient=colleague)
    assert (note.kind, note.posting_kind, note.posting_id) == ("new_challenge", "challenge", draft.pk)
    assert note.score >= 0.90 and "勃姆石陶瓷涂覆隔膜制备技术" in note.body


def test_one_notice_per_posting_and_recipient_lists_every_fitting_capability(world, published):
    """The finding: a recipient got the same challenge once per matching capability."""
    separator_capability(world)
    second = CapabilityFactory(
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        title="动力电池陶瓷涂覆隔膜耐热改性",
        description=published.description,
    )
    index_now(posting=second)

    assert notify_matches(kind="challenge", posting_id=published.pk) == 1
    note = Notification.objects.get()
    assert "勃姆石陶瓷涂覆隔膜制备技术" in note.body and "动力电池陶瓷涂覆隔膜耐热改性" in note.body
    assert notify_matches(kind="challenge", posting_id=published.pk) == 0


def test_notifying_twice_creates_nothing_new(world, published):
    separator_capability(world)

    first = notify_matches(kind="challenge", posting_id=published.pk)

    assert first == 1 and notify_matches(kind="challenge", posting_id=published.pk) == 0


def test_an_invitation_only_challenge_is_announced_to_the_invited_only(world):
    separator_capability(world)
    hidden = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY,
    )

    assert notify_matches(kind="challenge", posting_id=hidden.pk) == 0
    hidden.invited.add(world.orgs["institute"])
    assert notify_matches(kind="challenge", posting_id=hidden.pk) == 1


def test_a_confidential_challenge_is_announced_by_its_public_summary_only(world):
    separator_capability(world)
    secret = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        confidentiality=Challenge.Confidentiality.SUMMARY_ONLY,
        description="现有聚烯烃隔膜热收缩明显，拟采用配方KX-7的陶瓷涂覆隔膜。",
    )

    notify_matches(kind="challenge", posting_id=secret.pk)

    assert all("KX-7" not in n.body for n in Notification.objects.all())


def test_a_new_capability_is_offered_to_the_enterprises_whose_challenge_it_fits(world, published):
    index_now(posting=published)
    capability = CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"])

    assert notify_matches(kind="capability", posting_id=capability.pk) == 1
    note = Notification.objects.get()
    assert (note.recipient, note.kind, note.about_id) == (world.users["owner"], "new_capability", published.pk)


def test_the_api_counts_unread_and_marks_read(world, published):
    separator_capability(world)
    notify_matches(kind="challenge", posting_id=published.pk)
    client = world.client("institute")

    assert client.get("/api/notifications/unread-count/").json() == {"unread": 1}
    note_id = client.get("/api/notifications/").json()["results"][0]["id"]
    assert world.client("owner").post(f"/api/notifications/{note_id}/read/").status_code == 404  # not theirs
    assert client.post(f"/api/notifications/{note_id}/read/").json()["read"] is True
    assert client.get("/api/notifications/unread-count/").json() == {"unread": 0}


def test_the_digest_goes_out_at_most_once_a_day_with_an_unsubscribe_link(world, published):
    separator_capability(world)
    world.users["institute"].email = "lab@example.cn"
    world.users["institute"].save()
    notify_matches(kind="challenge", posting_id=published.pk)
    now = timezone.now()

    assert digests_send(now=now) == 1
    second = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        title="动力电池隔膜耐热涂层",
    )
    notify_matches(kind="challenge", posting_id=second.pk)
    assert digests_send(now=now + timedelta(hours=3)) == 0
    assert digests_send(now=now + timedelta(hours=25)) == 1

    assert len(mail.outbox) == 2
    assert published.title in mail.outbox[0].body and "unsubscribe/?token=" in mail.outbox[0].body
    assert "新榜单与您的能力匹配（1）" in mail.outbox[0].body  # grouped by kind, with no raw score
    assert "匹配度" not in mail.outbox[0].body
    assert mail.outbox[0].to == ["lab@example.cn"]


def test_the_unsubscribe_link_stops_the_digest(world, published, api_client):
    separator_capability(world)
    world.users["institute"].email = "lab@example.cn"
    world.users["institute"].save()
    notify_matches(kind="challenge", posting_id=published.pk)
    token = EmailPreference.objects.get_or_create(user=world.users["institute"])[0].unsubscribe_token

    response = api_client.get(f"/api/notifications/unsubscribe/?token={token}")
    bad = api_client.get("/api/notifications/unsubscribe/?token=nope")

    assert response.status_code == 200 and bad.status_code == 404
    assert digests_send() == 0 and mail.outbox == []
