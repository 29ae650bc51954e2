"""The committed OpenAPI document (frontend/openapi.yaml, from which the front end's types are
generated) must be exactly what the API describes now, and must be free of warnings."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.services import REPO_DIR


@pytest.mark.django_db
def test_the_committed_schema_matches_the_api(tmp_path):
    generated = tmp_path / "openapi.yaml"

    with translation.override(
        settings.LANGUAGE_CODE
    ):  # `make schema` runs in the default language, whatever a test left active
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))

    committed = (REPO_DIR / "frontend" / "openapi.yaml").read_text(encoding="utf-8")
    assert generated.read_text(encoding="utf-8") == committed, "run `make schema` and commit the result"


@pytest.mark.django_db
def test_every_operation_that_takes_a_body_documents_an_example():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    missing = [
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if "requestBody" in operation
        and not any(media.get("examples") for media in operation["requestBody"]["content"].values())
    ]
    assert missing == []


def test_no_response_schema_pattern_uses_word_classes():
    """JSON Schema patterns are ECMA-262: `\\w` is ASCII there and Unicode in Python. A `\\w` pattern
    on a response field would call the API's own 中文 usernames invalid (Schemathesis found one)."""
    import yaml

    schema = yaml.safe_load((REPO_DIR / "frontend" / "openapi.yaml").read_text(encoding="utf-8"))
    request_only = {name for name in schema["components"]["schemas"] if name.endswith("Request")}

    def patterns(node, where):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str) and "\\w" in node["pattern"]:
                yield where
            for key, value in node.items():
                yield from patterns(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from patterns(value, f"{where}[{i}]")

    offenders = [
        where
        for name, component in schema["components"]["schemas"].items()
        if name not in request_only
        for where in patterns(component, name)
    ]
    assert offenders == []
