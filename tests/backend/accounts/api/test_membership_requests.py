"""Joining an existing organisation: asked at registration or later, decided by that organisation's
admin only, never giving power before approval."""

import pytest
from rest_framework.test import APIClient

from accounts.models import MembershipRequest, Organisation, User
from accounts.services import token_issue
from notifications.models import Notification
from tests.factories.accounts import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
S = MembershipRequest.Status


def client_of(user: User) -> APIClient:
    client = APIClient()  # JSON bodies: the API parses JSON only
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return client


@pytest.fixture
def org() -> Organisation:
    return OrganisationFactory(name="长兴天能电池材料有限公司")


@pytest.fixture
def admin(org) -> User:
    return UserFactory(organisation=org, username="tianneng.admin", org_role=User.Role.ADMIN)


@pytest.fixture
def member(org) -> User:
    return UserFactory(organisation=org, username="tianneng.member", org_role=User.Role.MEMBER)


def sign_up_to_join(client, org: Organisation, username: str = "li.na", **extra):
    body = {"username": username, "password": "Taihu-lake-2027", "join_organisation": org.pk, **extra}
    return client.post("/api/auth/register/", body, format="json")


def pending_of(username: str, **where) -> MembershipRequest:
    return MembershipRequest.objects.get(user__username=username, status=S.PENDING, **where)


def test_signing_up_to_join_asks_and_gives_no_membership_until_approved(api_client, org, admin):
    response = sign_up_to_join(api_client, org, join_message="研发部李娜")

    assert response.status_code == 201, response.json()
    me = response.json()["user"]
    assert me["organisation"] is None and me["org_role"] == "member"
    assert me["is_operator"] is False and me["is_official"] is False
    joining = pending_of("li.na")
    assert joining.organisation == org and joining.message == "研发部李娜"


def test_the_admin_is_told_and_sees_the_request(api_client, org, admin, member):
    sign_up_to_join(api_client, org)

    notice = Notification.objects.get(recipient=admin)
    assert notice.kind == Notification.Kind.JOIN_REQUESTED and "li.na" in notice.title
    assert not Notification.objects.filter(recipient=member).exists()  # members do not decide
    listed = client_of(admin).get("/api/membership-requests/", {"status": "pending"}).json()["results"]
    assert [(r["username"], r["organisation"]["id"], r["status"]) for r in listed] == [("li.na", org.pk, "pending")]


