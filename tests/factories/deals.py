"""Technology contracts made through the ledger's own services, so every factory-made contract
has its ledger entries (the as-of figures read them) exactly as in production."""

from datetime import date
from decimal import Decimal

import factory

from accounts.models import Organisation, User
from deals import services
from deals.models import ContractType, Deal, DealOrigin, DealStatus
from tests.factories.accounts import OrganisationFactory, UserFactory, make_uscc


def ledger_keeper() -> User:
    """The operator who records, registers and voids contracts in tests."""
    user = User.objects.filter(username="ledger-operator").first()
    if user is None:
        org = OrganisationFactory(kind=Organisation.Kind.OPERATOR, name="湖州科技大市场（台账）", institute_type="")
        user = UserFactory(username="ledger-operator", organisation=org)
    return user


class DealFactory(factory.Factory):
    """`DealFactory(registered_on=date(2026, 5, 8))` records and registers; `status="voided"` voids it."""

    class Meta:
        model = Deal

    contract_number = factory.Sequence(lambda n: f"2026330502{n:06d}")
    title = "动力电池陶瓷涂覆隔膜技术开发合同"
    contract_type = ContractType.DEVELOPMENT
    buyer_name = factory.Sequence(lambda n: f"长兴第{n}新能源电池材料有限公司")
    buyer_uscc = factory.Sequence(lambda n: make_uscc(70_000 + n, prefix="91330522"))
    buyer_region = "changxing"
    seller_name = factory.Sequence(lambda n: f"南太湖第{n}先进材料研究院")
    seller_uscc = factory.Sequence(lambda n: make_uscc(90_000 + n, prefix="12330500"))
    seller_region = "nantaihu"
    contract_amount = Decimal("1000000.00")
    technical_amount = factory.LazyAttribute(lambda o: o.contract_amount)
    signed_on = date(2026, 3, 2)
    registered_on = None
    registration_number = factory.LazyAttribute(lambda o: f"DJ-{o.contract_number}" if o.registered_on else "")
    industry = None
    status = None  # derived: registered when registered_on is set; pass "voided" to void afterwards

    @classmethod
    def _create(
        cls,
        model_class,
        *,
        registered_on,
        registration_number,
        status,
        buyer_name,
        buyer_uscc,
        buyer_region,
        seller_name,
        seller_uscc,
        seller_region,
        by=None,
        **kwargs,
    ):
        by = by or ledger_keeper()
        deal = services.deal_record(
            by=by,
            origin=kwargs.pop("origin", DealOrigin.OFFLINE),
            buyer=services.Party(name=buyer_name, uscc=buyer_uscc, region=buyer_region),
            seller=services.Party(name=seller_name, uscc=seller_uscc, region=seller_region),
            **kwargs,
        )
        if registered_on is not None:
            deal = services.deal_register(
                deal=deal, by=by, registration_number=registration_number, registered_on=registered_on
            )
        if status == DealStatus.VOIDED:
            deal = services.deal_void(deal=deal, by=by, reason="测试：合同解除")
        return deal
