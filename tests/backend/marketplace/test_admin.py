import pytest
from django.core.management import call_command

from accounts.models import User


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/organisation/?verification__exact=unverified",
        "/admin/accounts/user/?q=tianneng",
        "/admin/marketplace/challenge/?status__exact=published&mode__exact=saima",
        "/admin/marketplace/bid/?status__exact=awarded",
        "/admin/marketplace/need/?q=叉车",
        "/admin/marketplace/capability/?trl__exact=7",
        "/admin/marketplace/industrychain/",
    ],
)
def test_the_operator_back_office_lists_filter_and_search(db, client, path):
    call_command("seed_demo")
    client.force_login(User.objects.get(username="operator"))

    response = client.get(path)

    assert response.status_code == 200
    assert 'id="result_list"' in response.content.decode()  # every filter above matches demo rows


def test_a_challenge_page_shows_its_history_and_keeps_the_status_read_only(db, client):
    call_command("seed_demo")
    client.force_login(User.objects.get(username="operator"))
    from marketplace.models import Challenge

    challenge = Challenge.objects.get(status="in_progress", title="抗体药物高表达细胞株构建")
    html = client.get(f"/admin/marketplace/challenge/{challenge.pk}/change/").content.decode()

    assert 'name="status"' not in html
    assert "in_progress" in html or "攻关中" in html
