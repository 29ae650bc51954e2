"""Why a candidate matches: the key terms both sides use, which of the searcher's indicators the
candidate speaks to, and the component scores."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from matching.indicators import MET, assess
from matching.types import Indicator, PostingText

MAX_TERMS = 8
_NUMERIC = re.compile(r"[\d.%‰±≤≥~～-]+")  # "150", "2%": figures say nothing on their own
_lock = threading.Lock()


@dataclass(frozen=True)
class IndicatorCoverage:
    """One indicator against the candidate's text. `addressed` is true only when the numbers say
    the target is met (matching.indicators); `evidence` is the candidate's sentence, never its keywords."""

    indicator: Indicator
    addressed: bool
    evidence: str = ""
    verdict: str = "unknown"  # met | unmet | unknown
    claim: str = ""  # the candidate's claim as written
    claimed: str = ""  # its guaranteed value in the indicator's unit
    label: str = "未说明"


@dataclass(frozen=True)
class Explanation:
    shared_terms: list[str]
    indicators: list[IndicatorCoverage]
    components: dict[str, float] = field(default_factory=dict)


def key_terms(text: str, top_k: int = 30) -> list[tuple[str, float]]:
    """jieba TF-IDF keywords; the analyser loads its IDF table once, under a lock."""
    import jieba.analyse

    with _lock:
        return jieba.analyse.extract_tags(text, topK=top_k, withWeight=True)


def shared_terms(a: str, b: str, limit: int = MAX_TERMS) -> list[str]:
    """Key terms of either text that the other text also uses, strongest first."""
    weights: dict[str, float] = {}
    for mine, other in ((a, b), (b, a)):
        lowered = other.lower()
        for term, weight in key_terms(mine):
            if len(term) >= 2 and not _NUMERIC.fullmatch(term) and term.lower() in lowered:
                weights[term] = max(weights.get(term, 0.0), weight)
    ranked = sorted(weights, key=lambda t: (-weights[t], t))
    # Drop a term that is part of a stronger one already listed ("隔膜" under "陶瓷隔膜").
    kept: list[str] = []
    for term in ranked:
        if not any(term in longer for longer in kept):
            kept.append(term)
    return kept[:limit]


def indicator_coverage(indicator: Indicator, candidate_text: str) -> IndicatorCoverage:
    verdict = assess(indicator, candidate_text)
    return IndicatorCoverage(
        indicator=indicator,
        addressed=verdict.verdict == MET,
        evidence=verdict.evidence,
        verdict=verdict.verdict,
        claim=verdict.claim,
        claimed=verdict.claimed,
        label=verdict.label,
    )


def _statement(posting: PostingText) -> str:
    """What a posting states in sentences: its title and description (not the keyword list)."""
    return "。".join(p for p in (posting.title, posting.description) if p)


def explain(searcher: PostingText, candidate: PostingText, components: dict[str, float] | None = None) -> Explanation:
    candidate_text = candidate.full()
    return Explanation(
        shared_terms=shared_terms(searcher.full(), candidate_text),
        indicators=[indicator_coverage(i, _statement(candidate)) for i in searcher.indicators],
        components={k: round(float(v), 4) for k, v in (components or {}).items()},
    )
