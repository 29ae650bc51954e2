from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


class CountedPagination(StandardPagination):
    """For a queryset whose row count the view has already aggregated (a drill-down computes its
    total and count in one pass): the paginator does not count the rows a second time."""

    def __init__(self, count: int):
        known = count

        class KnownCountPaginator(Paginator):
            @property
            def count(self) -> int:
                return known

        self.django_paginator_class = KnownCountPaginator
