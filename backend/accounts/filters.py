import django_filters
from django.db.models import Q

from accounts.models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="name_or_uscc", label="名称包含，或统一社会信用代码")

    class Meta:
        model = Organisation
        fields = ["kind", "region", "verification"]

    def name_or_uscc(self, queryset, name, value):
        # People look for their organisation by a part of its name, or paste the code from the licence.
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(uscc=value.upper())) if value else queryset
