from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from indexing.selectors import institutes_of, matches_for, recommendations_for, search_postings
from indexing.serializers import (
    MatchListOutputSerializer,
    MatchQueryInputSerializer,
    RecommendationOutputSerializer,
    SearchOutputSerializer,
    SearchQueryInputSerializer,
)
from marketplace.kinds import KINDS


class SearchView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[SearchQueryInputSerializer],
        responses=SearchOutputSerializer,
        tags=["search"],
        summary="混合检索榜单、需求与能力成果",
        description=(
            "q 为自由文本（语义向量 + 关键词 BM25 融合）；不填 q 时按筛选条件列出。筛选在排序之前执行，"
            "facets 为命中结果的分类计数。ordering 默认按相关度；其他排序对全部命中结果排序，再分页。"
        ),
    )
    def get(self, request: Request) -> Response:
        params = SearchQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        page, size = p["page"], p["page_size"]
        result = search_postings(
            viewer=request.user,
            q=p["q"],
            kinds=sorted(p.get("kind", [])),
            industries=p.get("industry", []),
            regions=p.get("region", []),
            statuses=p.get("status", []),
            amount_min=int(p["amount_min"]) if "amount_min" in p else None,
            amount_max=int(p["amount_max"]) if "amount_max" in p else None,
            trl_min=p.get("trl_min"),
            trl_max=p.get("trl_max"),
            ordering=p["ordering"],
            offset=(page - 1) * size,
            limit=size,
        )
        body = {
            "count": result.total,
            "page": page,
            "page_size": size,
            "facets": result.facets,
            "results": [
                {"posting": posting, "score": score, "components": parts} for posting, score, parts in result.hits
            ],
        }
        return Response(SearchOutputSerializer(body).data)


class RecommendationsView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[MatchQueryInputSerializer],
        responses=RecommendationOutputSerializer(many=True),
        tags=["search"],
        summary="为我推荐：适合本机构能力成果的榜单与需求",
    )
    def get(self, request: Request) -> Response:
        params = MatchQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        pairs = recommendations_for(viewer=request.user, limit=params.validated_data["limit"])
        body = [
            {
                "posting": m.posting,
                "score": m.score,
                "components": m.components,
                "explanation": m.explanation,
                "capability": capability,
            }
            for m, capability in pairs
        ]
        return Response(RecommendationOutputSerializer(body, many=True).data)


# GET /api/<kind's route>/{id}/matches/: routed beside the marketplace's viewset of the kind
# (config/api.py), so that the marketplace never imports the index. (A comment, not a docstring:
# drf-spectacular would publish a docstring as the operation's description.)
class PostingMatchViewSet(viewsets.GenericViewSet):
    kind: str  # marketplace.kinds.KINDS
    with_institutes: bool  # the organisations behind matched capabilities (the demand side asks)
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list = []

    def get_queryset(self):
        return KINDS[self.kind].visible(viewer=self.request.user)

    @extend_schema(parameters=[MatchQueryInputSerializer], responses=MatchListOutputSerializer)
    @action(detail=True, methods=["get"])
    def matches(self, request: Request, pk=None) -> Response:
        params = MatchQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        matches = matches_for(posting=self.get_object(), viewer=request.user, limit=params.validated_data["limit"])
        body = {
            "results": [
                {"posting": m.posting, "score": m.score, "components": m.components, "explanation": m.explanation}
                for m in matches
            ],
            "institutes": institutes_of(matches) if self.with_institutes else [],
        }
        return Response(MatchListOutputSerializer(body).data)


@extend_schema_view(matches=extend_schema(summary="匹配的能力成果及其机构（发榜方）"))
@extend_schema(tags=["challenges"])
class ChallengeMatchViewSet(PostingMatchViewSet):
    kind, with_institutes = "challenge", True


@extend_schema_view(matches=extend_schema(summary="匹配的能力成果及其机构（需求方）"))
@extend_schema(tags=["needs"])
class NeedMatchViewSet(PostingMatchViewSet):
    kind, with_institutes = "need", True


@extend_schema_view(matches=extend_schema(summary="适合本能力成果的榜单与需求（能力方）"))
@extend_schema(tags=["capabilities"])
class CapabilityMatchViewSet(PostingMatchViewSet):
    kind, with_institutes = "capability", False
