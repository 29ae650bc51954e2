"""Every operation of the OpenAPI document is guarded, and its guard is on record.

The role x endpoint x state matrix (tests/backend/marketplace/api/test_permission_matrix.py)
already fails when an operation has no rows there. This adds what the matrix cannot see: the
permission classes of each view. A new endpoint fails here when its view ends up with no permission
class, or with AllowAny without being one of the public operations below; and the matrix's own
expectations are checked against the rule that an anonymous caller never changes anything.
"""

from types import SimpleNamespace

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.permissions import AllowAny

from tests.backend.marketplace.api.test_permission_matrix import ROWS

# Public on purpose, each for a reason.
PUBLIC = {
    ("/api/health/", "GET"): "load balancers and kubelets probe it without credentials",
    ("/api/schema/", "GET"): "the OpenAPI document describes the API, not its data",
    ("/api/docs/", "GET"): "Swagger UI over the same document",
    ("/api/auth/token/", "POST"): "signing in (throttled: accounts/throttles.py)",
    ("/api/auth/register/", "POST"): "registering (throttled; the new organisation is unverified)",
    ("/api/notifications/unsubscribe/", "GET"): "the link in a digest e-mail; its unguessable token is the credential",
    (
        "/api/search/",
        "GET",
    ): "search filters hits by the viewer's audience tokens (marketplace.selectors.viewer_tokens)",
    ("/api/stats/", "GET"): "aggregate counts over public postings only",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def views() -> list[tuple[str, str, object]]:
    """(path, method, view instance) as drf-spectacular builds them for the document."""
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    found = []
    for path, _regex, method, view in generator._get_paths_and_endpoints():
        view.request = SimpleNamespace(method=method)  # some views choose permissions per method
        found.append((path, method, view))
    return found


VIEWS = views()


def test_the_views_are_those_of_the_document(db):
    document = SchemaGenerator().get_schema(request=None, public=True)
    operations = {(path, method.upper()) for path, item in document["paths"].items() for method in item}

    assert operations <= {(path, method) for path, method, _view in VIEWS}


@pytest.mark.parametrize(("path", "method", "view"), VIEWS, ids=[f"{m} {p}" for p, m, _v in VIEWS])
def test_every_operation_has_a_permission_class_and_only_the_public_ones_allow_anybody(path, method, view):
    permissions = view.get_permissions()

    assert permissions, f"{method} {path}: {type(view).__name__} has no permission class"
    if all(isinstance(p, AllowAny) for p in permissions):
        assert (path, method) in PUBLIC, (
            f"{method} {path} allows anybody: add it to PUBLIC with the reason, or guard it"
        )
    if method in UNSAFE and (path, method) not in PUBLIC:
        assert not any(isinstance(p, AllowAny) for p in permissions)


def test_every_public_operation_still_exists():
    assert set(PUBLIC) <= {(path, method) for path, method, _view in VIEWS}


WRITES = [r for r in ROWS if r.method.upper() in UNSAFE and (r.path, r.method.upper()) not in PUBLIC]


@pytest.mark.parametrize("row", WRITES, ids=[f"{r.method.upper()} {r.path} {r.note}".strip() for r in WRITES])
def test_the_matrix_lets_no_anonymous_caller_change_anything(row):
    assert row.expected["anonymous"] in (401, 403, 404), "an anonymous write must be refused"
