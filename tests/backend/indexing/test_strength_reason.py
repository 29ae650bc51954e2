"""The reason beside a match's strength never claims more than the labelled sets support."""

from indexing.selectors import strength_reason
from matching.calibrate import POSSIBLE, STRONG


def test_a_near_certain_probability_is_said_as_about_95_percent_at_most():
    assert "约95%确实相关" in strength_reason(STRONG, 0.998, [])


def test_a_lower_probability_is_said_as_it_is_with_the_shared_terms():
    reason = strength_reason(POSSIBLE, 0.34, ["隔膜", "涂覆"])

    assert "约34%确实相关" in reason and reason.endswith("共同关键词：隔膜、涂覆")
