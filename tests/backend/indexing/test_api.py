import pytest
from django.utils.dateparse import parse_datetime

from indexing.services import index_now
from marketplace.models import Capability, Challenge
from tests.backend.marketplace.payloads import capability_body, challenge_body
from tests.factories.marketplace import CapabilityFactory, ChallengeFactory, NeedFactory, industry


def institute_capability(world, **kw) -> Capability:
    capability = CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"], **kw)
    index_now(posting=capability)
    return capability


def test_a_challenge_owner_gets_explained_capabilities_and_the_institutes_behind_them(world, published):
    separator = institute_capability(world)
    institute_capability(
        world,
        title="生猪养殖场臭气生物滤池除臭",
        description="生物滤池降解氨气和硫化氢。",
        industry_id=published.industry_id,
    )
    index_now(posting=published)

    body = world.client("owner").get(f"/api/challenges/{published.pk}/matches/").json()

    top = body["results"][0]
    assert top["posting"]["id"] == separator.pk and top["posting"]["kind"] == "capability"
    assert (top["strength"], top["strength_label"]) == ("strong", "强匹配") and 0.6 <= top["probability"] <= 1
    assert "隔膜" in top["reason"] and "%" in top["reason"]
    assert {"隔膜", "陶瓷"} <= set(top["explanation"]["shared_terms"])
    assert top["explanation"]["indicators"][0] | {"evidence": ""} == {
        "name": "150℃热收缩率",
        "target": "≤2",
        "unit": "%",
        "verdict": "met",
        "addressed": True,
        "evidence": "",
        "claim": "热收缩率低于2%",
        "claimed": "<2%",
        "label": "达标：声明 <2%，目标 ≤ 2%",
    }
    assert top["components"]["dense"] == top["score"]
    # The pig-farm capability is filler for a separator challenge: not shown, and nothing pads the list.
    assert [r["posting"]["id"] for r in body["results"]] == [separator.pk] and body["empty_hint"] == ""
    assert (top["posting"]["trl"], top["posting"]["deadline"]) == (separator.trl, None)
    assert body["institutes"][0]["organisation"]["name"] == world.orgs["institute"].name
    assert body["institutes"][0]["capabilities"][0] == separator.pk and body["institutes"][0]["strength"] == "strong"


def test_a_posting_without_a_strong_enough_match_gets_an_empty_list_and_what_would_help(world, published):
    institute_capability(world, title="生猪养殖场臭气生物滤池除臭", description="生物滤池降解氨气和硫化氢。")
    institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    body = world.client("owner").get(f"/api/challenges/{published.pk}/matches/?limit=10").json()

    assert body["results"] == [] and body["institutes"] == []
    assert "暂无高度匹配" in body["empty_hint"] and "产业链" in body["empty_hint"]


def test_an_institute_gets_the_challenges_and_needs_its_capability_fits(world, published):
    capability = institute_capability(world)
    index_now(posting=published)
    need = NeedFactory(organisation=world.orgs["owner"], created_by=world.users["owner"])
    index_now(posting=need)

    body = world.client("institute").get(f"/api/capabilities/{capability.pk}/matches/?limit=5").json()

    assert [(r["posting"]["kind"], r["posting"]["id"]) for r in body["results"]][0] == ("challenge", published.pk)
    assert body["results"][0]["posting"]["trl"] is None
    assert parse_datetime(body["results"][0]["posting"]["deadline"]) == published.bid_deadline
    assert body["institutes"] == []


def test_matches_never_point_at_what_the_viewer_may_not_see(world):
    capability = institute_capability(world)
    hidden = ChallengeFactory(
        organisation=world.orgs["other_enterprise"],
        created_by=world.users["other_enterprise"],
        status="published",
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY,
    )
    index_now(posting=hidden)

    body = world.client("institute").get(f"/api/capabilities/{capability.pk}/matches/").json()

    assert hidden.pk not in [r["posting"]["id"] for r in body["results"] if r["posting"]["kind"] == "challenge"]


def test_matches_of_a_posting_not_yet_indexed_answer_503_instead_of_encoding(world, published):
    response = world.client("owner").get(f"/api/challenges/{published.pk}/matches/")

    assert response.status_code == 503 and response.json()["code"] == "index_pending"
    assert response["Retry-After"] == "5"


def test_search_filters_ranks_and_counts_facets(world, published):
    institute_capability(world)
    institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    body = world.client("anonymous").get("/api/search/?q=涂覆隔膜&kind=capability").json()
    everything = world.client("anonymous").get("/api/search/?q=涂覆隔膜").json()

    assert [r["posting"]["title"] for r in body["results"]][0] == "勃姆石陶瓷涂覆隔膜制备技术"
    assert body["facets"]["kind"] == {"capability": body["count"]}
    assert everything["facets"]["kind"]["challenge"] == 1
    assert {r["posting"]["kind"] for r in everything["results"]} == {"capability", "challenge"}


@pytest.mark.parametrize("q", ["%%%", "a", "xkqzv", "<script>alert(1)</script>", "固态电池"])
def test_search_for_what_no_posting_is_about_finds_nothing(world, published, q):
    institute_capability(world)
    institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    body = world.client("anonymous").get("/api/search/", {"q": q}).json()

    assert (body["count"], body["results"]) == (0, [])
    assert all(counts == {} for counts in body["facets"].values())


def test_a_term_that_occurs_literally_is_always_a_hit(world, published):
    institute_capability(world)
    geo = institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    body = world.client("anonymous").get("/api/search/", {"q": "边坡"}).json()

    assert [(r["posting"]["kind"], r["posting"]["id"]) for r in body["results"]] == [("capability", geo.pk)]
    assert body["facets"]["industry"] == {"geoinformation": 1}


