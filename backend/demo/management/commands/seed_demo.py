import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Grant, Organisation, User
from accounts.services import grant_add, organisation_verify
from accounts.uscc import uscc_check_char
from deals.models import Deal
from demo import build, ledger, qualifications
from demo import originals as demo
from marketplace import services
from marketplace.models import Bid, Capability, Challenge, ChallengeTransition, IndustryChain, Need


class Command(BaseCommand):
    help = (
        "Load the demo marketplace (organisations, users, challenges, needs, capabilities, bids, and two years "
        "of technology contracts). Idempotent. Run `reindex` afterwards (make run does) to index the postings."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # One hash for every demo account: hashing is slow on purpose (0.4 s each on two cores).
        self.password_hash = make_password(demo.DEMO_PASSWORD)
        users = self._organisations()
        industries = {i.code: i for i in IndustryChain.objects.all()}
        created = {"capabilities": 0, "needs": 0, "challenges": 0, "contracts": 0}
        for key, title, industry, kind, trl, description, keywords, patents in demo.CAPABILITIES:
            if not Capability.objects.filter(organisation=users[key].organisation, title=title).exists():
                services.capability_create(
                    by=users[key],
                    publish=True,
                    title=title,
                    description=description,
                    industry=industries[industry],
                    kind=kind,
                    trl=trl,
                    keywords=keywords,
                    patents=patents,
                    cooperation_types=["development", "transfer", "license"],
                    team="教授、副教授与博士研究生组成的攻关团队",
                )
                created["capabilities"] += 1
        for key, title, industry, cooperation, low, high, description, keywords in demo.NEEDS:
            if not Need.objects.filter(organisation=users[key].organisation, title=title).exists():
                services.need_create(
                    by=users[key],
                    publish=True,
                    title=title,
                    description=description,
                    industry=industries[industry],
                    cooperation_type=cooperation,
                    budget_min=Decimal(low),
                    budget_max=Decimal(high),
                    keywords=keywords,
                )
                created["needs"] += 1
        for row in demo.CHALLENGES:
            if self._challenge(row, users, industries):
                created["challenges"] += 1
        users = build.organisations_add(users=users, operator=users["operator"], password_hash=self.password_hash)
        for kind, n in build.postings_add(users=users).items():
            created[kind] += n
        if not Deal.objects.filter(note=ledger.NOTE).exists():  # the ledger is written once
            created["contracts"] = self._ledger(users, industries)
        created |= qualifications.add(users=users)  # reads the ledger's parties
        self.stdout.write(
            self.style.SUCCESS(
                "demo data: "
                + ", ".join(f"{n} new {what}" for what, n in created.items())
                + f"; log in as any of {', '.join(sorted(users))} with password {demo.DEMO_PASSWORD}"
            )
        )

    def _organisations(self) -> dict[str, User]:
        users = {}
        operator = None
        for key, name, kind, institute_type, region, first17 in demo.ORGANISATIONS:
            province, city = demo.OUTSIDE.get(key, ("", ""))
            org, _ = Organisation.objects.update_or_create(
                uscc=first17 + uscc_check_char(first17),
                defaults={
                    "name": name,
                    "kind": kind,
                    "institute_type": institute_type,
                    "region": region,
                    "province": province,
                    "city": city,
                },
            )
            org.full_clean()
            user, new = User.objects.get_or_create(
                username=key, defaults={"organisation": org, "org_role": User.Role.ADMIN}
            )
            if new:
                user.password = self.password_hash
                if kind == Organisation.Kind.OPERATOR:
                    user.is_staff = user.is_superuser = True
                user.save()
            if kind == Organisation.Kind.OPERATOR:
                operator = user
            users[key] = user
        for key, user in users.items():
            if key != "unverified" and not user.organisation.is_verified:
                organisation_verify(organisation=user.organisation, by=operator, approved=True, note="演示数据")
        for key, district in demo.OFFICIALS.items():
            if not users[key].grants.filter(power=Grant.Power.OFFICIAL, revoked_at__isnull=True).exists():
                grant_add(
                    user=users[key], power=Grant.Power.OFFICIAL, district=district, by=operator, reason="演示数据"
                )
        return users

    def _challenge(self, row, users, industries) -> bool:
        (
            owner,
            title,
            industry,
            list_type,
            mode,
            winners,
            bounty,
            funding,
            confidentiality,
            status,
            summary,
            description,
            indicators,
            keywords,
        ) = row
        by = users[owner]
        if Challenge.objects.filter(organisation=by.organisation, title=title).exists():
            return False
        bids = [b for b in demo.BIDS if b[0] == title]
        challenge = services.challenge_create(
            by=by,
            title=title,
            summary=summary,
            description=description,
            industry=industries[industry],
            list_type=list_type,
            indicators=indicators,
            keywords=keywords,
            bounty=Decimal(bounty),
            funding_mode=funding,
            mode=mode,
            max_winners=winners,
            bid_deadline=timezone.now() + timezone.timedelta(days=45),
            confidentiality=confidentiality,
            invited=[users[k].organisation for k in ("taihu_lab", "zju_hz")]
            if confidentiality == "invitation_only"
            else [],
        )
        if status == Challenge.Status.DRAFT:
            return True
        services.challenge_publish(challenge=challenge, by=by)
        placed = []
        for _title, bidder, price, days, bid_status, partners in bids:
            bid = services.bid_submit(
                challenge=challenge,
                by=users[bidder],
                partners=[(users[k].organisation, role) for k, role in partners],
                proposal=f"{users[bidder].organisation.name}针对“{title}”的技术方案：以已有中试成果为基础分阶段攻关。",
                approach="方案设计—小试验证—中试放大—应用验证",
                price=Decimal(price),
                duration_days=days,
                milestones=[
                    {"title": "小试验证", "due_day": days // 3, "deliverable": "小试报告"},
                    {"title": "中试与验收", "due_day": days, "deliverable": "中试报告与验收材料"},
                ],
            )
            for link in bid.partner_links.select_related("bid__challenge"):  # every demo partner has said yes
                partner = next(users[k] for k, _role in partners if users[k].organisation_id == link.organisation_id)
                services.bid_partner_accept(link=link, by=partner)
            if bid_status in (Bid.Status.SHORTLISTED,):
                services.bid_shortlist(bid=bid, by=by)
            placed.append((bid, bid_status))
        if status in (Challenge.Status.CLOSED, Challenge.Status.AWARDED, Challenge.Status.IN_PROGRESS):
            services.challenge_close(challenge=challenge, by=by, reason="征集期结束")
        if status in (Challenge.Status.AWARDED, Challenge.Status.IN_PROGRESS):
            winners = [b.pk for b, s in placed if s == Bid.Status.AWARDED]
            services.challenge_award(challenge=challenge, by=by, bid_ids=winners, reason="专家评审推荐")
        if status == Challenge.Status.IN_PROGRESS:
            services.challenge_start(challenge=challenge, by=by)
        if status != Challenge.Status.PUBLISHED:
            self._backdate(challenge, status)
        return True

    def _backdate(self, challenge: Challenge, status: str) -> None:
        """Move a challenge that is no longer open into the past: its deadline has passed and its
        history has the dates of a real process (the services stamp every step "now")."""
        now = timezone.now()
        steps = list(challenge.transitions.order_by("id"))
        rng = random.Random(challenge.title)
        # An award came months before the contract that followed it (demo.originals.DEALS, from the middle of the year).
        deadline = now - timedelta(days=rng.randint(20, 60) if status == Challenge.Status.CLOSED else 200)
        dates = {
            Challenge.Status.DRAFT: deadline - timedelta(days=50),
            Challenge.Status.PUBLISHED: deadline - timedelta(days=47),
            Challenge.Status.CLOSED: deadline,
            Challenge.Status.AWARDED: deadline + timedelta(days=18),
            Challenge.Status.IN_PROGRESS: deadline + timedelta(days=40),
        }
        for step in steps:
            step.at = dates[step.to_status]
        ChallengeTransition.objects.bulk_update(steps, ["at"])
        Challenge.objects.filter(pk=challenge.pk).update(
            bid_deadline=deadline,
            published_at=dates[Challenge.Status.PUBLISHED],
            created_at=dates[Challenge.Status.DRAFT],
        )
        for bid in challenge.bids.all():
            Bid.objects.filter(pk=bid.pk).update(created_at=deadline - timedelta(days=rng.randint(5, 30)))

    def _ledger(self, users: dict[str, User], industries: dict[str, IndustryChain]) -> int:
        today = timezone.localdate()
        rng = random.Random(f"{ledger.SEED}-{today}")
        platform = [u.organisation for u in users.values() if u.organisation.kind in ("enterprise", "institute")]
        parties = ledger.Parties(rng, [o for o in platform if o.is_verified])
        keeper = users["kjj"]
        contracts = ledger.original_contracts(
            demo.DEALS, today=today, users=users, offline=demo.OFFLINE_PARTIES, chains=industries, keeper=keeper
        )
        contracts += ledger.platform_contracts(today=today, rng=rng, parties=parties, keeper=keeper)
        contracts += ledger.offline_contracts(today=today, parties=parties, chains=industries, keeper=keeper)
        ledger.scale(contracts, today=today)
        ledger.registration_numbers(contracts)
        return ledger.write(contracts, registrar=keeper, rng=rng)
