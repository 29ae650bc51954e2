import numpy as np
import pytest

from matching.evaluation import bootstrap_means, interval, paired_bootstrap, per_query


def test_per_query_gives_the_three_figures_of_one_ranking():
    figures = per_query(["a", "cap-017"], {"cap-017": 2})
    assert figures["mrr"] == pytest.approx(0.5)
    assert figures["recall@10"] == 1.0
    assert set(figures) == {"ndcg@10", "recall@10", "mrr"}


def test_the_same_seed_draws_the_same_resamples():
    values = np.linspace(0, 1, 30)
    assert np.array_equal(bootstrap_means(values, seed=7), bootstrap_means(values, seed=7))
    assert not np.array_equal(bootstrap_means(values, seed=7), bootstrap_means(values, seed=8))


def test_the_interval_of_a_mean_contains_it_and_narrows_with_more_queries():
    rng = np.random.default_rng(1)
    few, many = rng.uniform(size=20), rng.uniform(size=2000)
    low, high = interval(bootstrap_means(few))
    assert low < few.mean() < high
    low_many, high_many = interval(bootstrap_means(many))
    assert high_many - low_many < (high - low) / 5


def test_a_constant_gain_on_every_query_is_significant_however_noisy_the_queries():
    a = np.random.default_rng(2).uniform(size=30)
    result = paired_bootstrap(a, a + 0.01)
    assert result.diff == pytest.approx(0.01)
    assert result.ci_diff == pytest.approx((0.01, 0.01))
    assert result.significant
    # unpaired, the two intervals overlap almost entirely
    assert result.ci_a[1] > result.ci_b[0]


def test_gains_that_cancel_out_are_not_significant():
    a = np.full(30, 0.5)
    b = a + np.tile([0.2, -0.2], 15)
    result = paired_bootstrap(a, b)
    assert result.diff == pytest.approx(0.0)
    assert result.ci_diff[0] < 0 < result.ci_diff[1]
    assert not result.significant


def test_a_loss_is_significant_too():
    a = np.full(40, 0.8)
    b = a - np.where(np.arange(40) % 4 == 0, 0.0, 0.1)
    result = paired_bootstrap(a, b)
    assert result.ci_diff[1] < 0 and result.significant


def test_variants_must_cover_the_same_queries():
    with pytest.raises(ValueError):
        paired_bootstrap([0.1, 0.2], [0.1])
    with pytest.raises(ValueError):
        paired_bootstrap([], [])
