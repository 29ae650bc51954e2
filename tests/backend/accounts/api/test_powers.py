"""Power is granted, never claimed: official and operator rights need a verified organisation of the
right kind *and* an explicit grant by the operator; the fields that decide powers are the
operator's alone, and every change to them is audited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken

from accounts.models import AuditEntry, Grant, Organisation
from tests.backend.accounts.api.test_register import INSTITUTE, register
from tests.factories.accounts import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
K, V = Organisation.Kind, Organisation.Verification


def powers(client) -> dict:
    me = client.get("/api/auth/me/").json()
    return {key: me[key] for key in ("is_operator", "is_official", "official_district")}


NO_POWER = {"is_operator": False, "is_official": False, "official_district": None}


def signed_in(api_client, user):
    from accounts.services import token_issue

    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return api_client


def test_a_self_registered_government_body_gets_no_official_rights(api_client):
    """The finding: registering as "government" used to make an unverified account an official."""
    response = register(api_client, organisation={**INSTITUTE, "kind": "government", "institute_type": ""})

    assert response.status_code == 400
    assert not Organisation.objects.filter(kind=K.GOVERNMENT).exists()


@pytest.mark.parametrize("kind", ["operator", "government"])
def test_an_organisation_admin_cannot_change_its_own_kind(world, kind):
    """The finding: PATCH {"kind": "operator"} on one's own organisation used to make its admin the operator."""
    client = world.client("owner")

    response = client.patch(f"/api/organisations/{world.orgs['owner'].pk}/", {"kind": kind}, format="json")

    assert response.status_code == 403
    assert response.json()["extra"] == {"field": "kind"}
    world.orgs["owner"].refresh_from_db()
    assert world.orgs["owner"].kind == K.ENTERPRISE
    assert powers(client) == NO_POWER


def test_an_admin_may_still_change_what_is_not_power(world):
    client = world.client("owner")

    response = client.patch(
        f"/api/organisations/{world.orgs['owner'].pk}/",
        {"kind": "enterprise", "description": "电池材料"},
        format="json",
    )

    assert response.status_code == 200 and response.json()["description"] == "电池材料"


def test_membership_of_a_verified_government_body_alone_gives_no_rights(world, api_client):
    clerk = UserFactory(organisation=world.orgs["official"], grant=False)
    client = signed_in(api_client, clerk)

    assert powers(client) == NO_POWER
    assert client.get("/api/dashboard/summary/").status_code == 403
    assert client.get("/api/deals/imports/").status_code == 403


def test_a_grant_gives_official_rights_and_revoking_takes_them_away(world, api_client):
    clerk = UserFactory(organisation=world.orgs["official"], grant=False)
    operator = world.client("operator")

    granted = operator.post(
        "/api/grants/", {"user": clerk.pk, "power": "official", "reason": "市科技局来函"}, format="json"
    )
    assert granted.status_code == 201, granted.json()
    client = signed_in(api_client, clerk)
    assert powers(client) == {"is_operator": False, "is_official": True, "official_district": None}
    assert client.get("/api/dashboard/summary/").status_code == 200

    revoked = operator.post(f"/api/grants/{granted.json()['id']}/revoke/", {"reason": "调岗"}, format="json")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert powers(client) == NO_POWER
    assert client.get("/api/dashboard/summary/").status_code == 403
    actions = list(AuditEntry.objects.filter(user=clerk).values_list("action", "actor__username"))
    assert actions == [("grant_revoked", "operator"), ("grant_added", "operator")]


def test_a_district_grant_is_reported_by_me(world, api_client):
    clerk = UserFactory(organisation=world.orgs["official"], grant=False)

    world.client("operator").post(
        "/api/grants/",
        {"user": clerk.pk, "power": "official", "district": "deqing", "reason": "德清县科技局"},
        format="json",
    )

    assert powers(signed_in(api_client, clerk))["official_district"] == "deqing"


