import django_filters

from marketplace.models import Capability, Challenge, Need


class ChallengeFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    bounty_min = django_filters.NumberFilter(field_name="bounty", lookup_expr="gte", label="榜额下限（元）")
    bounty_max = django_filters.NumberFilter(field_name="bounty", lookup_expr="lte", label="榜额上限（元）")
    region = django_filters.CharFilter(field_name="organisation__region", label="发榜机构所在地区")

    class Meta:
        model = Challenge
        fields = ["status", "list_type", "mode", "funding_mode", "confidentiality", "organisation"]


class NeedFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    region = django_filters.CharFilter(field_name="organisation__region", label="发布机构所在地区")

    class Meta:
        model = Need
        fields = ["status", "cooperation_type", "organisation"]


class CapabilityFilter(django_filters.FilterSet):
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    region = django_filters.CharFilter(field_name="organisation__region", label="机构所在地区")
    trl_min = django_filters.NumberFilter(field_name="trl", lookup_expr="gte", label="TRL 下限")
    trl_max = django_filters.NumberFilter(field_name="trl", lookup_expr="lte", label="TRL 上限")

    class Meta:
        model = Capability
        fields = ["status", "kind", "organisation"]
