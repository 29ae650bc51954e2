"""Search and matching reads: the index ranks, the database has the last word on visibility."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import ApplicationError, Forbidden
from indexing.backend import get_search_backend
from indexing.documents import full_text, public_text, search_id
from indexing.embeddings import DbEmbeddingCache, current_encoder, free_text_vector, passage_vectors
from marketplace.kinds import KINDS, SUPPLY, kind_of
from marketplace.models import Capability, Posting
from marketplace.selectors import viewer_tokens
from matching import calibrate
from matching.explain import Explanation, explain
from matching.fusion import DUPLICATE_THRESHOLD, MATCH, SEARCH
from matching.text import query_views
from search.backends import SearchBackend, SearchUnavailable
from search.text import query_terms
from search.types import RELEVANCE, SearchQuery, SearchResult, content_hash

logger = logging.getLogger(__name__)


@dataclass
class Match:
    posting: Posting
    score: float
    components: dict[str, float]
    explanation: Explanation
    probability: float = 0.0  # calibrated P(relevant): matching/calibrate.py
    strength: str = calibrate.POSSIBLE

    def __post_init__(self) -> None:
        # Annotated on the loaded instance (as a queryset annotation would be), so that a caller
        # that renders {"posting": m.posting, ...} still carries the strength to the serializer.
        self.posting.match_probability, self.posting.match_strength = self.probability, self.strength

    @property
    def reason(self) -> str:
        return strength_reason(self.strength, self.probability, self.explanation.shared_terms)


def strength_label(strength: str) -> str:
    return _("强匹配") if strength == calibrate.STRONG else _("可能相关")


def strength_reason(strength: str, probability: float, shared: Sequence[str]) -> str:
    # 115 labelled queries cannot support "about 100%": shown at most as 95 (matching/calibrate.py).
    share = {"share": min(calibrate.SHOWN_MAX_PERCENT, round(probability * 100))}
    if strength == calibrate.STRONG:
        text = _("语义高度相近，且在候选中领先；人工标注的评测集中，同等情形的匹配约%(share)d%%确实相关") % share
    else:
        text = _("语义相近但不突出；人工标注的评测集中，同等情形的匹配约%(share)d%%确实相关，请核对") % share
    if shared:
        return text + _("；共同关键词：%(terms)s") % {"terms": "、".join(shared[:3])}
    return text + _("；没有明显的共同关键词")


def strengths(hits: Sequence) -> list[tuple[float, str | None]]:
    """Each hit's calibrated probability and strength (None: below the cut-off, not shown), from
    its cosine and its gap under the best hit of the same ranking."""
    if not hits:
        return []
    calibration = calibrate.load()
    top = max(h.score for h in hits)
    p = calibration.probability([calibrate.feature_row(cosine=h.score, top=top) for h in hits])
    return [(float(v), calibration.strength(float(v))) for v in p]


@dataclass
class SearchPage:
    hits: list[tuple[Posting, float, dict[str, float]]]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def rank(
    *,
    backend: SearchBackend,
    vector: np.ndarray,
    kinds: Sequence[str],
    audience: Sequence[str],
    exclude: Sequence[str] = (),
    limit: int = 10,
    offset: int = 0,
) -> SearchResult:
    """The matching ranking, shared by the API and evaluate_matching."""
    statuses = sorted({s for k in kinds for s in KINDS[k].matchable})
    return backend.search(
        SearchQuery(
            vector=vector,
            kinds=kinds,
            statuses=statuses,
            audience=audience,
            exclude_ids=exclude,
            limit=limit,
            offset=offset,
            lexical_weight=MATCH.lexical,
        )
    )


def stored_query_vector(posting: Posting) -> np.ndarray | None:
    full, body = query_views(full_text(posting))
    key = content_hash("query", full, body, str(MATCH.body_view))
    return DbEmbeddingCache().get_many(current_encoder().name, "query", [key]).get(key)


def _load(viewer: User | None, ids: Sequence[str]) -> dict[str, Posting]:
    """The postings behind search ids that the viewer may see now (the index may lag a change)."""
    by_kind: dict[str, list[int]] = {}
    for i in ids:
        kind, pk = i.split(":")
        by_kind.setdefault(kind, []).append(int(pk))
    found: dict[str, Posting] = {}
    for kind, pks in by_kind.items():
        for posting in KINDS[kind].visible(viewer=viewer).filter(pk__in=pks):
            found[search_id(posting)] = posting
    return found


def matches_for(*, posting: Posting, viewer: User, limit: int = 10) -> list[Match]:
    """Recommendations are private to the posting's organisation (and the operator)."""
    if not viewer.is_operator and viewer.organisation_id != posting.organisation_id:
        raise Forbidden(_("只有发布机构可以查看匹配推荐"))
    vector = stored_query_vector(posting)
    if vector is None:
        raise ApplicationError(_("该内容正在建立索引，请稍后再查看匹配结果"), code="index_pending", status_code=503)
    kind = kind_of(posting)
    result = rank(
        backend=get_search_backend(),
        vector=vector,
        kinds=kind.counterparts,
        audience=viewer_tokens(viewer),
        exclude=[search_id(posting)],
        limit=limit,
    )
    judged = strengths(result.hits)
    shown = [(hit, p, level) for hit, (p, level) in zip(result.hits, judged, strict=False) if level is not None]
    objects = _load(viewer, [hit.id for hit, _p, _level in shown])
    mine = full_text(posting)

    def explanation(target: Posting, components: dict) -> Explanation:
        # Indicators belong to challenges: a capability is checked against the challenge's, whichever side asks.
        if kind.side == SUPPLY:
            return explain(public_text(target), mine, components)
        return explain(mine, public_text(target), components)

    # Below the cut-off nothing is shown, and nothing pads the list: an empty list is an answer.
    return [
        Match(
            posting=objects[hit.id],
            score=hit.score,
            components=hit.components,
            explanation=explanation(objects[hit.id], hit.components),
            probability=p,
            strength=level,
        )
        for hit, p, level in shown
        if hit.id in objects
    ]


