import numpy as np
import pytest

from matching.fusion import MATCH, FusionWeights, fuse, normalised_lexical, query_vector
from matching.text import clean, query_views
from matching.types import Indicator, PostingText


def test_boilerplate_about_the_competition_is_removed_from_query_text():
    text = "经导管心脏瓣膜支架用镍钛管材（揭榜挂帅）\n征集国产超弹性镍钛管材：外径≤2mm。榜额500万元。"
    assert clean(text) == "经导管心脏瓣膜支架用镍钛管材\n国产超弹性镍钛管材：外径≤2mm。"


def test_the_two_query_views_are_the_whole_posting_and_its_body():
    posting = PostingText(
        title="矿区电动重卡换电站（揭榜挂帅）",
        description="单次换电≤5分钟，兼容3种以上车型电池包。",
        indicators=[Indicator("插拔寿命", "≥3000", "次")],
        keywords=["换电"],
    )
    full, body = query_views(posting)
    assert full == "矿区电动重卡换电站\n单次换电≤5分钟，兼容3种以上车型电池包。\n插拔寿命≥3000次\n换电"
    assert body == "单次换电≤5分钟，兼容3种以上车型电池包。\n插拔寿命≥3000次"


def test_a_posting_without_description_uses_its_title_as_body():
    assert PostingText(title="猪场臭味被村民投诉").body() == "猪场臭味被村民投诉"


def test_the_query_vector_is_a_normalised_weighted_sum_of_the_views():
    full, body = np.array([1.0, 0.0], np.float32), np.array([0.0, 1.0], np.float32)
    vector = query_vector(full, body, FusionWeights(body_view=1.0))
    np.testing.assert_allclose(vector, [2**-0.5, 2**-0.5], rtol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(query_vector(full, body, MATCH)), 1.0, rtol=1e-6)


def test_fusion_weights_each_component_and_reports_it():
    dense = np.array([0.9, 0.8], np.float32)
    lexical = np.array([2.0, 8.0], np.float32)
    industry = np.array([True, False])

    score, parts = fuse(
        FusionWeights(dense=1.0, lexical=0.5, same_industry=0.1), dense=dense, lexical=lexical, same_industry=industry
    )

    np.testing.assert_allclose(parts["lexical"], [0.125, 0.5])
    np.testing.assert_allclose(parts["same_industry"], [0.1, 0.0])
    np.testing.assert_allclose(score, [0.9 + 0.125 + 0.1, 0.8 + 0.5])


def test_a_zero_weight_leaves_its_component_out():
    score, parts = fuse(MATCH, dense=np.array([0.5], np.float32), lexical=np.array([3.0], np.float32))
    assert set(parts) == {"dense"} and score[0] == pytest.approx(0.5)


def test_lexical_scores_are_divided_by_the_best_and_zeros_stay_zero():
    np.testing.assert_allclose(normalised_lexical(np.array([1.0, 4.0])), [0.25, 1.0])
    np.testing.assert_allclose(normalised_lexical(np.zeros(3)), [0, 0, 0])
