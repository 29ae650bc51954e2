from collections import Counter

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


def test_seed_demo_gives_matching_real_choices_in_every_industry_chain(db):
    from django.db.models import Count

    from marketplace.models import IndustryChain

    call_command("seed_demo")

    per_chain = Counter()
    for model in (Challenge, Need, Capability):
        per_chain.update(dict(model.objects.values_list("industry__code").annotate(n=Count("id"))))
    assert sum(per_chain.values()) >= 150
    assert all(per_chain[code] >= 9 for code in IndustryChain.objects.values_list("code", flat=True)), per_chain
    assert set(Bid.objects.values_list("status", flat=True)) == set(Bid.Status.values)


def test_open_challenges_close_in_the_future_and_the_others_closed_in_the_past(db):
    from django.utils import timezone

    call_command("seed_demo")

    now = timezone.now()
    for challenge in Challenge.objects.exclude(status="draft"):
        assert (challenge.bid_deadline > now) == (challenge.status == "published"), challenge.title
        assert all(t.at <= now for t in challenge.transitions.all()), challenge.title


def test_every_demo_challenge_has_a_history_that_ends_in_its_status(db):
    call_command("seed_demo")

    for challenge in Challenge.objects.all():
        assert challenge.transitions.last().to_status == challenge.status, challenge.title


def test_generate_scale_data_creates_the_requested_volumes(db):
    call_command("generate_scale_data", organisations=6, challenges=30, needs=20, capabilities=120, batch_size=50)

    assert Challenge.objects.count() == 30 and Need.objects.count() == 20 and Capability.objects.count() == 120
    assert Challenge.objects.filter(mode="saima", max_winners=3).count() == 6
    assert not Capability.objects.filter(organisation__kind="enterprise").exists()


def test_the_demo_consortium_partners_have_answered_in_every_way_and_the_first_one_accepted(db):
    # (was: every partner has accepted; the demo now has invitations pending and declined too)
    from marketplace.models import BidPartner

    call_command("seed_demo")

    links = BidPartner.objects.all()
    assert set(links.values_list("state", flat=True)) == set(BidPartner.State.values)
    first = links.get(
        bid__challenge__title="高安全动力电池陶瓷涂覆隔膜研发", organisation__name="上海智能制造研究所（演示）"
    )
    assert first.state == BidPartner.State.ACCEPTED


def test_the_demo_gives_the_computed_targets_and_the_volume_by_qualification_real_figures(db):
    from django.utils import timezone

    from accounts.models import InnovationConsortium, Qualification, User
    from dashboard.models import PolicyTarget
    from dashboard.targets import target_computed, volume_by_qualification

    call_command("seed_demo")
    before = (Qualification.objects.count(), InnovationConsortium.objects.count())
    call_command("seed_demo")

    assert (Qualification.objects.count(), InnovationConsortium.objects.count()) == before
    assert set(Qualification.objects.values_list("kind", flat=True)) == set(Qualification.Kind.values)
    value = {t.code: target_computed(t).count for t in PolicyTarget.objects.filter(code__in=COMPUTED_CODES)}
    assert value["key_research_projects"] >= 3 and value["landmark_achievements"] >= 2
    assert 0 < value["innovation_consortia"] < InnovationConsortium.objects.count()  # some leads are no 龙头企业
    assert all(c.key_project_by.is_official for c in Challenge.objects.filter(key_project=True))
    assert not Challenge.objects.exclude(status="accepted").exclude(landmark="").exists()
    kjj = User.objects.get(username="kjj")
    breakdown = volume_by_qualification(viewer=kjj, year=timezone.localdate().year)
    either = {item["kind"]: item["either"].deals for item in breakdown["items"]}
    assert all(either[kind] > 0 for kind in Qualification.Kind.values), either
    assert 0 < breakdown["none"].deals < breakdown["total"].deals


COMPUTED_CODES = ("key_research_projects", "landmark_achievements", "innovation_consortia")
