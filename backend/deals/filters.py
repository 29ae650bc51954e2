import django_filters
from django.db.models import Q

from accounts.models import Region
from accounts.places import regions_within
from deals.models import ContractType, Deal, DealOrigin, DealStatus


class DealFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=DealStatus.choices, label="状态")
    contract_type = django_filters.ChoiceFilter(choices=ContractType.choices, label="合同类型")
    origin = django_filters.ChoiceFilter(choices=DealOrigin.choices, label="来源")
    industry = django_filters.CharFilter(field_name="industry__code", label="产业链代码")
    region = django_filters.ChoiceFilter(
        choices=Region.choices, method="filter_region", label="任一方所在地区（区县含其中的功能区）"
    )
    # Bounded: a year outside 1-9999 cannot become a date (a 500), an id beyond 2**63-1 cannot
    # become a database integer (found by tests/fuzz).
    registered_year = django_filters.NumberFilter(
        field_name="registered_on__year", min_value=1, max_value=9999, label="认定登记年度"
    )
    signed_after = django_filters.DateFilter(field_name="signed_on", lookup_expr="gte", label="签订日期起")
    signed_before = django_filters.DateFilter(field_name="signed_on", lookup_expr="lte", label="签订日期止")
    registered_after = django_filters.DateFilter(field_name="registered_on", lookup_expr="gte", label="登记日期起")
    registered_before = django_filters.DateFilter(field_name="registered_on", lookup_expr="lte", label="登记日期止")
    amount_min = django_filters.NumberFilter(
        field_name="technical_amount", lookup_expr="gte", label="技术交易额下限（元）"
    )
    amount_max = django_filters.NumberFilter(
        field_name="technical_amount", lookup_expr="lte", label="技术交易额上限（元）"
    )
    organisation = django_filters.NumberFilter(
        method="filter_organisation", min_value=1, max_value=2**63 - 1, label="一方为该平台机构（id）"
    )
    q = django_filters.CharFilter(method="filter_q", label="合同编号、名称或当事方名称包含")

    class Meta:
        model = Deal
        fields = ["status", "contract_type", "origin", "registry"]

    def filter_region(self, queryset, name, value):
        regions = regions_within(value)  # 德清县 includes 莫干山高新区, as the dashboard counts it
        return queryset.filter(Q(buyer_region__in=regions) | Q(seller_region__in=regions))

    def filter_organisation(self, queryset, name, value):
        return queryset.filter(Q(buyer_organisation_id=value) | Q(seller_organisation_id=value))

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # The title is searched only where the viewer is shown it: a contract from a challenge
        # they may not see (deals.selectors.ledger_for annotates which) must not be found by the
        # challenge's title. Without the annotation, no challenge's contract matches by title.
        shown = (
            Q(origin_disclosed=True)
            if "origin_disclosed" in queryset.query.annotations
            else Q(origin_challenge__isnull=True)
        )
        return queryset.filter(
            Q(contract_number__icontains=value)
            | (Q(title__icontains=value) & shown)
            | Q(buyer_name__icontains=value)
            | Q(seller_name__icontains=value)
        )
