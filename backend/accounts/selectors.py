from django.db.models import QuerySet

from accounts.models import Organisation


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.all()
