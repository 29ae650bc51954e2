"""The committed OpenAPI document (frontend/openapi.yaml, from which the front end's types are
generated) must be exactly what the API describes now, and must be free of warnings."""
import pytest
from django.core.management import call_command

from tests.services import REPO_DIR


@pytest.mark.django_db
def test_the_committed_schema_matches_the_api(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))

    committed = (REPO_DIR / "frontend" / "openapi.yaml").read_text(encoding="utf-8")
    assert generated.read_text(encoding="utf-8") == committed, "run `make schema` and commit the result"
