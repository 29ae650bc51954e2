"""Confidential details never enter the index; the index follows the visibility rules."""

from indexing.backend import get_search_backend
from indexing.selectors import search_postings
from indexing.services import index_now
from marketplace.models import Challenge
from search.types import SearchQuery
from tests.factories.marketplace import ChallengeFactory

C = Challenge.Confidentiality
SECRET = "梯度掺杂配方KX-7"


def test_a_summary_only_challenge_is_indexed_with_its_title_and_summary_only(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        confidentiality=C.SUMMARY_ONLY,
        description=SECRET,
        keywords=["KX-7"],
        summary="高镍正极材料改性",
        indicators=[{"name": "KX-7含量", "target": "≤5", "unit": "%"}],
    )
    index_now(posting=challenge)

    doc = get_search_backend().get([f"challenge:{challenge.pk}"])[f"challenge:{challenge.pk}"]

    assert "KX-7" not in doc.text and "KX-7" not in doc.title
    assert "高镍正极材料改性" in doc.text
    every_audience = ["*", f"org:{world.orgs['owner'].pk}", "role:operator"]
    assert get_search_backend().search(SearchQuery(text="KX-7 梯度掺杂", audience=every_audience)).total == 0


def test_an_invitation_only_challenge_is_found_only_by_the_invited(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        confidentiality=C.INVITATION_ONLY,
        title="固态电解质界面改性定向攻关",
    )
    challenge.invited.add(world.orgs["institute"])
    index_now(posting=challenge)

    def found_by(role):
        viewer = world.users.get(role)
        return [p.pk for p, _s, _c in search_postings(viewer=viewer, q="固态电解质").hits]

    assert found_by("institute") == [challenge.pk]
    assert found_by("owner") == [challenge.pk]
    assert found_by("operator") == [challenge.pk]
    assert found_by("other_enterprise") == [] and found_by("anonymous") == []


def test_a_draft_is_found_by_its_own_organisation_only(world, draft):
    index_now(posting=draft)

    assert [p.pk for p, _s, _c in search_postings(viewer=world.users["owner"], q="钠离子电池").hits] == [draft.pk]
    assert search_postings(viewer=world.users["institute"], q="钠离子电池").total == 0
