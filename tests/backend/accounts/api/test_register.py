import pytest

from accounts.models import Organisation, User

pytestmark = pytest.mark.django_db

INSTITUTE = {
    "name": "湖州南太湖新材料研究院",
    "kind": "institute",
    "institute_type": "new_rd",
    "uscc": "12100000400000624d",  # lower case is accepted and normalised
    "region": "nantaihu",
}


def register(client, **overrides):
    body = {"username": "zhang.wei", "password": "Huzhou-2027-keji", "email": "zhangwei@example.cn", **overrides}
    return client.post("/api/auth/register/", body, format="json")


def test_it_registers_a_user_with_a_new_unverified_organisation_and_returns_a_working_token(api_client):
    response = register(api_client, organisation=INSTITUTE)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["user"]["org_role"] == "admin"
    assert body["user"]["organisation"]["uscc"] == "12100000400000624D"
    assert body["user"]["organisation"]["verification"] == "unverified"
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert api_client.get("/api/auth/me/").json()["username"] == "zhang.wei"


def test_a_wrong_check_digit_is_a_field_error_under_the_organisation(api_client):
    response = register(api_client, organisation={**INSTITUTE, "uscc": "12100000400000624E"})

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "organisation": {"uscc": ["统一社会信用代码校验位不符：请从营业执照或法人证书上复制完整的代码"]}
    }
    assert not User.objects.exists() and not Organisation.objects.exists()


def test_an_institute_without_its_type_is_refused(api_client):
    response = register(api_client, organisation={**INSTITUTE, "institute_type": ""})

    assert response.status_code == 400
    assert "institute_type" in response.json()["fields"]["organisation"]


def test_an_organisation_outside_huzhou_must_say_where(api_client):
    response = register(api_client, organisation={**INSTITUTE, "region": "outside"})

    assert response.status_code == 400
    assert response.json()["fields"]["organisation"]["province"] == ["湖州市外的机构须填写省份和城市"]


def test_a_weak_password_is_refused_with_the_validators_messages(api_client):
    response = register(api_client, password="12345678")

    assert response.status_code == 400
    assert response.json()["fields"]["password"]


def test_a_taken_username_is_refused(api_client):
    register(api_client)

    response = register(api_client, username="ZHANG.WEI")

    assert response.status_code == 400
    assert response.json()["fields"]["username"] == ["该用户名已被注册"]


@pytest.mark.parametrize("kind", ["operator", "government"])
def test_nobody_can_register_a_government_body_or_the_operator(api_client, kind):
    response = register(api_client, organisation={**INSTITUTE, "kind": kind, "institute_type": ""})

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "organisation": {"kind": ["自助注册只能创建企业或科研机构；政府部门和平台运营方由平台运营方开设"]}
    }
    assert not User.objects.exists() and not Organisation.objects.exists()


def test_a_token_is_issued_for_the_right_password_only(api_client):
    register(api_client)

    good = api_client.post("/api/auth/token/", {"username": "zhang.wei", "password": "Huzhou-2027-keji"}, format="json")
    bad = api_client.post("/api/auth/token/", {"username": "zhang.wei", "password": "wrong"}, format="json")

    assert good.status_code == 200 and len(good.json()["token"]) == 64
    assert bad.status_code == 400 and bad.json()["fields"] == {"non_field_errors": ["用户名或密码错误"]}


def test_a_duplicate_organisation_is_reported_under_the_organisation(api_client):
    register(api_client, organisation=INSTITUTE)

    response = register(api_client, username="li.na", organisation=INSTITUTE)

    assert response.status_code == 400
    assert set(response.json()["fields"]["organisation"]) == {"name", "uscc"}


def test_signing_out_revokes_the_token(api_client):
    token = register(api_client).json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert api_client.delete("/api/auth/token/").status_code == 204
    assert api_client.get("/api/auth/me/").status_code == 401


def test_a_duplicate_organisation_is_said_plainly(api_client):
    register(api_client, organisation=INSTITUTE)

    response = register(api_client, username="li.na", organisation=INSTITUTE)

    assert response.json()["fields"]["organisation"] == {
        "name": ["该机构名称已注册：如是贵单位，请联系其管理员将您加入"],
        "uscc": ["该统一社会信用代码已注册：如是贵单位，请联系其管理员将您加入"],
    }


def test_a_taken_username_a_weak_password_and_a_registered_organisation_are_reported_together(api_client):
    register(api_client, organisation=INSTITUTE)

    response = register(api_client, username="Zhang.Wei", password="12345678", organisation=INSTITUTE)

    assert response.status_code == 400
    fields = response.json()["fields"]
    assert fields["username"] == ["该用户名已被注册"]
    assert fields["password"]
    assert set(fields["organisation"]) == {"name", "uscc"}
    assert User.objects.count() == 1 and Organisation.objects.count() == 1


def test_the_region_must_be_chosen_and_is_asked_for_plainly(api_client):
    without_region = {k: v for k, v in INSTITUTE.items() if k != "region"}

    missing = register(api_client, organisation=without_region)
    blank = register(api_client, organisation={**INSTITUTE, "region": ""})

    assert missing.status_code == blank.status_code == 400
    assert missing.json()["fields"]["organisation"]["region"] == ["请选择机构所在地区"]
    assert blank.json()["fields"]["organisation"]["region"] == ["请选择机构所在地区"]
    assert not Organisation.objects.exists()


def test_over_long_text_is_refused_naming_the_limit(api_client):
    response = register(api_client, organisation={**INSTITUTE, "name": "湖" * 121})

    assert response.status_code == 400
    assert response.json()["fields"]["organisation"]["name"] == ["最多 120 个字，请删减后再提交"]
