"""Mass assignment is impossible by construction, checked from the outside.

1. From the OpenAPI document: every writable field of every write operation is listed. A field whose
   name bears power (POWER_FIELDS) must have an entry in ALLOWED naming who may set it there, so a
   new power-bearing field cannot slip into a serializer unnoticed.
2. Every write operation of the permission matrix, as every role: the matrix's own valid body plus
   every power-bearing field it does not already carry, set to the value that would escalate. After
   the request, nobody's powers (`me`), no organisation's kind or verification, no grant and no
   account flag has changed, except where the role is the one ALLOWED to change it there.
"""

import pytest
from drf_spectacular.generators import SchemaGenerator

from accounts.models import Grant, Organisation, User
from marketplace.models import Challenge
from tests.backend.marketplace.api.test_permission_matrix import ROWS, Row

UNSAFE = {"post", "put", "patch", "delete"}

# Field names that give or describe power, wherever they appear at the top of a request body.
POWER_FIELDS = {
    "kind",
    "verification",
    "verified_at",
    "verified_by",
    "verification_note",
    "is_operator",
    "is_official",
    "official_district",
    "is_staff",
    "is_superuser",
    "is_active",
    "org_role",
    "role",
    "organisation",
    "power",
    "district",
    "user",
    "grants",
    "groups",
    "user_permissions",
    "created_by",
    "owner",
    "join_organisation",
    # The policy's targets count these (dashboard.targets): officials designate, the acceptance marks.
    "key_project",
    "landmark",
}

ANYONE = {"anonymous", "owner", "other_enterprise", "institute", "unverified_institute", "official", "operator"}

# (path, method, field) -> roles that may set it there (the service refuses everyone else).
ALLOWED = {
    # A capability's kind is 能力 or 成果: a description, no power.
    ("/api/capabilities/", "post", "kind"): ANYONE,
    ("/api/capabilities/{id}/", "patch", "kind"): ANYONE,
    # The organisation a newcomer founds: an unverified enterprise or institute, nothing else
    # (tests/backend/accounts/api/test_register.py: government and operator kinds are refused).
    ("/api/auth/register/", "post", "organisation"): ANYONE,
    ("/api/organisations/", "post", "kind"): {"operator"},
    ("/api/organisations/{id}/", "patch", "kind"): {"operator"},
    ("/api/organisations/{id}/members/", "post", "role"): {"owner", "operator"},  # an organisation's admins, within it
    # Asking to join gives nothing until that organisation's admin approves (ADMIN_MEMBERSHIP_WRITES).
    ("/api/auth/register/", "post", "join_organisation"): ANYONE,
    ("/api/membership-requests/", "post", "organisation"): ANYONE,
    ("/api/grants/", "post", "user"): {"operator"},
    ("/api/grants/", "post", "power"): {"operator"},
    ("/api/grants/", "post", "district"): {"operator"},
    ("/api/challenges/{id}/key-project/", "post", "key_project"): {"official"},
    ("/api/challenges/{id}/conclude/", "post", "landmark"): {"owner", "operator"},  # who may accept the work
    # 邀请揭榜 names the invited organisation: a right to read and bid on that challenge, given by its owner.
    ("/api/challenges/{id}/invitations/", "post", "organisation"): {"owner"},
    # A qualification's kind (高新技术企业 …) is what officials record: no power on the platform.
    ("/api/qualifications/", "post", "kind"): {"official", "operator"},
}

# Writes through which the operator legitimately changes powers or verification.
OPERATOR_POWER_WRITES = {
    ("/api/organisations/", "post"),
    ("/api/organisations/{id}/", "patch"),
    ("/api/organisations/{id}/verify/", "post"),
    ("/api/grants/", "post"),
    ("/api/grants/{id}/revoke/", "post"),
}