def test_a_grant_on_an_unverified_body_gives_nothing_until_it_is_verified(world, api_client):
    body = OrganisationFactory(kind=K.GOVERNMENT, institute_type="", verification=V.UNVERIFIED)
    clerk = UserFactory(organisation=body, grant=False)
    Grant.objects.create(user=clerk, power=Grant.Power.OFFICIAL, reason="测试")
    client = signed_in(api_client, clerk)

    assert powers(client) == NO_POWER
    world.client("operator").post(f"/api/organisations/{body.pk}/verify/", {"approved": True}, format="json")
    assert powers(client)["is_official"] is True


@pytest.mark.parametrize(
    ("member_of", "power"),
    [
        ("owner", "official"),
        ("institute", "operator"),
        ("official", "operator"),
        ("operator", "official"),
    ],
)
def test_powers_are_granted_only_to_members_of_the_matching_kind(world, member_of, power):
    response = world.client("operator").post(
        "/api/grants/", {"user": world.users[member_of].pk, "power": power, "reason": "试图越权"}, format="json"
    )

    assert response.status_code == 400 and "user" in response.json()["fields"]


def test_only_an_official_grant_is_limited_to_a_district_and_only_to_one_in_huzhou(world):
    clerk = UserFactory(organisation=world.orgs["official"], grant=False)
    operator = world.client("operator")

    outside = operator.post(
        "/api/grants/", {"user": clerk.pk, "power": "official", "district": "outside", "reason": "x"}, format="json"
    )

    assert outside.status_code == 400 and "district" in outside.json()["fields"]


@pytest.mark.parametrize("role", ["owner", "institute", "official", "unverified_institute"])
def test_nobody_but_the_operator_grants_or_lists_powers(world, role):
    client = world.client(role)

    assert (
        client.post(
            "/api/grants/", {"user": world.users[role].pk, "power": "official", "reason": "x"}, format="json"
        ).status_code
        == 403
    )
    assert client.get("/api/grants/").status_code == 403
    assert powers(client)["is_operator"] is False


