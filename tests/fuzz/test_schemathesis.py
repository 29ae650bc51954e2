"""Schemathesis against our own OpenAPI document, in-process through the WSGI app: every operation,
as every role, with generated valid and invalid input; a coverage pass of deterministic edge values
per operation; and stateful sequences along the links Schemathesis infers. No answer may be a 5xx;
every answer with a documented status must match the schema (content type, headers, body); and an
operation that requires credentials must refuse the same request without them or with forged ones.

The run is bounded and reproducible: `deterministic` derandomises Hypothesis, so CI sees the same
cases every time (TECHMATCH_FUZZ_EXAMPLES raises the bound for a longer local run). Whatever it
finds is fixed in the backend and pinned by a plain regression test in test_regressions.py, which
does not depend on the generator.
"""

import copy
import json
import os

import hypothesis
import pytest
import schemathesis
from django.db import transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis.stateful import run_state_machine_as_test

from config.wsgi import application
from tests.backend.conftest import ROLES

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("TECHMATCH_FUZZ_EXAMPLES", "12"))
STATEFUL_SCENARIOS = int(os.environ.get("TECHMATCH_FUZZ_SCENARIOS", "8"))


# Not gated: status_code_conformance (the schema documents successes; every error has the one shape
# {detail, code, fields} that core.exceptions gives it), positive_data_acceptance (a schema-valid
# body can still break a business rule: a weak password, a bid on a closed challenge) and
# negative_data_rejection, whose findings after the fixes are DRF's documented coercions, each
# turned into the documented type before use: 0 for a text field becomes "0", 0/1 are booleans,
# an empty or unparsable page_size means the default, `?status=` means no filter.
CHECKS = [
    "not_a_server_error",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "ignored_auth",
]


def openapi_document() -> dict:
    """What GET /api/schema/?format=json serves (the same generator and renderer; collection runs
    before a test database exists, and every request opens a transaction). Pinned by
    `test_the_fuzzed_document_is_the_one_the_app_serves`."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated, renderer_context={}))


def load(**phases: bool) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "seed": 20270101,
            # Credentials are the role's (below), never generated ones.
            "generation": {
                "mode": "all",
                "max-examples": EXAMPLES,
                "deterministic": True,
                "database": "none",
                "with-security-parameters": False,
            },
            "phases": {name: {"enabled": enabled} for name, enabled in phases.items()},
        }
    )
    schema = schemathesis.openapi.from_dict(copy.deepcopy(DOCUMENT), config=config)  # it adds inferred links in place
    schema.app = application  # requests go through the WSGI handler in this process
    return schema


DOCUMENT = openapi_document()
FUZZ = load(examples=True, fuzzing=True, coverage=False, stateful=False)
BOUNDARIES = load(examples=False, fuzzing=False, coverage=True, stateful=False)
SEQUENCES = load(examples=False, fuzzing=False, coverage=False, stateful=True)  # links inferred from the schema
SETTINGS = hypothesis.settings(deadline=None, suppress_health_check=list(hypothesis.HealthCheck), print_blob=False)


def use_real_ids(case, fuzz_world) -> None:
    """Three generated ids in four name an object that exists, so the handlers behind the 404 run;
    the fourth keeps the generated value (mostly no such object). Deterministic per case."""
    for name, value in list((case.path_parameters or {}).items()):
        pool = fuzz_world.pool(case.path, name)
        if pool and isinstance(value, int) and not isinstance(value, bool) and value % 4 != 3:
            case.path_parameters[name] = pool[value % len(pool)]
    if (
        case.path == "/api/notifications/unsubscribe/"
        and isinstance(case.query, dict)
        and len(str(case.query.get("token"))) % 2
    ):
        case.query["token"] = fuzz_world.unsubscribe_token


def call_and_check(case, fuzz_world, role: str) -> None:
    use_real_ids(case, fuzz_world)
    fuzz_world.index_postings_for(case.path)
    headers = fuzz_world.headers(role)
    validate(case, call(case, headers), headers)


def call(case, headers: dict[str, str]):
    # Each request in its own savepoint, as ATOMIC_REQUESTS gives it its own transaction: DRF marks
    # the innermost transaction for rollback after an error, which for a non-atomic view (health)
    # would otherwise be the test's own and break every later query of the test.
    with transaction.atomic():
        return case.call(headers=headers)


def validate(case, response, headers: dict[str, str]) -> None:
    # `headers` tells ignored_auth the credentials were real: it then repeats the request without
    # them and with forged ones, and expects a 401 or 403 wherever the schema requires them.
    case.validate_response(response, headers=headers, checks=[getattr(schemathesis.checks, name) for name in CHECKS])


@pytest.mark.parametrize("role", ROLES)
@FUZZ.parametrize()
@SETTINGS
def test_every_operation_as_every_role(case, role, fuzz_world):
    call_and_check(case, fuzz_world, role)


@pytest.mark.parametrize("role", ["owner", "institute", "operator"])
@BOUNDARIES.parametrize()
@SETTINGS
def test_boundary_values_of_every_operation(case, role, fuzz_world):
    """The coverage phase: deterministic edge cases (limits, wrong types, missing fields) per operation."""
    call_and_check(case, fuzz_world, role)


@pytest.mark.parametrize("role", ["owner", "institute", "official", "operator"])
def test_linked_operations_in_sequence(role, fuzz_world):
    """Stateful: what one response returns (ids of new postings, bids, deals) feeds the next request,
    along the links Schemathesis infers from the schema (create, then read, change, act on it)."""

    class Workflow(SEQUENCES.as_state_machine()):
        def call(self, case, **kwargs):
            return call(case, kwargs["headers"])

        def get_call_kwargs(self, case):
            fuzz_world.index_postings_for(case.path)
            return {"headers": fuzz_world.headers(role)}  # ids come from earlier responses, along the links

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            validate(case, response, fuzz_world.headers(role))

    run_state_machine_as_test(
        Workflow,
        settings=hypothesis.settings(
            SETTINGS,
            max_examples=STATEFUL_SCENARIOS,
            stateful_step_count=10,
            derandomize=True,
            database=None,
        ),
    )


def test_the_fuzzed_document_is_the_one_the_app_serves(db, client):
    served = client.get("/api/schema/?format=json")

    assert served.status_code == 200
    assert served.json() == DOCUMENT


def test_every_operation_is_fuzzed():
    fuzzed = {(op.ok().path, op.ok().method) for op in FUZZ.get_all_operations()}

    assert fuzzed == {(path, method) for path, item in DOCUMENT["paths"].items() for method in item}
