from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.serializers import OrganisationSummaryOutputSerializer
from indexing.selectors import empty_matches_hint, strength_label, strength_reason
from marketplace.serializers import PostingSummaryOutputSerializer
from search.types import FACET_FIELDS, KINDS, ORDERINGS, RELEVANCE

INDICATOR_VERDICTS = [("met", "达标"), ("unmet", "未达标"), ("unknown", "未说明")]


class IndicatorCoverageOutputSerializer(serializers.Serializer):
    """One indicator of the challenge against the capability's text (matching.indicators)."""

    name = serializers.CharField(source="indicator.name")
    target = serializers.CharField(source="indicator.target")
    unit = serializers.CharField(source="indicator.unit")
    verdict = serializers.ChoiceField(
        choices=INDICATOR_VERDICTS,
        help_text="met 达标（声明的数值满足目标）/ unmet 未达标（声明了数值但不满足）/ unknown 未说明（没有可比的数值）",
    )
    addressed = serializers.BooleanField(help_text="verdict 为 met 时为真（只有达标才算回应）")
    evidence = serializers.CharField(allow_null=True, help_text="对方陈述该指标的原句；没有提及时为空")
    claim = serializers.CharField(help_text="对方的声明原文，如“循环次数可达1.2万次”；没有时为空串")
    claimed = serializers.CharField(help_text="声明的保证值，已换算为指标单位，如“12000 次”；没有时为空串")
    label = serializers.CharField(help_text="给人看的结论，如“未达标：声明 1000 次，目标 ≥ 6000 次”或“未说明”")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["evidence"] = data["evidence"] or None
        return data


class ExplanationOutputSerializer(serializers.Serializer):
    shared_terms = serializers.ListField(child=serializers.CharField(), help_text="双方共同使用的关键词")
    indicators = IndicatorCoverageOutputSerializer(many=True, help_text="本方（榜单）各项关键指标对照对方文本的判定")
    components = serializers.DictField(child=serializers.FloatField(), help_text="各分项得分（已加权）")


STRENGTHS = [("strong", "强匹配"), ("possible", "可能相关")]


class MatchOutputSerializer(serializers.Serializer):
    """A match as users see it: the strength (强匹配 / 可能相关, nothing below the cut-off), its
    calibrated probability and why; the raw cosine stays for ranking and the details view."""

    posting = PostingSummaryOutputSerializer()
    # Read from the posting the matching selectors annotated (indexing.selectors.Match).
    strength = serializers.ChoiceField(
        choices=STRENGTHS,
        source="posting.match_strength",
        help_text="强匹配 strong / 可能相关 possible；低于阈值的不返回",
    )
    strength_label = serializers.SerializerMethodField(help_text="strength 的文字（界面语言）")
    probability = serializers.FloatField(
        source="posting.match_probability",
        help_text="校准后的相关概率（0–1），由评测集离线拟合（matching/calibration.json）",
    )
    reason = serializers.SerializerMethodField(help_text="为什么是这一强度")
    score = serializers.FloatField(help_text="原始余弦相似度：只用于排序与详情，不直接展示给用户")
    components = serializers.DictField(child=serializers.FloatField())
    explanation = ExplanationOutputSerializer()

    def _item(self, obj):
        return obj["posting"] if isinstance(obj, dict) else obj.posting

    def get_strength_label(self, obj) -> str:
        return strength_label(self._item(obj).match_strength)

    def get_reason(self, obj) -> str:
        explanation = obj["explanation"] if isinstance(obj, dict) else obj.explanation
        posting = self._item(obj)
        return strength_reason(posting.match_strength, posting.match_probability, explanation.shared_terms)


class InstituteMatchOutputSerializer(serializers.Serializer):
    organisation = OrganisationSummaryOutputSerializer()
    best_score = serializers.FloatField()
    strength = serializers.ChoiceField(choices=STRENGTHS, help_text="该机构最佳匹配的强度")
    probability = serializers.FloatField()
    capabilities = serializers.ListField(child=serializers.IntegerField())


class MatchListOutputSerializer(serializers.Serializer):
    results = MatchOutputSerializer(many=True, help_text="只含强匹配与可能相关；没有达到阈值的匹配时为空，不凑数")
    institutes = InstituteMatchOutputSerializer(many=True, help_text="能力背后的机构，按最佳匹配排序")
    empty_hint = serializers.SerializerMethodField(
        help_text="结果为空时（暂无高度匹配）：怎样补充内容能找到匹配；否则为空串"
    )

    def get_empty_hint(self, obj) -> str:
        return "" if obj["results"] else empty_matches_hint()


class MatchQueryInputSerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=50, default=10)


class SearchQueryInputSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    kind = serializers.MultipleChoiceField(choices=KINDS, required=False)
    industry = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    region = serializers.ListField(child=serializers.CharField(max_length=20), required=False)
    status = serializers.ListField(child=serializers.CharField(max_length=20), required=False)
    amount_min = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, required=False)
    amount_max = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, required=False)
    trl_min = serializers.IntegerField(min_value=1, max_value=9, required=False)
    trl_max = serializers.IntegerField(min_value=1, max_value=9, required=False)
    ordering = serializers.ChoiceField(
        choices=list(ORDERINGS),
        default=RELEVANCE,
        help_text=(
            "relevance 相关度（默认）/ newest 最新发布 / deadline 截止时间最近的在前（只有榜单有截止时间，"
            "需求与能力成果排在所有榜单之后）/ -amount 金额从高到低 / amount 金额从低到高（金额为榜额、"
            "预算上限或报价上限，没有金额的排在最后）。除相关度外，均对全部命中结果排序，同值按编号排列。"
        ),
        error_messages={
            "invalid_choice": _(
                "没有“{input}”这种排序方式。可选：relevance（相关度）、newest（最新发布）、"
                "deadline（截止时间最近）、-amount（金额从高到低）、amount（金额从低到高）"
            )
        },
    )
    page = serializers.IntegerField(min_value=1, max_value=500, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=20)


class SearchHitOutputSerializer(serializers.Serializer):
    posting = PostingSummaryOutputSerializer()
    score = serializers.FloatField()
    components = serializers.DictField(child=serializers.FloatField())


class SearchOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = SearchHitOutputSerializer(many=True)
    facets = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text=f"按 {', '.join(FACET_FIELDS)} 统计的命中数",
    )


class RecommendationOutputSerializer(MatchOutputSerializer):
    capability = PostingSummaryOutputSerializer(help_text="本机构与之最匹配的能力成果")
