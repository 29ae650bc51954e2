import factory

from accounts.models import Grant, Organisation, Region, User
from accounts.uscc import ALPHABET, uscc_check_char

NAMES = {
    Organisation.Kind.ENTERPRISE: [
        "湖州{}新能源科技有限公司",
        "浙江{}智能装备股份有限公司",
        "长兴{}电池材料有限公司",
        "德清{}地理信息科技有限公司",
    ],
    Organisation.Kind.INSTITUTE: [
        "湖州{}先进材料研究院",
        "浙江{}大学湖州研究院",
        "南太湖{}生物医药研究所",
        "{}新型研发中心",
    ],
    Organisation.Kind.GOVERNMENT: ["湖州市{}科学技术局"],
    Organisation.Kind.OPERATOR: ["湖州{}科技大市场运营中心"],
}


def make_uscc(n: int, *, prefix: str = "91330500") -> str:
    body = "".join(ALPHABET[(n // 31**i) % 31] for i in range(9))
    first17 = prefix + body
    return first17 + uscc_check_char(first17)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.ENTERPRISE
    name = factory.LazyAttributeSequence(lambda o, n: NAMES[o.kind][n % len(NAMES[o.kind])].format(f"第{n}"))
    institute_type = factory.LazyAttribute(
        lambda o: Organisation.InstituteType.RESEARCH_INSTITUTE if o.kind == Organisation.Kind.INSTITUTE else ""
    )
    uscc = factory.Sequence(lambda n: make_uscc(1000 + n))
    region = Region.WUXING
    verification = Organisation.Verification.VERIFIED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    org_role = User.Role.ADMIN
    password = factory.PostGenerationMethodCall("set_password", "Huzhou-2027-keji")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    @factory.post_generation
    def grant(obj, create, extracted, **kwargs):
        """A member of a government body or of the operator gets that kind's power, as the operator
        would grant it; `grant=False` makes one without (the trust-boundary tests), `grant="deqing"`
        limits an official to a district."""
        power = POWER_OF_KIND.get(obj.organisation.kind) if obj.organisation is not None else None
        if create and power and extracted is not False:
            district = extracted if isinstance(extracted, str) else ""
            Grant.objects.create(user=obj, power=power, district=district, reason="测试授权")
            obj.forget_powers()


POWER_OF_KIND = {Organisation.Kind.GOVERNMENT: Grant.Power.OFFICIAL, Organisation.Kind.OPERATOR: Grant.Power.OPERATOR}
