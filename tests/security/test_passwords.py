"""Django's password validators guard every way a password is set over the API: registering and
an organisation admin adding a member. A weak one is a 400 naming the password field, and nothing
is created."""

import pytest
from django.conf import settings

from accounts.models import User

WEAK = [
    ("短2027!", "该密码太短，至少需要 8 个字符。"),
    ("12345678901", "密码只包含数字。"),
    ("password123", "这个密码太常见了。"),
    ("zhang.wei.huzhou", "密码跟 用户名 太相似了。"),
]


def test_the_validators_are_djangos_four():
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]

    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


def test_the_too_short_message_is_chinese_by_default_and_english_on_request(db, api_client):
    chinese = api_client.post("/api/auth/register/", {"username": "li.na", "password": "Hz-27!"}, format="json")
    english = api_client.post(
        "/api/auth/register/", {"username": "li.na", "password": "Hz-27!"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert chinese.json()["fields"]["password"] == ["该密码太短，至少需要 8 个字符。"]
    assert english.json()["fields"]["password"] == [
        "This password is too short. It must contain at least 8 characters."
    ]


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_registering_with_a_weak_password_is_a_400_on_the_password_field(db, api_client, password, message):
    response = api_client.post(
        "/api/auth/register/", {"username": "zhang.wei.huzhou", "password": password}, format="json"
    )

    assert response.status_code == 400
    assert message in response.json()["fields"]["password"]
    assert not User.objects.filter(username="zhang.wei.huzhou").exists()


def test_the_message_speaks_english_on_request(db, api_client):
    response = api_client.post(
        "/api/auth/register/",
        {"username": "li.na", "password": "20270315112233"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.json()["fields"]["password"] == ["This password is entirely numeric."]


@pytest.mark.parametrize(("password", "message"), WEAK[1:])
def test_an_admin_cannot_add_a_member_with_a_weak_password(world, password, message):
    response = world.client("owner").post(
        f"/api/organisations/{world.orgs['owner'].pk}/members/",
        {"username": "zhang.wei.huzhou", "password": password},
        format="json",
    )

    assert response.status_code == 400 and message in response.json()["fields"]["password"]
    assert not User.objects.filter(username="zhang.wei.huzhou").exists()


def test_a_strong_password_is_accepted_and_stored_hashed(db, api_client):
    response = api_client.post(
        "/api/auth/register/", {"username": "li.na", "password": "Taihu-lake-2027"}, format="json"
    )

    assert response.status_code == 201
    stored = User.objects.get(username="li.na").password
    assert "Taihu-lake-2027" not in stored and stored.startswith(("md5$", "pbkdf2_sha256$", "argon2", "scrypt"))


def test_the_password_never_comes_back_in_a_response(db, api_client):
    body = api_client.post(
        "/api/auth/register/", {"username": "li.na", "password": "Taihu-lake-2027"}, format="json"
    ).content.decode()

    assert "Taihu-lake-2027" not in body and "password" not in body
