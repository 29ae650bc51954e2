from matching.explain import explain, indicator_coverage, shared_terms
from matching.types import Indicator, PostingText

CHALLENGE = PostingText(
    title="高安全动力电池陶瓷涂覆隔膜研发",
    description="现有聚烯烃隔膜在150℃下热收缩明显，易引发热失控。需开发陶瓷涂覆隔膜并完成中试验证。",
    indicators=[
        Indicator("150℃热收缩率", "≤2", "%"),
        Indicator("穿刺强度", "≥500", "gf"),
        Indicator("离子电导率", "≥1", "mS/cm"),
    ],
)
CAPABILITY = PostingText(
    title="勃姆石陶瓷涂覆隔膜制备技术",
    description="掌握水性陶瓷浆料配方与微凹版涂布工艺，涂覆隔膜150℃热收缩率低于2%，穿刺强度提升30%，已完成中试线验证。",
    keywords=["隔膜", "陶瓷涂覆"],
)


def test_shared_terms_are_the_key_terms_both_sides_use_without_bare_figures():
    terms = shared_terms(CHALLENGE.full(), CAPABILITY.full())

    assert {"隔膜", "陶瓷", "涂覆", "中试"} <= set(terms)
    assert not any(t.replace("%", "").isdigit() for t in terms)
    assert "开发" not in terms  # only in the challenge


def test_each_indicator_gets_a_verdict_from_the_numbers_and_the_sentence_that_states_them():
    coverage = {c.indicator.name: c for c in explain(CHALLENGE, CAPABILITY).indicators}

    shrink = coverage["150℃热收缩率"]
    assert (shrink.verdict, shrink.addressed) == ("met", True) and "热收缩率低于2%" in shrink.evidence
    # "提升30%" is a change, not a value: the indicator is mentioned but not shown to be met.
    puncture = coverage["穿刺强度"]
    assert (puncture.verdict, puncture.addressed, puncture.label) == ("unknown", False, "未说明")
    assert "穿刺强度提升30%" in puncture.evidence
    assert coverage["离子电导率"].verdict == "unknown" and coverage["离子电导率"].evidence == ""


def test_the_evidence_is_a_sentence_of_the_description_never_the_keyword_list():
    capability = PostingText(
        title="储能电芯", description="电芯在1000次循环后容量保持率为95%。", keywords=["循环寿命", "储能"]
    )

    (cycle_life,) = explain(
        PostingText(title="储能", indicators=[Indicator("循环寿命", "≥6000", "次")]), capability
    ).indicators

    assert cycle_life.verdict == "unknown" and "循环寿命" not in cycle_life.evidence


def test_an_unrelated_capability_shares_nothing_and_addresses_nothing():
    pigs = PostingText(
        title="生猪养殖场臭气生物滤池除臭技术", description="生物滤池降解氨气和硫化氢，除臭效率90%以上。"
    )

    explanation = explain(CHALLENGE, pigs, {"dense": 0.81})

    assert explanation.shared_terms == []
    assert not any(c.addressed for c in explanation.indicators)
    assert {c.verdict for c in explanation.indicators} == {"unknown"}
    assert explanation.components == {"dense": 0.81}


def test_an_indicator_named_verbatim_is_met_when_its_number_is():
    assert indicator_coverage(Indicator("PUE", "≤1.3"), "改造后年均PUE降至1.25").addressed
    assert indicator_coverage(Indicator("PUE", "≤1.2"), "改造后年均PUE降至1.25").verdict == "unmet"
