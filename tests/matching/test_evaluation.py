import math

import pytest

from matching.evaluation import ndcg_at_k, percentile, recall_at_k, reciprocal_rank

RELEVANT = {"cap-017": 2, "cap-044": 1}


def test_ndcg_of_the_ideal_ranking_is_one():
    assert ndcg_at_k(["cap-017", "cap-044", "cap-001"], RELEVANT) == pytest.approx(1.0)


def test_ndcg_against_a_hand_computed_value():
    # grade 1 at rank 1, grade 2 at rank 3: DCG = 1/log2(2) + 3/log2(4) = 1 + 1.5 = 2.5
    # ideal: 3/log2(2) + 1/log2(3) = 3 + 0.63093 = 3.63093
    ranked = ["cap-044", "cap-009", "cap-017"]
    assert ndcg_at_k(ranked, RELEVANT) == pytest.approx(2.5 / (3 + 1 / math.log2(3)))


def test_ndcg_cuts_at_k():
    ranked = ["x"] * 10 + ["cap-017"]
    assert ndcg_at_k(ranked, RELEVANT, k=10) == 0.0


def test_recall_counts_every_graded_document():
    assert recall_at_k(["cap-044", "a", "b"], RELEVANT, k=2) == 0.5
    assert recall_at_k(["a", "b", "cap-017"], RELEVANT, k=2) == 0.0


def test_reciprocal_rank_looks_for_the_first_grade_two_document_only():
    assert reciprocal_rank(["cap-044", "a", "cap-017"], RELEVANT) == pytest.approx(1 / 3)
    assert reciprocal_rank(["cap-044"], RELEVANT) == 0.0


def test_percentile_interpolates():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert percentile([], 95) == 0.0
