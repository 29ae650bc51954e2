import numpy as np

from matching.feedback import Interaction, feedback_scores

DOCS = ["cap-1", "cap-2", "cap-3"]


def unit(*values: float) -> np.ndarray:
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_documents_that_similar_past_queries_awarded_or_dismissed_move_up_or_down():
    past = np.stack([unit(1, 0.05), unit(0, 1)])
    interactions = [[Interaction("cap-1", 1.0), Interaction("cap-2", -1.0)], [Interaction("cap-3", 1.0)]]

    scores = feedback_scores(unit(1, 0), past, interactions, DOCS, neighbours=1, floor=0.5)

    assert scores[0] > 0.9 and scores[1] < -0.9 and scores[2] == 0


def test_past_queries_at_or_below_the_floor_count_for_nothing():
    past = np.stack([unit(0, 1)])

    scores = feedback_scores(unit(1, 0), past, [[Interaction("cap-1", 1.0)]], DOCS, floor=0.0)

    assert not scores.any()


def test_a_weaker_neighbour_moves_a_document_less():
    interactions = [[Interaction("cap-1", 1.0)]]
    close = feedback_scores(unit(1, 0), np.stack([unit(1, 0.1)]), interactions, DOCS, floor=0.5)
    far = feedback_scores(unit(1, 0), np.stack([unit(1, 0.6)]), interactions, DOCS, floor=0.5)

    assert close[0] > far[0] > 0


def test_no_history_and_unknown_documents_give_zeros():
    assert not feedback_scores(unit(1, 0), np.zeros((0, 2)), [], DOCS).any()
    assert not feedback_scores(unit(1, 0), np.stack([unit(1, 0)]), [[Interaction("gone", 1.0)]], DOCS).any()
