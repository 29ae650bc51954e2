"""Signing in and registering are rate limited per client address, and failed sign-ins per account
name: a password-guessing script gets 429 with Retry-After, whether it guesses from one address or
from many, and the limits come from settings (environment in production)."""

import pytest
from django.core.cache import cache

from tests.factories.accounts import UserFactory

LOGIN, REGISTER = "/api/auth/token/", "/api/auth/register/"


@pytest.fixture
def limits(settings):
    """Rates as a deployment sets them (test settings switch them off for the other suites)."""
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": "3/minute", "register": "2/hour"},
    }
    yield settings
    cache.clear()


def test_the_fourth_attempt_in_a_minute_gets_429_with_retry_after(db, api_client, limits):
    UserFactory(username="zhang.wei")
    attempts = [
        api_client.post(LOGIN, {"username": "zhang.wei", "password": f"guess-{n}"}, format="json") for n in range(4)
    ]

    assert [r.status_code for r in attempts] == [400, 400, 400, 429]
    refused = attempts[-1]
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["code"] == "throttled" and refused.json()["detail"].startswith("尝试次数过多")


def test_the_right_password_is_refused_too_once_the_limit_is_reached(db, api_client, limits):
    """Otherwise the 429 would only slow the guesser down, not stop the guess being checked."""
    UserFactory(username="zhang.wei", password="Huzhou-2027-keji")
    for n in range(3):
        api_client.post(LOGIN, {"username": "zhang.wei", "password": f"guess-{n}"}, format="json")

    response = api_client.post(LOGIN, {"username": "zhang.wei", "password": "Huzhou-2027-keji"}, format="json")

    assert response.status_code == 429 and "token" not in response.json()


def test_the_message_speaks_english_on_request(db, api_client, limits):
    for _n in range(3):
        api_client.post(LOGIN, {"username": "nobody", "password": "x"}, format="json")

    response = api_client.post(LOGIN, {"username": "nobody", "password": "x"}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429 and response.json()["detail"].startswith(
        "Too many attempts; please try again later. Retry in"
    )


def test_another_client_address_is_counted_on_its_own(db, api_client, limits):
    for _n in range(3):
        api_client.post(LOGIN, {"username": "nobody", "password": "x"}, format="json", REMOTE_ADDR="10.0.0.1")

    elsewhere = api_client.post(LOGIN, {"username": "nobody", "password": "x"}, format="json", REMOTE_ADDR="10.0.0.2")

    assert elsewhere.status_code == 400


def test_a_forged_forwarded_for_header_does_not_reset_the_count(db, api_client, limits):
    """NUM_PROXIES is 0 unless a deployment says a proxy sets X-Forwarded-For."""
    responses = [
        api_client.post(
            LOGIN, {"username": "nobody", "password": "x"}, format="json", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        )
        for n in range(4)
    ]

    assert responses[-1].status_code == 429


def test_behind_one_trusted_proxy_the_forwarded_address_is_the_client(db, api_client, limits):
    limits.REST_FRAMEWORK = {**limits.REST_FRAMEWORK, "NUM_PROXIES": 1}
    for _n in range(3):
        api_client.post(
            LOGIN, {"username": "nobody", "password": "x"}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.7"
        )

    other_client = api_client.post(
        LOGIN, {"username": "nobody", "password": "x"}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )
    same_client = api_client.post(
        LOGIN, {"username": "nobody", "password": "x"}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert (other_client.status_code, same_client.status_code) == (400, 429)


def test_registration_is_limited_too(db, api_client, limits):
    bodies = [{"username": f"user{n}", "password": "Taihu-lake-2027"} for n in range(3)]

    codes = [api_client.post(REGISTER, body, format="json").status_code for body in bodies]

    assert codes == [201, 201, 429]


def test_signing_out_is_not_limited(db, api_client, limits):
    user = UserFactory(username="zhang.wei")
    api_client.force_authenticate(user)

    assert [api_client.delete(LOGIN).status_code for _n in range(5)] == [204] * 5


def test_an_unset_rate_switches_the_limit_off(db, api_client, settings):
    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"login": None, "register": None}}

    codes = {
        api_client.post(LOGIN, {"username": "nobody", "password": "x"}, format="json").status_code for _n in range(15)
    }

    assert codes == {400}


