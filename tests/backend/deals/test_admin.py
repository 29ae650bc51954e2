"""The ledger in the back office is read-only: it lists, filters and searches, and never edits or deletes."""

import pytest
from django.core.management import call_command

from accounts.models import User
from deals.models import Deal


@pytest.fixture
def operator(db, client):
    call_command("seed_demo")
    client.force_login(User.objects.get(username="operator"))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/deals/deal/?status__exact=registered",
        "/admin/deals/deal/?q=地理信息",
        "/admin/deals/countingrule/",
        "/admin/dashboard/policytarget/?q=高新技术企业",
    ],
)
def test_the_back_office_lists_contracts_rules_and_targets(operator, path):
    response = operator.get(path)

    assert response.status_code == 200 and 'id="result_list"' in response.content.decode()


def test_a_contract_page_shows_its_ledger_and_offers_no_edit_or_delete(operator):
    deal = Deal.objects.filter(status="registered").first()

    html = operator.get(f"/admin/deals/deal/{deal.pk}/change/").content.decode()

    assert deal.contract_number in html and "认定登记" in html
    assert 'name="technical_amount"' not in html and "/delete/" not in html
    assert operator.post(f"/admin/deals/deal/{deal.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Deal.objects.filter(pk=deal.pk).exists()
