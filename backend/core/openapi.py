from typing import Any

from drf_spectacular.utils import OpenApiExample


def example(name: str, value: Any) -> OpenApiExample:
    """A request-body example for the API docs, in the users' language."""
    return OpenApiExample(name, value=value, request_only=True)