def test_the_operator_opens_a_government_body_verified_and_audited(world):
    response = world.client("operator").post(
        "/api/organisations/",
        {
            "name": "德清县科学技术局",
            "kind": "government",
            "uscc": "11330521002600019C",
            "region": "deqing",
            "reason": "县科技局来函",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["verification"] == "verified"
    org = Organisation.objects.get(pk=response.json()["id"])
    assert set(AuditEntry.objects.filter(organisation=org).values_list("action", flat=True)) == {
        "organisation_created",
        "organisation_verified",
    }


def test_nobody_else_opens_organisations(world):
    body = {"name": "某某局", "kind": "government", "uscc": "11330521002600019C", "region": "deqing", "reason": "x"}

    assert world.client("owner").post("/api/organisations/", body, format="json").status_code == 403
    assert world.client("official").post("/api/organisations/", body, format="json").status_code == 403


def test_the_operator_changes_a_kind_only_with_a_reason_and_it_is_audited(world):
    operator = world.client("operator")
    url = f"/api/organisations/{world.orgs['other_enterprise'].pk}/"

    assert operator.patch(url, {"kind": "institute", "institute_type": "new_rd"}, format="json").status_code == 400
    changed = operator.patch(
        url, {"kind": "institute", "institute_type": "new_rd", "reason": "实为新型研发机构"}, format="json"
    )

    assert changed.status_code == 200 and changed.json()["kind"] == "institute"
    entry = AuditEntry.objects.get(action="organisation_changed")
    assert entry.changes == {"kind": ["enterprise", "institute"]} and entry.reason == "实为新型研发机构"


def test_rejected_organisations_and_verification_notes_are_for_the_operator_and_themselves(world, api_client):
    rejected = OrganisationFactory(kind=K.INSTITUTE, verification=V.REJECTED, verification_note="营业执照与名称不符")
    member = UserFactory(organisation=rejected)

    def listed(client) -> dict:
        return {o["id"]: o for o in client.get("/api/organisations/", {"page_size": 100}).json()["results"]}

    assert rejected.pk not in listed(api_client)
    assert rejected.pk not in listed(world.client("owner"))
    assert api_client.get(f"/api/organisations/{rejected.pk}/").status_code == 404
    assert listed(world.client("operator"))[rejected.pk]["verification_note"] == "营业执照与名称不符"
    assert listed(signed_in(api_client, member))[rejected.pk]["verification_note"] == "营业执照与名称不符"
    world.orgs["institute"].verification_note = "核验一致"
    world.orgs["institute"].save()
    assert listed(world.client("owner"))[world.orgs["institute"].pk]["verification_note"] == ""


# --- tokens ---------------------------------------------------------------------------------------


def test_every_sign_in_issues_a_new_token_stored_only_as_a_digest(world, api_client):
    body = {"username": "owner", "password": "Huzhou-2027-keji"}

    first = api_client.post("/api/auth/token/", body, format="json").json()["token"]
    second = api_client.post("/api/auth/token/", body, format="json").json()["token"]

    assert first != second
    assert not AuthToken.objects.filter(digest__in=[first, second]).exists()
    assert (
        not AuthToken.objects.filter(token_key=first).exists()
        and AuthToken.objects.filter(token_key=first[:15]).exists()
    )


def test_an_expired_token_is_refused(world, api_client):
    token = api_client.post(
        "/api/auth/token/", {"username": "owner", "password": "Huzhou-2027-keji"}, format="json"
    ).json()["token"]
    AuthToken.objects.filter(token_key=token[:15]).update(expiry=timezone.now() - timedelta(seconds=1))
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert api_client.get("/api/auth/me/").status_code == 401


def test_use_extends_a_token_but_never_beyond_its_maximum_age(world, api_client, settings):
    token = api_client.post(
        "/api/auth/token/", {"username": "owner", "password": "Huzhou-2027-keji"}, format="json"
    ).json()["token"]
    row = AuthToken.objects.filter(token_key=token[:15])
    row.update(created=timezone.now() - timedelta(days=29, hours=23), expiry=timezone.now() + timedelta(minutes=5))
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert api_client.get("/api/auth/me/").status_code == 200
    stored = row.get()
    assert stored.expiry <= stored.created + timedelta(days=30)
    assert stored.expiry > timezone.now() + timedelta(minutes=30)


def test_signing_out_ends_this_device_only(world, api_client):
    from rest_framework.test import APIClient

    body = {"username": "owner", "password": "Huzhou-2027-keji"}
    phone, laptop = (api_client.post("/api/auth/token/", body, format="json").json()["token"] for _ in range(2))
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {laptop}")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {phone}")

    assert api_client.delete("/api/auth/token/").status_code == 204
    assert api_client.get("/api/auth/me/").status_code == 401
    assert other.get("/api/auth/me/").status_code == 200


# --- the operator's admin page for powers -------------------------------------------------------


def test_the_operator_grants_and_revokes_in_the_admin_through_the_audited_services(world, client):
    operator = UserFactory(
        username="root-operator", organisation=world.orgs["operator"], is_staff=True, is_superuser=True
    )
    clerk = UserFactory(organisation=world.orgs["official"], grant=False)
    client.force_login(operator)

    added = client.post(
        "/admin/accounts/grant/add/", {"user": clerk.pk, "power": "official", "district": "anji", "reason": "县局来函"}
    )
    assert added.status_code == 302
    grant = Grant.objects.get(user=clerk)
    assert (grant.district, grant.granted_by) == ("anji", operator)

    wrong = client.post(
        "/admin/accounts/grant/add/", {"user": world.users["owner"].pk, "power": "official", "reason": "x"}
    )
    assert wrong.status_code == 200 and "只能授予已认证的" in wrong.content.decode()

    client.post("/admin/accounts/grant/", {"action": "revoke", "_selected_action": [grant.pk]})
    grant.refresh_from_db()
    assert grant.revoked_by == operator
    assert list(AuditEntry.objects.filter(user=clerk).values_list("action", flat=True)) == [
        "grant_revoked",
        "grant_added",
    ]


def test_a_government_member_without_a_grant_still_posts_no_needs(world, api_client):
    from tests.backend.marketplace.payloads import need_body

    clerk = UserFactory(organisation=world.orgs["official"], grant=False)

    assert signed_in(api_client, clerk).post("/api/needs/", need_body(), format="json").status_code == 403
