"""Why a candidate matches: the key terms both sides use, which of the searcher's indicators the
candidate speaks to, and the component scores."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from matching.types import Indicator, PostingText

MAX_TERMS = 8
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_NUMERIC = re.compile(r"[\d.%‰±≤≥~～-]+")  # "150", "2%": figures say nothing on their own
_lock = threading.Lock()


@dataclass(frozen=True)
class IndicatorCoverage:
    indicator: Indicator
    addressed: bool
    evidence: str = ""


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


def content_words(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(text) if len(w) >= 2 or w.isalnum() and not w.isdigit()]


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
    words = content_words(indicator.name) or [indicator.name]
    lowered = candidate_text.lower()
    hits = [w for w in words if w.lower() in lowered]
    addressed = indicator.name.lower() in lowered or len(hits) * 2 >= len(words)
    evidence = ""
    if hits:
        sentences = _SENTENCE.findall(candidate_text)
        evidence = max(sentences, key=lambda s: sum(w.lower() in s.lower() for w in hits), default="").strip()
    return IndicatorCoverage(indicator=indicator, addressed=addressed, evidence=evidence[:120])


def explain(searcher: PostingText, candidate: PostingText, components: dict[str, float] | None = None) -> Explanation:
    candidate_text = candidate.full()
    return Explanation(
        shared_terms=shared_terms(searcher.full(), candidate_text),
        indicators=[indicator_coverage(i, candidate_text) for i in searcher.indicators],
        components={k: round(float(v), 4) for k, v in (components or {}).items()},
    )