def test_the_admin_approves_and_the_requester_becomes_a_member(api_client, org, admin):
    sign_up_to_join(api_client, org)
    joining = pending_of("li.na")

    response = client_of(admin).post(f"/api/membership-requests/{joining.pk}/approve/", {}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "approved" and response.json()["decided_by"] == "tianneng.admin"
    user = User.objects.get(username="li.na")
    assert user.organisation == org and user.org_role == User.Role.MEMBER
    assert Notification.objects.get(recipient=user).kind == Notification.Kind.JOIN_APPROVED


def test_approval_ends_the_requesters_other_pending_requests(api_client, org, admin):
    other = OrganisationFactory(name="湖州南太湖新能源材料研究院", kind=Organisation.Kind.INSTITUTE)
    sign_up_to_join(api_client, org)
    user = User.objects.get(username="li.na")
    assert (
        client_of(user).post("/api/membership-requests/", {"organisation": other.pk}, format="json").status_code == 201
    )

    joining = pending_of("li.na", organisation=org)
    client_of(admin).post(f"/api/membership-requests/{joining.pk}/approve/", {}, format="json")

    assert set(MembershipRequest.objects.filter(user=user).values_list("organisation_id", "status")) == {
        (org.pk, S.APPROVED),
        (other.pk, S.WITHDRAWN),
    }


def test_a_declined_user_hears_why_and_may_ask_again(api_client, org, admin):
    sign_up_to_join(api_client, org)
    joining = pending_of("li.na")
    user = joining.user

    response = client_of(admin).post(
        f"/api/membership-requests/{joining.pk}/decline/", {"note": "请用单位邮箱注册"}, format="json"
    )

    assert response.status_code == 200 and response.json()["status"] == "declined"
    user.refresh_from_db()
    assert user.organisation is None
    notice = Notification.objects.get(recipient=user)
    assert notice.kind == Notification.Kind.JOIN_DECLINED and "请用单位邮箱注册" in notice.body
    again = client_of(user).post(
        "/api/membership-requests/", {"organisation": org.pk, "message": "已换用单位邮箱"}, format="json"
    )
    assert again.status_code == 201, again.json()


def test_one_pending_request_per_user_and_organisation(api_client, org, admin):
    sign_up_to_join(api_client, org)
    user = User.objects.get(username="li.na")

    response = client_of(user).post("/api/membership-requests/", {"organisation": org.pk}, format="json")

    assert response.status_code == 409
    assert response.json()["detail"] == "您已申请加入该机构，请等待其管理员处理"
    assert MembershipRequest.objects.filter(user=user).count() == 1


def test_a_member_of_an_organisation_cannot_ask_to_join_another(org, member):
    other = OrganisationFactory(name="德清北斗时空信息科技有限公司")

    response = client_of(member).post("/api/membership-requests/", {"organisation": other.pk}, format="json")

    assert response.status_code == 409
    assert not MembershipRequest.objects.exists()


def test_a_rejected_organisation_cannot_be_joined(api_client):
    rejected = OrganisationFactory(verification=Organisation.Verification.REJECTED)

    response = sign_up_to_join(api_client, rejected)

    assert response.status_code == 400
    assert response.json()["fields"]["join_organisation"] == ["没有找到该机构，请重新搜索选择"]
    assert not User.objects.filter(username="li.na").exists()


def test_creating_and_joining_at_once_is_refused(api_client, org):
    new_org = {"name": "湖州新机构", "kind": "enterprise", "uscc": "91330100799655058B", "region": "wuxing"}

    response = sign_up_to_join(api_client, org, organisation=new_org)

    assert response.status_code == 400
    assert response.json()["fields"]["join_organisation"] == ["创建新机构和申请加入已有机构只能选一项"]


@pytest.mark.parametrize("who", ["member", "other_admin", "operator", "requester"])
def test_only_that_organisations_admin_decides(api_client, org, admin, member, who):
    sign_up_to_join(api_client, org)
    joining = pending_of("li.na")
    deciders = {
        "member": member,
        "other_admin": UserFactory(organisation=OrganisationFactory(), org_role=User.Role.ADMIN),
        "operator": UserFactory(organisation=OrganisationFactory(kind=Organisation.Kind.OPERATOR, institute_type="")),
        "requester": joining.user,
    }

    for action in ("approve", "decline"):
        response = client_of(deciders[who]).post(f"/api/membership-requests/{joining.pk}/{action}/", {}, format="json")
        # Outsiders do not even see the request; the requester sees it but may not decide it.
        assert response.status_code == (403 if who == "requester" else 404), response.json()

    joining.refresh_from_db()
    assert joining.status == S.PENDING and joining.user.organisation is None


def test_a_request_is_decided_once(api_client, org, admin):
    sign_up_to_join(api_client, org)
    joining = pending_of("li.na")
    client = client_of(admin)
    client.post(f"/api/membership-requests/{joining.pk}/decline/", {}, format="json")

    response = client.post(f"/api/membership-requests/{joining.pk}/approve/", {}, format="json")

    assert response.status_code == 409
    assert response.json()["detail"] == "该申请已处理：已拒绝"
    assert User.objects.get(username="li.na").organisation is None


def test_a_requester_who_joined_elsewhere_meanwhile_is_not_approved(api_client, org, admin):
    sign_up_to_join(api_client, org)
    joining = pending_of("li.na")
    elsewhere = OrganisationFactory()
    User.objects.filter(pk=joining.user_id).update(organisation=elsewhere)

    response = client_of(admin).post(f"/api/membership-requests/{joining.pk}/approve/", {}, format="json")

    assert response.status_code == 409
    assert User.objects.get(pk=joining.user_id).organisation == elsewhere


def test_anonymous_users_can_neither_ask_nor_list(api_client, org):
    assert api_client.get("/api/membership-requests/").status_code == 401
    assert api_client.post("/api/membership-requests/", {"organisation": org.pk}, format="json").status_code == 401


def test_the_requester_sees_its_own_requests_and_others_see_none(api_client, org, admin, member):
    sign_up_to_join(api_client, org)
    requester = User.objects.get(username="li.na")

    mine = client_of(requester).get("/api/membership-requests/").json()["results"]
    assert [r["organisation"]["name"] for r in mine] == ["长兴天能电池材料有限公司"]
    assert client_of(member).get("/api/membership-requests/").json()["results"] == []


def test_organisations_are_found_by_name_or_by_uscc(api_client, org):
    by_name = api_client.get("/api/organisations/", {"q": "天能"}).json()["results"]
    by_uscc = api_client.get("/api/organisations/", {"q": org.uscc.lower()}).json()["results"]

    assert [o["id"] for o in by_name] == [org.pk]
    assert [o["id"] for o in by_uscc] == [org.pk]
