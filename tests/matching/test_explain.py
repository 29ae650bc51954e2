from matching.explain import explain, indicator_coverage, shared_terms
from matching.types import Indicator, PostingText

CHALLENGE = PostingText(
    title="高安全动力电池陶瓷涂覆隔膜研发",
    description="现有聚烯烃隔膜在150℃下热收缩明显，易引发热失控。需开发陶瓷涂覆隔膜并完成中试验证。",
    indicators=[Indicator("150℃热收缩率", "≤2", "%"), Indicator("穿刺强度", "≥500", "gf"), Indicator("离子电导率", "≥1", "mS/cm")],
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


def test_each_indicator_says_whether_the_capability_addresses_it_and_where():
    coverage = {c.indicator.name: c for c in explain(CHALLENGE, CAPABILITY).indicators}

    assert coverage["150℃热收缩率"].addressed and "热收缩率低于2%" in coverage["150℃热收缩率"].evidence
    assert coverage["穿刺强度"].addressed
    assert not coverage["离子电导率"].addressed and coverage["离子电导率"].evidence == ""


def test_an_unrelated_capability_shares_nothing_and_addresses_nothing():
    pigs = PostingText(title="生猪养殖场臭气生物滤池除臭技术", description="生物滤池降解氨气和硫化氢，除臭效率90%以上。")

    explanation = explain(CHALLENGE, pigs, {"dense": 0.81})

    assert explanation.shared_terms == []
    assert not any(c.addressed for c in explanation.indicators)
    assert explanation.components == {"dense": 0.81}


def test_an_indicator_named_verbatim_is_addressed():
    assert indicator_coverage(Indicator("PUE"), "改造后年均PUE降至1.25").addressed