def free_text_query(q: str, **options) -> SearchQuery:
    """The search page's query, shared with `evaluate_matching --mode search`: the text's terms
    are always hits, anything else only on strong semantic evidence (matching.fusion.SEARCH); a
    text without a single term (%%%, a lone letter) is not even encoded: it finds nothing."""
    text = q.strip()
    vector = free_text_vector(text) if query_terms(text) else None
    return SearchQuery(
        text=text,
        vector=vector,
        lexical_weight=SEARCH.lexical,
        dense_margin=SEARCH.dense_margin,
        dense_floor=SEARCH.dense_floor,
        **options,
    )


def search_postings(
    *,
    viewer: User | None,
    q: str = "",
    kinds: Sequence[str] = (),
    industries: Sequence[str] = (),
    regions: Sequence[str] = (),
    statuses: Sequence[str] = (),
    amount_min: int | None = None,
    amount_max: int | None = None,
    trl_min: int | None = None,
    trl_max: int | None = None,
    ordering: str = RELEVANCE,
    offset: int = 0,
    limit: int = 20,
) -> SearchPage:
    result = get_search_backend().search(
        free_text_query(
            q,
            kinds=kinds,
            industries=industries,
            regions=regions,
            statuses=statuses,
            amount_min=amount_min,
            amount_max=amount_max,
            trl_min=trl_min,
            trl_max=trl_max,
            audience=viewer_tokens(viewer),
            ordering=ordering,
            offset=offset,
            limit=limit,
            facets=True,
        )
    )
    objects = _load(viewer, result.ids)
    return SearchPage(
        hits=[(objects[h.id], h.score, h.components) for h in result.hits if h.id in objects],
        total=result.total,
        facets=result.facets,
    )


def near_duplicates(*, posting: Posting, viewer: User, limit: int = 5) -> list[tuple[Posting, float]]:
    """Postings of the same kind, visible to the author, that say nearly the same thing. Encodes
    the new posting now (this also primes the embedding cache for its indexing)."""
    (vector,), errors = passage_vectors([public_text(posting).full()])
    if errors:
        return []
    try:
        result = get_search_backend().search(
            SearchQuery(
                vector=vector,
                kinds=[kind_of(posting).name],
                audience=viewer_tokens(viewer),
                exclude_ids=[search_id(posting)],
                limit=limit,
            )
        )
    except SearchUnavailable:
        # A hint, not a condition of the write: while the index is down the posting is still saved
        # (the outbox indexes it later), without the hint (tests/faults/test_elasticsearch_restart.py).
        logger.warning("near-duplicate check of %s skipped: the search backend is unavailable", search_id(posting))
        return []
    objects = _load(viewer, result.ids)
    return [(objects[h.id], h.score) for h in result.hits if h.score >= DUPLICATE_THRESHOLD and h.id in objects]


