import django_filters
from django.db.models import F

from marketplace.models import Capability, Challenge, Need


class OrderingFilter(django_filters.ChoiceFilter):
    """`ordering`: one of a whitelist of sort orders, each a list of expressions; the id breaks ties
    so that a page boundary never moves between requests. Absent, the model's own order stands."""

    def __init__(self, orderings: dict[str, tuple[str, list]], **kwargs):
        self.orderings = {value: expressions for value, (_label, expressions) in orderings.items()}
        choices = [(value, label) for value, (label, _expressions) in orderings.items()]
        super().__init__(choices=choices, label="排序", **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*self.orderings[value], "-id")


NEWEST = ("最新发布", [F("created_at").desc()])


def _amount(name: str, field: str, label: str) -> dict[str, tuple[str, list]]:
    """Highest or lowest first; postings that name no amount come last either way."""
    return {
        f"-{name}": (f"{label}从高到低", [F(field).desc(nulls_last=True)]),
        name: (f"{label}从低到高", [F(field).asc(nulls_last=True)]),
    }


class ChallengeFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    bounty_min = django_filters.NumberFilter(field_name="bounty", lookup_expr="gte", label="榜额下限（元）")
    bounty_max = django_filters.NumberFilter(field_name="bounty", lookup_expr="lte", label="榜额上限（元）")
    region = django_filters.CharFilter(field_name="organisation__region", label="发榜机构所在地区")
    ordering = OrderingFilter(
        {
            "deadline": ("截止时间最近的在前", [F("bid_deadline").asc()]),
            "-deadline": ("截止时间最远的在前", [F("bid_deadline").desc()]),
            **_amount("bounty", "bounty", "榜额"),
            # A challenge is new when it is published; the viewer's own drafts follow.
            "newest": ("最新发布", [F("published_at").desc(nulls_last=True), F("created_at").desc()]),
        }
    )

    class Meta:
        model = Challenge
        fields = ["status", "list_type", "mode", "funding_mode", "confidentiality", "organisation"]


class NeedFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    region = django_filters.CharFilter(field_name="organisation__region", label="发布机构所在地区")
    ordering = OrderingFilter({"newest": NEWEST, **_amount("amount", "budget_max", "预算上限")})

    class Meta:
        model = Need
        fields = ["status", "cooperation_type", "organisation"]


class CapabilityFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    region = django_filters.CharFilter(field_name="organisation__region", label="机构所在地区")
    trl_min = django_filters.NumberFilter(field_name="trl", lookup_expr="gte", label="TRL 下限")
    trl_max = django_filters.NumberFilter(field_name="trl", lookup_expr="lte", label="TRL 上限")
    ordering = OrderingFilter({"newest": NEWEST, **_amount("amount", "price_max", "报价上限")})

    class Meta:
        model = Capability
        fields = ["status", "kind", "organisation"]
