"""Every write endpoint, driven with bad input by a user who is allowed to call it: each answer
is a 400 with field messages, never a 500, and nothing is written."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.models import Bid, Capability, Challenge, Need
from tests.backend.marketplace.api.test_permission_matrix import ROWS, no_body

AMOUNTS = {"bounty", "price", "budget_min", "budget_max", "price_min", "price_max"}
ENUMS = {
    "kind",
    "list_type",
    "funding_mode",
    "mode",
    "confidentiality",
    "cooperation_type",
    "industry",
    "role",
    "institute_type",
    "region",
}
LONG = "湖" * 9000


def _allowed_role(row) -> str | None:
    return next((role for role, code in row.expected.items() if code in (200, 201, 202)), None)


# A write that no fixture role may make (joining when everyone already belongs somewhere,
# withdrawing a contract nobody of the fixture recorded) has its bad input tested beside its
# service (tests/backend/accounts/test_membership_requests.py, deals/test_recorder_corrections.py).
WRITES = [
    (row, _allowed_role(row))
    for row in ROWS
    if row.method in ("post", "patch") and row.body is not no_body and _allowed_role(row)
]


def mutations(body: dict):
    """(name, bad body, field that must be named) for each field of a valid body."""
    yield "empty body", {}, None
    for key, value in body.items():
        yield f"{key}: object instead of a value", {**body, key: {"湖州": 1}}, key
        if isinstance(value, str):
            yield f"{key}: over-long text", {**body, key: LONG}, key
        if key in AMOUNTS:
            yield f"{key}: negative", {**body, key: "-100.00"}, key
            yield f"{key}: absurd", {**body, key: "99999999999999999999"}, key
            yield f"{key}: not a number", {**body, key: "三百万"}, key
        if key in ENUMS:
            yield f"{key}: unknown value", {**body, key: "no_such_value"}, key
        if key == "bid_deadline":
            yield f"{key}: in the past", {**body, key: (timezone.now() - timedelta(days=1)).isoformat()}, key
            yield f"{key}: not a date", {**body, key: "明年春天"}, key
        if isinstance(value, list):
            yield f"{key}: list of objects", {**body, key: [{"x": [1]}] * 3}, key
        if key in ("trl", "duration_days"):
            yield f"{key}: out of range", {**body, key: 0}, key


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Challenge, Need, Capability, Bid))


CASES = [pytest.param(row, role, id=f"{i:02d} {row.method.upper()} {row.path}") for i, (row, role) in enumerate(WRITES)]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_bad_input_gets_400_with_field_messages_and_writes_nothing(world, row, role):
    world.ids = row.setup(world)
    url = row.path.format(**world.ids)
    client = world.client(role)
    body = row.body(world, role)
    failures = []
    for name, bad, field in mutations(body):
        if row.method == "patch" and name == "empty body":
            continue  # an empty PATCH is a legal no-op
        before = counts()
        response = getattr(client, row.method)(url, bad, format="json")
        payload = response.json()
        named = field is None or field in payload.get("fields", {}) or field in str(payload.get("fields"))
        if response.status_code != 400 or not payload.get("fields") or not named or counts() != before:
            failures.append(f"{name}: {response.status_code} {str(payload)[:200]}")
    for raw in ("[1, 2]", '"湖州"', "{not json"):
        response = client.generic(row.method.upper(), url, raw, content_type="application/json")
        if response.status_code != 400:
            failures.append(f"raw {raw!r}: {response.status_code}")
    assert failures == []


def test_messages_follow_the_accept_language_header(world):
    client = world.client("owner")

    chinese = client.post("/api/challenges/", {}, format="json").json()
    english = client.post("/api/challenges/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en").json()

    assert chinese["detail"] == "输入有误，请检查各字段。" and chinese["fields"]["title"] == ["该字段是必填项。"]
    assert english["detail"] == "The input is invalid; please check the fields." and english["fields"]["title"] == [
        "This field is required."
    ]