@pytest.fixture
def account_limit(settings):
    """Failed sign-ins per account only (the per-address limit off): 3 an hour."""
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": None, "login_account": "3/hour", "register": None},
    }
    yield settings
    cache.clear()


def sign_in(api_client, username: str, password: str, address: str):
    return api_client.post(LOGIN, {"username": username, "password": password}, format="json", REMOTE_ADDR=address)


def test_guesses_at_one_account_from_many_addresses_are_stopped_even_for_the_right_password(
    db, api_client, account_limit
):
    UserFactory(username="zhang.wei", password="Huzhou-2027-keji")
    guesses = [sign_in(api_client, "zhang.wei", f"guess-{n}", f"198.51.100.{n}") for n in range(3)]

    right = sign_in(api_client, "zhang.wei", "Huzhou-2027-keji", "203.0.113.9")

    assert [r.status_code for r in guesses] == [400, 400, 400]
    assert right.status_code == 429 and "token" not in right.json()
    assert 3500 < int(right["Retry-After"]) <= 3600


def test_another_account_signs_in_from_the_same_addresses(db, api_client, account_limit):
    UserFactory(username="li.na", password="Taihu-lake-2027")
    for n in range(3):
        sign_in(api_client, "zhang.wei", f"guess-{n}", f"198.51.100.{n}")

    assert sign_in(api_client, "li.na", "Taihu-lake-2027", "198.51.100.0").status_code == 200


def test_successful_sign_ins_do_not_count(db, api_client, account_limit):
    UserFactory(username="zhang.wei", password="Huzhou-2027-keji")

    codes = [sign_in(api_client, "zhang.wei", "Huzhou-2027-keji", "127.0.0.1").status_code for _n in range(6)]

    assert codes == [200] * 6


@pytest.mark.parametrize("variant", ["Zhang.Wei", " zhang.wei ", "ZHANG.WEI"])
def test_unknown_names_and_case_variants_count_alike_so_the_429_reveals_nothing(db, api_client, account_limit, variant):
    for n in range(3):
        assert sign_in(api_client, variant, f"guess-{n}", "127.0.0.1").status_code == 400

    assert sign_in(api_client, "zhang.wei", "guess", "127.0.0.1").status_code == 429


def test_the_window_slides_the_oldest_failure_out_first(db, api_client, account_limit, monkeypatch):
    import time

    UserFactory(username="zhang.wei", password="Huzhou-2027-keji")
    start = time.time()
    clock = {"now": start}
    monkeypatch.setattr(time, "time", lambda: clock["now"])
    for minute in (0, 20, 40):
        clock["now"] = start + minute * 60
        sign_in(api_client, "zhang.wei", f"guess-{minute}", "127.0.0.1")

    clock["now"] = start + 45 * 60
    refused = sign_in(api_client, "zhang.wei", "Huzhou-2027-keji", "127.0.0.1")
    clock["now"] = start + 60 * 60 + 1  # the first failure is an hour old; the other two still count
    allowed = sign_in(api_client, "zhang.wei", "Huzhou-2027-keji", "127.0.0.1")

    assert refused.status_code == 429 and abs(int(refused["Retry-After"]) - 15 * 60) <= 1
    assert allowed.status_code == 200


