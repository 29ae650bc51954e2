import pytest
from django.core.exceptions import ValidationError as DjangoValidationError

from core.exceptions import ApplicationError, api_exception_handler

pytestmark = pytest.mark.django_db  # ATOMIC_REQUESTS: every request opens a transaction


def test_an_unknown_api_path_answers_json_404(client):
    response = client.get("/api/no-such-endpoint/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


def test_an_application_error_keeps_its_status_message_and_extra():
    exc = ApplicationError(
        "只有草稿状态的榜单可以发布", code="illegal_transition", status_code=409, extra={"status": "closed"}
    )

    response = api_exception_handler(exc, {})

    assert response.status_code == 409
    assert response.data == {
        "detail": "只有草稿状态的榜单可以发布",
        "code": "illegal_transition",
        "fields": {},
        "extra": {"status": "closed"},
    }


def test_a_django_validation_error_becomes_400_with_field_messages():
    exc = DjangoValidationError({"bounty": ["榜额必须大于0"], "deadline": ["截止日期不能早于今天"]})

    response = api_exception_handler(exc, {})

    assert response.status_code == 400
    assert response.data["code"] == "invalid"
    assert response.data["fields"] == {"bounty": ["榜额必须大于0"], "deadline": ["截止日期不能早于今天"]}


@pytest.mark.parametrize(
    ("language", "expected"),
    [(None, "方法 “POST” 不被允许。"), ("en", 'Method "POST" not allowed.')],
)
def test_messages_are_chinese_by_default_and_english_on_request(client, language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}

    response = client.post("/api/health/", **headers)

    assert response.status_code == 405
    assert response.json() == {"detail": expected, "code": "method_not_allowed", "fields": {}}


@pytest.mark.parametrize("language", [None, "en"])
def test_a_lost_database_connection_answers_503_json_not_a_500_page(client, monkeypatch, language):
    from django.db import OperationalError

    def lost(**_kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("indexing.views.search_postings", lost)
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}

    response = client.get("/api/search/?q=隔膜", **headers)

    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json()["code"] == "database_unavailable"
    assert response.json()["detail"] == (
        "The database is temporarily unavailable; please try again later."
        if language
        else "数据库暂时不可用，请稍后再试。"
    )
