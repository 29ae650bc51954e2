"""A contract recorded from an invitation-only challenge does not disclose the challenge to a
viewer who may not see it (marketplace's rule): neither its title — which the contract's own title
copies at record time — nor its id, in the ledger's list, detail, search, entries, action answers
and pre-fill. Its origin still says "challenge"."""

import json

import pytest

from deals.services import deal_amend
from tests.backend.deals.helpers import SECRET_TITLE, record_from_confidential_challenge
from tests.factories.deals import ledger_keeper

NEUTRAL = "保密榜单合同"


@pytest.fixture
def confidential(world):
    return record_from_confidential_challenge(world)


def text(body) -> str:
    return json.dumps(body, ensure_ascii=False)


def listed(client, **params) -> list[dict]:
    response = client.get("/api/deals/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_an_official_who_may_not_see_the_challenge_reads_neither_its_title_nor_its_id(world, confidential):
    challenge, deal = confidential
    client = world.client("official")  # the city bureau: keeps the whole ledger, was not invited

    [row] = listed(client)
    detail = client.get(f"/api/deals/{deal.pk}/").json()

    for body in (row, detail):
        assert body["title"] == NEUTRAL and body["origin_confidential"] is True
        assert (body["origin"], body["origin_challenge"], body["origin_bid"]) == ("challenge", None, None)
        assert (body["technical_amount"], body["status"]) == ("3200000.00", "registered")  # it still counts
        assert SECRET_TITLE not in text(body)
    assert challenge.pk and detail["entries"][1]["reason"] == "经技术市场审核，符合认定条件"


def test_the_neutral_title_is_english_on_request(world, confidential):
    [row] = world.client("official").get("/api/deals/", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert row["title"] == "Contract from a confidential challenge"


@pytest.mark.parametrize("role", ["owner", "institute", "operator"])
def test_the_owner_the_invited_winner_and_the_operator_read_the_origin(world, confidential, role):
    challenge, deal = confidential
    body = world.client(role).get(f"/api/deals/{deal.pk}/").json()
    assert (body["title"], body["origin_challenge"], body["origin_confidential"]) == (SECRET_TITLE, challenge.pk, False)
    assert body["origin_bid"] is not None


def test_an_official_whose_bureau_was_invited_reads_it(world, confidential):
    # Who may see a challenge is marketplace's rule: the deals app asks it, it does not restate it.
    challenge, deal = confidential
    challenge.invited.add(world.orgs["official"])
    body = world.client("official").get(f"/api/deals/{deal.pk}/").json()
    assert (body["title"], body["origin_challenge"]) == (SECRET_TITLE, challenge.pk)


def test_searching_by_the_confidential_title_finds_nothing_for_those_who_may_not_see_it(world, confidential):
    _, deal = confidential
    official, operator = world.client("official"), world.client("operator")

    assert listed(official, q="硫化物") == []
    assert [d["id"] for d in listed(operator, q="硫化物")] == [deal.pk]
    # Still found by what the official is shown: its number and its parties.
    assert [(d["id"], d["title"]) for d in listed(official, q=deal.contract_number)] == [(deal.pk, NEUTRAL)]
    assert [d["id"] for d in listed(official, q="天能")] == [deal.pk]
    assert [d["id"] for d in listed(official, origin="challenge")] == [deal.pk]


def test_a_corrected_title_reads_as_the_neutral_title_in_the_ledger_entries(world, confidential):
    _, deal = confidential
    deal_amend(deal=deal, by=ledger_keeper(), reason="按合同文本更正名称", title="硫化物电解质中试技术开发合同")

    official = world.client("official").get(f"/api/deals/{deal.pk}/").json()
    operator = world.client("operator").get(f"/api/deals/{deal.pk}/").json()

    assert official["title"] == NEUTRAL and official["entries"][-1]["changes"] == {"title": [NEUTRAL, NEUTRAL]}
    assert operator["entries"][-1]["changes"] == {"title": [SECRET_TITLE, "硫化物电解质中试技术开发合同"]}
    assert SECRET_TITLE not in text(official) and "硫化物" not in text(official)


def test_the_answer_to_an_officials_own_action_does_not_disclose_it_either(world):
    _, deal = record_from_confidential_challenge(world, registered=False)
    client = world.client("official")

    registered = client.post(
        f"/api/deals/{deal.pk}/register/",
        {
            "registration_number": "330502-2026-0999",
            "registered_on": "2026-10-09",
            "reason": "经技术市场审核，符合认定条件",
        },
        format="json",
    )
    voided = client.post(f"/api/deals/{deal.pk}/void/", {"reason": "双方解除合同"}, format="json")

    for response in (registered, voided):
        assert response.status_code == 200, response.content
        assert response.json()["title"] == NEUTRAL and response.json()["origin_challenge"] is None
        assert SECRET_TITLE not in text(response.json())


def test_the_prefill_of_a_challenge_the_official_may_not_see_has_the_neutral_title(world, confidential):
    challenge, _ = confidential
    official = world.client("official").get("/api/deals/prefill/", {"challenge": challenge.pk}).json()
    owner = world.client("owner").get("/api/deals/prefill/", {"challenge": challenge.pk}).json()
    assert official["title"] == NEUTRAL and SECRET_TITLE not in text(official)
    assert owner["title"] == SECRET_TITLE