def test_with_the_rate_limit_cache_unreachable_sign_in_still_works_and_still_checks_the_password(
    db, api_client, settings, caplog
):
    """Fail open: a Redis outage must not lock everybody out (the password is still checked)."""
    from tests.services import free_port

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }  # nothing listens there
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": "1/minute", "login_account": "1/hour", "register": None},
    }
    UserFactory(username="zhang.wei", password="Huzhou-2027-keji")

    wrong = [sign_in(api_client, "zhang.wei", "guess", "127.0.0.1").status_code for _n in range(2)]
    right = [sign_in(api_client, "zhang.wei", "Huzhou-2027-keji", "127.0.0.1").status_code for _n in range(2)]

    assert (wrong, right) == ([400, 400], [200, 200])
    assert "rate-limit cache unavailable; login not throttled" in caplog.text
    assert "rate-limit cache unavailable; sign-in failures not checked" in caplog.text


def test_production_limits_come_from_the_environment():
    """base.py reads TECHMATCH_LOGIN_RATE / TECHMATCH_LOGIN_ACCOUNT_RATE / TECHMATCH_REGISTER_RATE; the defaults are these."""
    import subprocess
    import sys

    from tests.services import REPO_DIR

    code = "from django.conf import settings; print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'], settings.REST_FRAMEWORK['NUM_PROXIES'])"
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "PATH": "/usr/bin:/bin",
        "TECHMATCH_VAR_DIR": "/tmp/techmatch-throttle-test",
    }
    default = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO_DIR / "backend",
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    configured = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO_DIR / "backend",
        env={
            **env,
            "TECHMATCH_LOGIN_RATE": "5/minute",
            "TECHMATCH_LOGIN_ACCOUNT_RATE": "3/hour",
            "TECHMATCH_REGISTER_RATE": "",
            "TECHMATCH_NUM_PROXIES": "1",
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert default.strip() == "{'login': '10/minute', 'login_account': '20/hour', 'register': '20/hour'} 0"
    assert configured.strip() == "{'login': '5/minute', 'login_account': '3/hour', 'register': None} 1"


def test_production_counts_the_address_its_proxy_appends():
    from tests.backend.config.test_settings import PROD_ENV, manage

    code = "from django.conf import settings; print(settings.REST_FRAMEWORK['NUM_PROXIES'])"

    assert manage("shell", "-c", code, env=PROD_ENV).stdout.strip().splitlines()[-1] == "1"
    assert (
        manage("shell", "-c", code, env={**PROD_ENV, "TECHMATCH_NUM_PROXIES": "2"}).stdout.strip().splitlines()[-1]
        == "2"
    )


# --- the admin's sign-in page is under the same limits ------------------------------------------

ADMIN_LOGIN = "/admin/login/"


def admin_sign_in(client, username: str, password: str, address: str = "10.0.0.9"):
    return client.post(
        ADMIN_LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_the_admin_page_counts_against_the_per_address_limit(db, client, limits):
    """The finding: /admin/login/ took unlimited guesses while the API's sign-in was limited."""
    UserFactory(username="operator-admin", is_staff=True, is_superuser=True, organisation=None)
    pages = [admin_sign_in(client, "operator-admin", f"guess-{n}").content.decode() for n in range(4)]

    assert all("尝试次数过多" not in page for page in pages[:3])
    assert "尝试次数过多" in pages[3]
    assert "_auth_user_id" not in client.session


def test_the_admin_page_refuses_the_right_password_once_the_account_is_locked(db, client, account_limit):
    UserFactory(username="operator-admin", is_staff=True, is_superuser=True, organisation=None)
    for n in range(3):  # from three addresses: the per-account count, not the per-address one
        admin_sign_in(client, "operator-admin", f"guess-{n}", address=f"10.0.1.{n}")

    refused = admin_sign_in(client, "operator-admin", "Huzhou-2027-keji", address="10.0.2.1")

    assert refused.status_code == 200 and "尝试次数过多" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_page_still_signs_in_below_the_limits(db, client, account_limit):
    UserFactory(username="operator-admin", is_staff=True, is_superuser=True, organisation=None)

    response = admin_sign_in(client, "operator-admin", "Huzhou-2027-keji")

    assert response.status_code == 302 and client.session["_auth_user_id"]