def institutes_of(matches: list[Match]) -> list[dict]:
    """The organisations behind matched capabilities, best first, each with its best strength."""
    by_org: dict[int, dict] = {}
    for match in matches:
        org = match.posting.organisation
        entry = by_org.setdefault(
            org.pk,
            {
                "organisation": org,
                "best_score": match.score,
                "capabilities": [],
                "probability": match.probability,
                "strength": match.strength,
            },
        )
        if match.probability > entry["probability"]:
            entry.update(probability=match.probability, strength=match.strength)
        entry["best_score"] = max(entry["best_score"], match.score)
        entry["capabilities"].append(match.posting.pk)
    return sorted(by_org.values(), key=lambda e: (-e["probability"], -e["best_score"]))


def empty_matches_hint() -> str:
    """What to say when nothing clears the cut-off: that this is an answer, and what would help."""
    return _(
        "暂无高度匹配。补充关键指标（数值目标）、专业术语和所属产业链，能让匹配更准确；新发布的内容会自动匹配并通知您。"
    )


# Recommendations rank from this many of the organisation's capabilities, the most recently
# updated first. Each one costs a kNN search (~15 ms against 104,000 postings in Elasticsearch on
# 2 cores): an institute with 509 capabilities took 25 s per request, which held a gunicorn worker
# that long (tests/benchmarks/load/).
RECOMMEND_FROM_CAPABILITIES = 20


def recommendations_for(*, viewer: User, limit: int = 20) -> list[tuple[Match, Posting]]:
    """The challenges and needs that fit any of the viewer organisation's published capabilities
    (its RECOMMEND_FROM_CAPABILITIES most recently updated ones): each target once, with the
    capability that fits it best (the likeliest by calibrated probability), only those that clear
    the cut-off. Same visibility as matches. Ranks first, then loads and explains
    only the pairs it returns (explaining every candidate of every capability was half the time)."""
    capabilities = list(
        Capability.objects.filter(organisation_id=viewer.organisation_id, status=Capability.Status.PUBLISHED)
        .select_related("organisation", "industry")
        .order_by("-updated_at", "-pk")[:RECOMMEND_FROM_CAPABILITIES]
    )
    views = [query_views(full_text(c)) for c in capabilities]
    keys = [content_hash("query", full, body, str(MATCH.body_view)) for full, body in views]
    vectors = DbEmbeddingCache().get_many(current_encoder().name, "query", keys)  # one query for all
    backend, audience = get_search_backend(), viewer_tokens(viewer)
    best: dict[str, tuple[float, str, float, dict[str, float], Capability]] = {}
    for capability, key in zip(capabilities, keys, strict=False):
        if key not in vectors:
            continue  # not indexed yet: it will count on the next visit
        result = rank(
            backend=backend,
            vector=vectors[key],
            kinds=KINDS["capability"].counterparts,
            audience=audience,
            exclude=[search_id(capability)],
            limit=limit,
        )
        for hit, (p, level) in zip(result.hits, strengths(result.hits), strict=False):
            if level is not None and (hit.id not in best or p > best[hit.id][0]):
                best[hit.id] = (p, level, hit.score, hit.components, capability)
    # Only what clears the cut-off, the likeliest first; fewer than `limit` (or none) is an answer.
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][2]))
    objects = _load(viewer, [i for i, _ in ranked])
    pairs = []
    for i, (p, level, score, components, capability) in ranked:
        if i in objects:
            target = objects[i]
            explanation = explain(public_text(target), full_text(capability), components)
            pairs.append(
                (
                    Match(
                        posting=target,
                        score=score,
                        components=components,
                        explanation=explanation,
                        probability=p,
                        strength=level,
                    ),
                    capability,
                )
            )
            if len(pairs) == limit:
                break
    return pairs