def test_search_rejects_bad_parameters_with_field_messages(world):
    response = world.client("anonymous").get("/api/search/?kind=planet&trl_min=12&page=0")

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"kind", "trl_min", "page"}


def test_creating_a_near_copy_warns_about_the_existing_posting(world):
    institute = world.client("institute")
    first = institute.post("/api/capabilities/", capability_body(publish=True), format="json").json()
    existing = Capability.objects.get(pk=first["id"])
    index_now(posting=existing)

    copy = institute.post("/api/capabilities/", capability_body(title="低温等离子体协同催化VOC治理工艺"), format="json")
    other = world.client("owner").post("/api/challenges/", challenge_body(), format="json")

    assert copy.status_code == 201  # a warning, not a block
    assert [(d["posting"]["id"], d["score"] >= 0.96) for d in copy.json()["duplicates"]] == [(existing.pk, True)]
    assert first["duplicates"] == [] and other.json()["duplicates"] == []


def test_an_institute_is_recommended_the_postings_its_capabilities_fit(world, published):
    separator = institute_capability(world)
    institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    body = world.client("institute").get("/api/recommendations/?limit=5").json()

    assert body[0]["posting"]["id"] == published.pk and body[0]["posting"]["kind"] == "challenge"
    assert body[0]["capability"]["id"] == separator.pk
    assert [r["posting"]["id"] for r in body].count(published.pk) == 1  # each target once
    assert world.client("owner").get("/api/recommendations/").json() == []  # no capabilities


def test_recommendations_rank_from_the_most_recently_updated_capabilities_only(world, published, monkeypatch):
    # A bound on the request's cost: one kNN search per capability (tests/benchmarks/load/).
    monkeypatch.setattr("indexing.selectors.RECOMMEND_FROM_CAPABILITIES", 1)
    separator = institute_capability(world)
    institute_capability(
        world, title="北斗高精度定位与形变监测", description="毫米级边坡形变监测。", industry=industry("geoinformation")
    )
    index_now(posting=published)

    newest_first = world.client("institute").get("/api/recommendations/?limit=5").json()
    separator.save()  # now the most recently updated
    body = world.client("institute").get("/api/recommendations/?limit=5").json()

    assert newest_first == []  # the geo capability fits no posting: nothing, rather than filler
    assert {r["capability"]["id"] for r in body} == {separator.pk}
    assert body[0]["posting"]["id"] == published.pk


def test_my_bids_lists_the_bids_led_or_joined(world, published, institute_bid):
    # Joined: the partner accepted (a pending one sees an invitation, not the bid: tests/backend/marketplace/api/test_consortium.py).
    institute_bid.partner_links.create(organisation=world.orgs["other_enterprise"], role="中试", state="accepted")

    led = world.client("institute").get("/api/bids/").json()["results"]
    joined = world.client("other_enterprise").get("/api/bids/").json()["results"]

    assert [(b["id"], b["challenge"]["title"]) for b in led] == [(institute_bid.pk, published.title)]
    assert [b["id"] for b in joined] == [institute_bid.pk]
    assert world.client("owner").get("/api/bids/").json()["results"] == []


def test_the_stats_sum_the_open_public_bounties(world, published):
    ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status="published",
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY,
        bounty="9000000.00",
    )

    stats = world.client("anonymous").get("/api/stats/").json()

    assert (stats["open_challenges"], stats["open_bounty"]) == (1, "3000000.00")


def test_a_capability_sees_which_indicators_of_a_fitting_challenge_it_addresses(world, published):
    capability = institute_capability(world)
    index_now(posting=published)

    body = world.client("institute").get(f"/api/capabilities/{capability.pk}/matches/").json()

    challenge = next(r for r in body["results"] if r["posting"]["kind"] == "challenge")
    assert [(i["name"], i["addressed"]) for i in challenge["explanation"]["indicators"]] == [("150℃热收缩率", True)]


def test_matches_give_each_indicator_a_verdict_from_the_numbers_with_the_capabilitys_sentence(world, published):
    published.indicators = [
        {"name": "150℃热收缩率", "target": "≤2", "unit": "%"},
        {"name": "穿刺强度", "target": "≥500", "unit": "gf"},
        {"name": "离子电导率", "target": "≥1", "unit": "mS/cm"},
    ]
    published.save()
    capability = institute_capability(
        world,
        keywords=["穿刺强度", "离子电导率"],
        description="掌握水性陶瓷浆料配方与微凹版涂布工艺，隔膜150℃热收缩率低于2%。涂覆隔膜穿刺强度为400 gf，已完成中试。",
    )
    index_now(posting=published)

    for client, url in (
        (world.client("owner"), f"/api/challenges/{published.pk}/matches/"),
        (world.client("institute"), f"/api/capabilities/{capability.pk}/matches/"),
    ):
        body = client.get(url).json()
        match = next(r for r in body["results"] if r["posting"]["kind"] in ("capability", "challenge"))
        rows = {i["name"]: i for i in match["explanation"]["indicators"]}
        assert (rows["150℃热收缩率"]["verdict"], rows["150℃热收缩率"]["addressed"]) == ("met", True)
        puncture = rows["穿刺强度"]
        assert (puncture["verdict"], puncture["addressed"], puncture["claimed"]) == ("unmet", False, "400 gf")
        assert puncture["label"] == "未达标：声明 400 gf，目标 ≥ 500 gf"
        assert puncture["evidence"] == "涂覆隔膜穿刺强度为400 gf，已完成中试"
        # Named only in the keywords: not stated, and the keyword list is no evidence.
        conductivity = rows["离子电导率"]
        assert (conductivity["verdict"], conductivity["evidence"], conductivity["label"]) == ("unknown", None, "未说明")
