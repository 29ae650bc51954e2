from django.core.management import call_command

from accounts.models import Organisation, User
from marketplace.models import Bid, Capability, Challenge, Need


def counts():
    return {m.__name__: m.objects.count() for m in (Organisation, User, Challenge, Need, Capability, Bid)}


def test_seed_demo_fills_a_browsable_marketplace_and_is_idempotent(db):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")

    assert counts() == first
    assert first["Challenge"] >= 7 and first["Capability"] >= 14 and first["Need"] >= 7 and first["Bid"] >= 5
    statuses = set(Challenge.objects.values_list("status", flat=True))
    assert {"draft", "published", "closed", "awarded", "in_progress"} <= statuses
    assert set(Challenge.objects.values_list("mode", flat=True)) == {"jiebang", "saima"}
    assert set(Challenge.objects.values_list("confidentiality", flat=True)) == {
        "public",
        "summary_only",
        "invitation_only",
    }
    assert Organisation.objects.filter(verification="unverified").count() == 1
    assert len(set(Organisation.objects.values_list("region", flat=True))) >= 6


def test_every_demo_challenge_has_a_history_that_ends_in_its_status(db):
    call_command("seed_demo")

    for challenge in Challenge.objects.all():
        assert challenge.transitions.last().to_status == challenge.status, challenge.title


def test_generate_scale_data_creates_the_requested_volumes(db):
    call_command("generate_scale_data", organisations=6, challenges=30, needs=20, capabilities=120, batch_size=50)

    assert Challenge.objects.count() == 30 and Need.objects.count() == 20 and Capability.objects.count() == 120
    assert Challenge.objects.filter(mode="saima", max_winners=3).count() == 6
    assert not Capability.objects.filter(organisation__kind="enterprise").exists()


def test_the_demo_consortium_partners_have_accepted(db):
    from marketplace.models import BidPartner

    call_command("seed_demo")

    links = BidPartner.objects.all()
    assert links.exists() and set(links.values_list("state", flat=True)) == {BidPartner.State.ACCEPTED}
