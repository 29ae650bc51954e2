from datetime import date, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Grant, Organisation, User
from accounts.services import grant_add, organisation_verify
from accounts.uscc import uscc_check_char
from deals import services as deals
from deals.models import DEFAULT_REGISTRY, ContractType, Deal
from marketplace import demo_data as demo
from marketplace import services
from marketplace.models import Bid, Capability, Challenge, IndustryChain, Need


class Command(BaseCommand):
    help = "Load the demo marketplace (organisations, users, challenges, needs, capabilities, bids, contracts). Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
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
        for row in demo.DEALS:
            if self._deal(row, users, industries):
                created["contracts"] += 1
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
                user.set_password(demo.DEMO_PASSWORD)
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
        return True

    def _deal(self, row, users, industries) -> bool:
        """A contract of this year or last, registered at its position in the year (this year: in the
        part that has passed), recorded by the posting's owner when it came from the platform."""
        number, buyer, seller, kind, chain, amount, technical, offset, position, status, origin, ref = row
        today = timezone.localdate()
        year = today.year + offset
        contract_number = f"{year}3305{number.zfill(8)}"
        if Deal.objects.filter(registry=DEFAULT_REGISTRY, contract_number=contract_number).exists():
            return False
        days = (today - date(year, 1, 1)).days if offset == 0 else 364
        registered_on = date(year, 1, 1) + timedelta(days=round(position * days))
        signed_on = registered_on - timedelta(days=10 + int(number) % 5 * 7)
        kjj = users["kjj"]
        parties = {"buyer": self._party(buyer, users), "seller": self._party(seller, users)}
        by, link = kjj, {}
        if origin == "challenge":
            challenge = Challenge.objects.get(organisation=users[buyer].organisation, title=ref)
            by, link, parties = users[buyer], {"challenge": challenge}, {}
        elif origin == "need":
            by, link = users[buyer], {"need": Need.objects.get(organisation=users[buyer].organisation, title=ref)}
            parties.pop("buyer")
        elif origin == "capability":
            by, link = (
                users[seller],
                {"capability": Capability.objects.get(organisation=users[seller].organisation, title=ref)},
            )
            parties.pop("seller")
        industry = industries[chain]
        deal = deals.deal_record(
            by=by,
            contract_number=contract_number,
            signed_on=signed_on,
            origin=origin,
            contract_type=kind,
            contract_amount=Decimal(amount),
            technical_amount=Decimal(technical),
            industry=industry,
            title="" if link else f"{industry.name}关键技术{ContractType(kind).label}合同",
            **parties,
            **link,
        )
        if status in ("registered", "voided"):
            deals.deal_register(
                deal=deal,
                by=kjj,
                registration_number=f"{year}-3305-{number.zfill(4)}",
                registered_on=registered_on,
                reason="演示：材料齐全，认定为技术合同",
            )
        if status == "voided":
            deals.deal_void(deal=deal, by=kjj, reason="演示：双方协商解除合同，撤销认定登记")
        return True

    def _party(self, key, users) -> deals.Party:
        if key in users:
            return deals.Party.of(users[key].organisation)
        name, region, first17 = demo.OFFLINE_PARTIES[key]
        return deals.Party(name=name, uscc=first17 + uscc_check_char(first17), region=region)
