import django_filters

from accounts.models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label="名称包含")

    class Meta:
        model = Organisation
        fields = ["kind", "region", "verification"]
