from marketplace.models import Challenge
from tests.backend.marketplace.payloads import bid_body
from tests.factories.accounts import OrganisationFactory


def bids_url(challenge) -> str:
    return f"/api/challenges/{challenge.pk}/bids/"


def test_one_live_bid_per_organisation_and_a_new_one_after_withdrawing(world, published):
    institute = world.client("institute")

    first = institute.post(bids_url(published), bid_body(), format="json")
    second = institute.post(bids_url(published), bid_body(price="4000000.00"), format="json")
    withdrawn = institute.post(f"{bids_url(published)}{first.json()['id']}/withdraw/")
    again = institute.post(bids_url(published), bid_body(price="4000000.00"), format="json")

    assert first.status_code == 201
    assert second.status_code == 409 and second.json()["detail"] == "本机构已有一份有效的揭榜申请，请先撤回再重新提交"
    assert withdrawn.json()["status"] == "withdrawn"
    assert again.status_code == 201


def test_a_consortium_bid_names_its_partners_and_their_roles(world, published):
    partner = OrganisationFactory(kind="institute", name="浙江湖州先进材料中试基地")

    response = world.client("institute").post(
        bids_url(published), bid_body(partners=[{"organisation": partner.pk, "role": "中试放大"}]), format="json"
    )

    assert response.status_code == 201, response.json()
    assert response.json()["partners"] == [
        {
            "organisation": {
                "id": partner.pk,
                "name": partner.name,
                "kind": "institute",
                "region": "wuxing",
                "verification": "verified",
            },
            "role": "中试放大",
            "state": "pending",
            "state_label": "待确认",
            "decided_at": None,
        }
    ]


def test_a_consortium_may_not_list_its_lead_or_a_government_body(world, published):
    institute = world.client("institute")

    itself = institute.post(
        bids_url(published), bid_body(partners=[{"organisation": world.orgs["institute"].pk}]), format="json"
    )
    government = institute.post(
        bids_url(published), bid_body(partners=[{"organisation": world.orgs["official"].pk}]), format="json"
    )

    assert itself.status_code == 400 and itself.json()["detail"] == "联合体成员不能包含牵头单位自身"
    assert government.status_code == 400


def test_bid_contents_are_seen_by_the_bidder_its_partners_and_the_owner_only(world, published):
    partner = world.orgs["other_enterprise"]
    bid = world.client("institute").post(
        bids_url(published), bid_body(partners=[{"organisation": partner.pk}]), format="json"
    )

    def seen_by(role):
        return [b["proposal"] for b in world.client(role).get(bids_url(published)).json()]

    expected = [bid_body()["proposal"]]
    assert seen_by("owner") == expected
    assert seen_by("institute") == expected
    assert seen_by("other_enterprise") == []  # named, not yet a member
    world.client("other_enterprise").post(f"/api/bids/{bid.json()['id']}/partners/accept/")
    assert seen_by("other_enterprise") == expected  # consortium partner
    assert seen_by("official") == []
    assert seen_by("unverified_institute") == []
    assert seen_by("anonymous") == []


def test_no_bid_after_the_deadline_or_once_closed(world, published):
    published.status = Challenge.Status.CLOSED
    published.save()

    response = world.client("institute").post(bids_url(published), bid_body(), format="json")

    assert response.status_code == 409 and response.json()["detail"] == "榜单不在揭榜期内"


def test_shortlisting_marks_the_bid_and_only_once(world, published, institute_bid):
    owner = world.client("owner")
    url = f"{bids_url(published)}{institute_bid.pk}/shortlist/"

    assert owner.post(url).json()["status"] == "shortlisted"
    assert owner.post(url).status_code == 409
