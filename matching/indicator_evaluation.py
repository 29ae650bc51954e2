"""Figures of indicator verdicts against labels: accuracy, precision and recall of "met", and a
bootstrap interval for accuracy (the sets are small: 70 cases give an interval about ±10 points)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from matching.indicators import MET, VERDICTS, IndicatorVerdict, assess
from matching.types import Indicator


class BadCase(ValueError):
    pass


@dataclass(frozen=True)
class Case:
    id: str
    indicator: Indicator
    text: str
    expected: str
    note: str = ""


def load_cases(data: dict) -> list[Case]:
    """The cases of a set in ../shared/eval/indicators/README.md's format."""
    cases = []
    for raw in data["cases"]:
        ind = raw["indicator"]
        expected = raw["expected"]
        if expected not in VERDICTS:
            raise BadCase(f"{raw.get('id', '?')}: expected must be one of {', '.join(VERDICTS)}, not {expected!r}")
        cases.append(
            Case(
                id=str(raw.get("id", len(cases) + 1)),
                indicator=Indicator(
                    name=ind["name"], target=str(ind.get("target", "")), unit=ind.get("unit", "") or ""
                ),
                text=raw["text"],
                expected=expected,
                note=raw.get("note", ""),
            )
        )
    return cases


def run(cases: Sequence[Case]) -> list[IndicatorVerdict]:
    return [assess(case.indicator, case.text) for case in cases]


def figures(expected: Sequence[str], predicted: Sequence[str], *, resamples: int = 2000, seed: int = 0) -> dict:
    n = len(expected)
    correct = [e == p for e, p in zip(expected, predicted, strict=False)]
    called_met = sum(p == MET for p in predicted)
    labelled_met = sum(e == MET for e in expected)
    both = sum(e == p == MET for e, p in zip(expected, predicted, strict=False))
    rng = random.Random(seed)
    samples = sorted(sum(correct[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples)) if n else [0.0]
    confusion = Counter(f"{e}->{p}" for e, p in zip(expected, predicted, strict=False))
    return {
        "accuracy": round(sum(correct) / n, 4) if n else 0.0,
        "accuracy_ci95": [
            round(samples[int(0.025 * (len(samples) - 1))], 4),
            round(samples[int(0.975 * (len(samples) - 1))], 4),
        ],
        "met_precision": round(both / called_met, 4) if called_met else 0.0,
        "met_recall": round(both / labelled_met, 4) if labelled_met else 0.0,
        "cases": n,
        "confusion": dict(sorted(confusion.items())),
    }
