from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from marketplace.models import Bid, BidPartner, Capability, Challenge, IndustryChain, Need
from tests.factories.accounts import OrganisationFactory, UserFactory


def industry(code: str = "new_energy_vehicle") -> IndustryChain:
    return IndustryChain.objects.get(code=code)


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    organisation = factory.SubFactory(OrganisationFactory)
    created_by = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "高安全动力电池陶瓷涂覆隔膜研发"
    summary = "攻关高耐热、低收缩的涂覆隔膜，提升动力电池安全性。"
    description = "现有聚烯烃隔膜在150℃下热收缩明显，易引发热失控。需开发陶瓷涂覆隔膜并完成中试验证。"
    industry = factory.LazyFunction(industry)
    list_type = Challenge.ListType.SUBSTITUTION
    indicators = factory.LazyFunction(lambda: [{"name": "150℃热收缩率", "target": "≤2", "unit": "%"}])
    keywords = factory.LazyFunction(lambda: ["隔膜", "陶瓷涂覆"])
    bounty = Decimal("3000000.00")
    funding_mode = Challenge.FundingMode.ENTERPRISE
    mode = Challenge.Mode.JIEBANG
    max_winners = 1
    bid_deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    status = Challenge.Status.DRAFT

    @factory.lazy_attribute
    def published_at(self):
        return None if self.status == Challenge.Status.DRAFT else timezone.now()


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    organisation = factory.SubFactory(OrganisationFactory)
    created_by = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "猪场臭味被村民投诉，想尽快把味道降下来"
    description = "存栏5000头的生猪养殖场，氨气和硫化氢气味扩散到周边村庄，需要低成本的除臭方案。"
    industry = factory.LazyFunction(lambda: industry("green_energy"))
    cooperation_type = "service"
    budget_min = Decimal("200000.00")
    budget_max = Decimal("500000.00")
    status = Need.Status.OPEN


class CapabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capability

    organisation = factory.SubFactory(OrganisationFactory, kind="institute")
    created_by = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "勃姆石陶瓷涂覆隔膜制备技术"
    description = "掌握水性陶瓷浆料配方与微凹版涂布工艺，隔膜150℃热收缩率低于2%，已完成中试。"
    industry = factory.LazyFunction(industry)
    trl = 6
    cooperation_types = factory.LazyFunction(lambda: ["development", "license"])
    status = Capability.Status.PUBLISHED


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid
        skip_postgeneration_save = True  # `partners` writes its own rows

    challenge = factory.SubFactory(ChallengeFactory, status=Challenge.Status.PUBLISHED)
    organisation = factory.SubFactory(OrganisationFactory, kind="institute")
    created_by = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..organisation"))
    proposal = "采用勃姆石陶瓷涂层与芳纶复合，兼顾耐热与透气。"
    approach = "浆料配方优化—涂布工艺—中试线验证—装车测试。"
    price = Decimal("2800000.00")
    duration_days = 540
    milestones = factory.LazyFunction(lambda: [{"title": "小试样品", "due_day": 120, "deliverable": "样品"}])

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        """BidFactory(partners=[org, ...], partners__state="accepted"): consortium partners, pending by default."""
        if create and extracted:
            state = kwargs.get("state", BidPartner.State.PENDING)
            BidPartner.objects.bulk_create([BidPartner(bid=self, organisation=org, state=state) for org in extracted])