# Writes through which an organisation's admin (the role "owner") takes a requester in: the one
# change allowed is that user joining that organisation as a plain member.
ADMIN_MEMBERSHIP_WRITES = {("/api/membership-requests/{id}/approve/", "post")}


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def writable_fields() -> dict[tuple[str, str], set[str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in UNSAFE:
                continue
            content = operation.get("requestBody", {}).get("content", {})
            body = content.get("application/json") or next(iter(content.values()), {})
            properties = _resolve(schema, body.get("schema", {})).get("properties", {}) if body else {}
            found[(path, method)] = {name for name, spec in properties.items() if not spec.get("readOnly")}
    return found


WRITABLE = writable_fields()


def test_every_power_bearing_writable_field_says_who_may_set_it():
    undeclared = {
        (path, method, field) for (path, method), fields in WRITABLE.items() for field in fields & POWER_FIELDS
    } - set(ALLOWED)

    assert undeclared == set(), "declare in ALLOWED who may set these (and make the service refuse everyone else)"


def test_every_allowance_names_a_field_that_exists():
    assert {(p, m, f) for p, m, f in ALLOWED if f not in WRITABLE.get((p, m), set())} == set()


def escalation(world) -> dict:
    operator = world.users["operator"]
    return {
        "kind": "operator",
        "verification": "verified",
        "verified_at": "2026-01-01T00:00:00Z",
        "verified_by": operator.pk,
        "verification_note": "已核验",
        "is_operator": True,
        "is_official": True,
        "official_district": None,
        "is_staff": True,
        "is_superuser": True,
        "is_active": True,
        "org_role": "admin",
        "role": "admin",
        "organisation": world.orgs["operator"].pk,
        "power": "operator",
        "district": "",
        "user": operator.pk,
        "grants": [{"power": "official"}],
        "groups": [1],
        "user_permissions": [1],
        "created_by": operator.pk,
        "owner": world.orgs["operator"].pk,
        "join_organisation": world.orgs["operator"].pk,
        "key_project": True,
        "landmark": "gap_filling",
    }


def state() -> dict:
    """Everything that decides powers, for every organisation, account and grant."""
    return {
        "orgs": set(Organisation.objects.values_list("pk", "kind", "verification")),
        "users": set(
            User.objects.values_list("pk", "organisation_id", "org_role", "is_staff", "is_superuser", "is_active")
        ),
        "grants": set(Grant.objects.values_list("pk", "user_id", "power", "district", "revoked_at")),
        "marks": set(Challenge.objects.values_list("pk", "key_project", "landmark")),
    }


def powers_of_every_role(world) -> dict:
    return {
        role: {
            k: v
            for k, v in world.client(role).get("/api/auth/me/").json().items()
            if k in ("is_operator", "is_official", "official_district", "org_role")
        }
        for role in world.users
    }


WRITE_ROWS = [row for row in ROWS if row.method in UNSAFE and row.path != "/api/auth/token/"]
CASES = [
    pytest.param(row, role, id=f"{row.method.upper()} {row.path} {row.note[:30]} as {role}".replace("  ", " "))
    for row in WRITE_ROWS
    for role in ("anonymous", "owner", "other_enterprise", "institute", "unverified_institute", "official", "operator")
]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_no_write_grants_power_it_was_not_meant_to(world, row: Row, role: str):
    world.ids = row.setup(world)
    allowed_here = {
        field
        for (path, method, field), roles in ALLOWED.items()
        if (path, method) == (row.path, row.method) and role in roles
    }
    body = row.body(world, role)
    body = {**{k: v for k, v in escalation(world).items() if k not in body and k not in allowed_here}, **body}
    before, before_powers = state(), powers_of_every_role(world)

    response = getattr(world.client(role), row.method)(row.path.format(**world.ids), body, format="json")

    assert response.status_code < 500, response.content.decode()[:300]
    if role == "operator" and (row.path, row.method) in OPERATOR_POWER_WRITES:
        return  # the operator's own job; tests/backend/accounts/api/test_powers.py checks what it does
    after = state()
    new_users = {u for u in after["users"] - before["users"] if u[0] not in {b[0] for b in before["users"]}}
    assert after["orgs"] - before["orgs"] <= {
        o
        for o in after["orgs"]
        if o[0] not in {b[0] for b in before["orgs"]} and o[1] in ("enterprise", "institute") and o[2] == "unverified"
    }
    joined = set()
    if role == "owner" and (row.path, row.method) in ADMIN_MEMBERSHIP_WRITES:
        joined = {u for u in after["users"] if u[0] == world.ids["user"]}
        assert joined == {(world.ids["user"], world.orgs["owner"].pk, "member", False, False, True)}
    assert after["users"] - before["users"] == new_users | joined
    assert all(u[2] in ("member", "admin") and not u[3] and not u[4] for u in new_users)
    if new_users and row.path == "/api/organisations/{id}/members/":
        assert all(u[1] == world.ids["id"] for u in new_users)  # into the organisation named, never another
    assert after["grants"] == before["grants"]
    if not allowed_here & {"key_project", "landmark"}:
        assert after["marks"] - before["marks"] <= {
            m for m in after["marks"] if m[0] not in {b[0] for b in before["marks"]}
        }
    assert powers_of_every_role(world) == before_powers
