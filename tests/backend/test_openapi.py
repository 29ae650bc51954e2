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
