"""The calibration: a probability that rises with the cosine and the lead over the rest, honest
out-of-fold figures, and the shipped fit loads without Django."""

import numpy as np
import pytest

from matching import calibrate


def synthetic(n_queries=40, seed=1):
    rng = np.random.default_rng(seed)
    rows, labels, groups = [], [], []
    for q in range(n_queries):
        cosines = np.sort(rng.normal(0.86, 0.02, 20))[::-1]
        for c in cosines:
            rows.append(calibrate.feature_row(cosine=c, top=cosines[0]))
            labels.append(float(rng.random() < 1 / (1 + np.exp(-(c - 0.89) * 150))))
            groups.append(q)
    return np.array(rows), np.array(labels), groups


def test_the_fit_is_calibrated_out_of_fold_and_monotone_in_the_cosine():
    rows, labels, groups = synthetic()
    p = calibrate.out_of_fold(rows, labels, groups)
    model = calibrate.fit(rows, labels)

    assert calibrate.ece(p, labels) < 0.08
    low, high = model.probability([calibrate.feature_row(cosine=c, top=0.92) for c in (0.85, 0.92)])
    assert low < 0.3 < 0.6 < high


def test_strength_follows_the_cut_offs():
    model = calibrate.load()

    assert (model.strength(0.95), model.strength(model.possible), model.strength(model.possible - 0.01)) == (
        calibrate.STRONG,
        calibrate.POSSIBLE,
        None,
    )


def test_ece_is_zero_for_perfect_frequencies_and_large_for_confident_mistakes():
    assert calibrate.ece(np.array([0.25] * 4), np.array([1, 0, 0, 0])) == pytest.approx(0.0)
    assert calibrate.ece(np.array([0.95] * 4), np.array([0, 0, 0, 0])) == pytest.approx(0.95)


def test_the_shipped_calibration_was_fitted_with_measured_out_of_fold_figures():
    model = calibrate.load()

    assert model.features == list(calibrate.FEATURES) and model.fitted_on
    assert {"shown_precision", "shown_recall", "ece"} <= set(model.figures)
    # Filler: a cosine of 0.87 well behind the best (0.92) is not shown; the best at 0.92 is strong.
    weak, best = model.probability(
        [calibrate.feature_row(cosine=0.87, top=0.92), calibrate.feature_row(cosine=0.92, top=0.92)]
    )
    assert model.strength(float(weak)) is None and model.strength(float(best)) == calibrate.STRONG
