from collections.abc import Iterator
from urllib.parse import quote

from django.http import Http404, HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi import example
from deals import services
from deals.files import CONTENT_TYPES, import_template
from deals.filters import DealFilter
from deals.imports import refuse_announced_oversize
from deals.models import Deal, DealImport
from deals.permissions import IsLedgerKeeper, deal_actions
from deals.selectors import (
    counting_rule_history,
    counting_rules_current,
    deal_as_read,
    deal_import_list,
    deal_list,
    prefill_as_read,
    with_texts,
)
from deals.serializers import (
    CountingRuleDetailOutputSerializer,
    CountingRuleInputSerializer,
    CountingRuleOutputSerializer,
    DealAmendInputSerializer,
    DealDetailOutputSerializer,
    DealImportInputSerializer,
    DealImportOutputSerializer,
    DealListOutputSerializer,
    DealPrefillInputSerializer,
    DealPrefillOutputSerializer,
    DealRecordInputSerializer,
    DealRegisterInputSerializer,
    DealReverseInputSerializer,
    DealVoidInputSerializer,
    DealWithdrawInputSerializer,
    FileFormatInputSerializer,
)

RECORD_FROM_CHALLENGE = example(
    "据已定榜的榜单录入",
    {
        "contract_number": "2026330522000318",
        "origin": "challenge",
        "challenge": 4,
        "signed_on": "2026-09-18",
        "technical_amount": "1750000.00",
        "note": "合同金额取中榜报价，技术交易额扣除设备采购",
    },
)
RECORD_OFFLINE = example(
    "线下合同",
    {
        "contract_number": "2026330502000123",
        "title": "竹木家具水性涂装工艺技术服务合同",
        "origin": "offline",
        "buyer": {"name": "安吉竹木绿色家居有限公司", "uscc": "91330523MA2G5M6N81", "region": "anji"},
        "seller": {"name": "浙江某大学湖州研究院", "uscc": "12330500MB0D4E5F6C", "region": "wuxing"},
        "contract_type": "service",
        "contract_amount": "680000.00",
        "technical_amount": "600000.00",
        "signed_on": "2026-08-05",
        "industry": "green_home",
    },
)


def file_response(
    content: bytes | Iterator[bytes], *, file_format: str, name: str, size: int | None = None
) -> HttpResponse:
    """A download; the Chinese file name is sent RFC 5987-encoded. Parts (an iterator) are
    streamed as they are read, `size` announcing the whole."""
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    else:
        response = StreamingHttpResponse(content, content_type=CONTENT_TYPES[file_format])
        if size is not None:
            response["Content-Length"] = str(size)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.{file_format}"
    return response


def deal_detail(deal: Deal, request: Request) -> dict:
    """The contract with what the viewer may do with it now, so that the client offers exactly that."""
    deal.viewer_actions = deal_actions(request.user, deal)
    return DealDetailOutputSerializer(deal).data


def deal_written(deal: Deal, request: Request) -> dict:
    return deal_detail(deal_as_read(deal=deal, viewer=request.user), request)


FILE_RESPONSES = {
    (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
    (200, "text/csv"): OpenApiTypes.BINARY,
}


@extend_schema_view(
    list=extend_schema(summary="技术合同台账（科技部门与运营方看全部，企业与院所只看本机构为一方的合同）"),
    retrieve=extend_schema(summary="技术合同详情与台账记录", responses=DealDetailOutputSerializer),
)
@extend_schema(tags=["deals"])
class DealViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DealListOutputSerializer
    filterset_class = DealFilter
    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Deal.objects.none()
        return deal_list(viewer=self.request.user)

    def retrieve(self, request: Request, pk=None) -> Response:
        return Response(deal_detail(self.get_object(), request))

    @extend_schema(
        request=DealRecordInputSerializer,
        responses={201: DealDetailOutputSerializer},
        examples=[RECORD_FROM_CHALLENGE, RECORD_OFFLINE],
        summary="录入技术合同（据已定榜的榜单录入时预填买卖双方、中榜报价与产业链）",
        description="榜单、需求或能力成果的发布机构可据本机构的发布录入；线下合同由科技部门或平台运营方录入。录入后状态为“已录入”，认定登记后才计入目标。",
    )
    def create(self, request: Request) -> Response:
        data = DealRecordInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_record(by=request.user, **data.validated_data)
        return Response(deal_written(deal, request), status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[DealPrefillInputSerializer],
        responses=DealPrefillOutputSerializer,
        summary="录入合同的预填内容（买卖双方、中榜报价、产业链；赛马制列出全部中榜团队）",
        description="与录入时服务器采用的预填完全一致；仅来源的发布机构、科技部门与平台运营方可查看。榜单须已定榜。",
    )
    @action(detail=False, methods=["get"])
    def prefill(self, request: Request) -> Response:
        data = DealPrefillInputSerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        prefill = prefill_as_read(services.deal_prefill(by=request.user, **data.validated_data), viewer=request.user)
        return Response(DealPrefillOutputSerializer(DealPrefillOutputSerializer.of(prefill)).data)

    @extend_schema(
        request=DealRegisterInputSerializer,
        responses=DealDetailOutputSerializer,
        summary="认定登记（已录入 → 已认定登记）",
        examples=[
            example(
                "认定登记",
                {
                    "registration_number": "330522-2026-0318",
                    "registered_on": "2026-10-09",
                    "reason": "经技术市场审核，符合技术开发合同认定条件",
                },
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def register(self, request: Request, pk=None) -> Response:
        data = DealRegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_register(deal=self.get_object(), by=request.user, **data.validated_data)
        return Response(deal_written(deal, request))

    @extend_schema(
        request=DealAmendInputSerializer,
        responses=DealDetailOutputSerializer,
        summary="更正合同（原值保留在台账中）",
        description="科技部门与平台运营方可更正任何合同；录入该合同的机构在认定登记前也可更正。",
        examples=[example("更正技术交易额", {"technical_amount": "1680000.00", "reason": "登记机构核减设备费用"})],
    )
    @action(detail=True, methods=["post"])
    def amend(self, request: Request, pk=None) -> Response:
        data = DealAmendInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_amend(deal=self.get_object(), by=request.user, **data.validated_data)
        return Response(deal_written(deal, request))

    @extend_schema(
        request=DealVoidInputSerializer,
        responses=DealDetailOutputSerializer,
        summary="作废合同（不再计入，记录保留）",
        examples=[example("作废", {"reason": "双方解除合同，登记机构撤销认定"})],
    )
    @action(detail=True, methods=["post"])
    def void(self, request: Request, pk=None) -> Response:
        data = DealVoidInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_void(deal=self.get_object(), by=request.user, **data.validated_data)
        return Response(deal_written(deal, request))

    @extend_schema(
        request=DealWithdrawInputSerializer,
        responses=DealDetailOutputSerializer,
        summary="撤回合同（录入机构在认定登记前撤回；不再计入，记录保留）",
        description="合同状态变为“已作废”，台账追加一条“撤回”记录。认定登记后只能由科技部门或平台运营方作废。",
        examples=[example("撤回误提交的合同", {"reason": "录入时误按回车提交，合同信息不完整"})],
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk=None) -> Response:
        data = DealWithdrawInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_withdraw(deal=self.get_object(), by=request.user, **data.validated_data)
        return Response(deal_written(deal, request))

    @extend_schema(
        request=DealReverseInputSerializer,
        responses=DealDetailOutputSerializer,
        summary="冲销最近一条台账记录（恢复到此前状态）",
        examples=[example("冲销误更正", {"entry": 57, "reason": "更正金额录错，冲销后重新更正"})],
    )
    @action(detail=True, methods=["post"])
    def reverse(self, request: Request, pk=None) -> Response:
        data = DealReverseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        deal = services.deal_reverse(
            deal=self.get_object(),
            by=request.user,
            entry_id=data.validated_data["entry"],
            reason=data.validated_data["reason"],
        )
        return Response(deal_written(deal, request))

    @extend_schema(
        request={"multipart/form-data": DealImportInputSerializer},
        responses={202: DealImportOutputSerializer},
        examples=[
            OpenApiExample(
                "上传登记导出",
                value={"file": "技术合同登记导出-2026年10月.xlsx"},
                request_only=True,
                media_type="multipart/form-data",
            )
        ],
        summary="导入技术市场登记导出（.xlsx/.csv，全部成功或全部不写入；重复导入同一文件不改变台账）",
        description="上传后排队处理，返回导入任务；用 GET /api/deals/imports/{id}/ 查看进度和逐行校验结果。",
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
        permission_classes=[permissions.IsAuthenticated, IsLedgerKeeper],
    )
    def import_file(self, request: Request) -> Response:
        refuse_announced_oversize(request.META.get("CONTENT_LENGTH"))  # before Django spools the body to disk
        data = DealImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        job = services.deals_import_start(by=request.user, upload=data.validated_data["file"])
        return Response(DealImportOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        parameters=[FileFormatInputSerializer], responses=FILE_RESPONSES, summary="下载导入模板（含填写说明）"
    )
    @action(detail=False, methods=["get"], url_path="import-template", filter_backends=[], pagination_class=None)
    def import_template(self, request: Request) -> HttpResponse:
        params = FileFormatInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        file_format = params.validated_data["file_format"]
        return file_response(import_template(file_format=file_format), file_format=file_format, name="技术合同导入模板")


@extend_schema_view(
    list=extend_schema(summary="导入任务列表"),
    retrieve=extend_schema(summary="导入进度与逐行校验结果"),
)
@extend_schema(tags=["deals"])
class DealImportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = DealImportOutputSerializer
    permission_classes = [permissions.IsAuthenticated, IsLedgerKeeper]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DealImport.objects.none()
        return deal_import_list(viewer=self.request.user)

    @extend_schema(
        request=None,
        responses={202: DealImportOutputSerializer},
        summary="重新导入（用已保存的同一文件再运行一次因系统原因失败的导入）",
        description="仅限 retryable 为 true 的失败导入（数据库繁忙、连接中断、后台进程中止等）；"
        "文件内容有错的导入请修正后重新上传。导入人或科技部门、平台运营方可操作；仍是全部成功或全部不写入。",
    )
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk=None) -> Response:
        job = services.deals_import_retry(job=self.get_object(), by=request.user)
        return Response(DealImportOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED)


@extend_schema(tags=["deals"])
class CountingRuleViewSet(viewsets.GenericViewSet):
    """计数口径: readable by everybody (it is what the dashboard's figures mean); changed by the operator."""

    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    serializer_class = CountingRuleOutputSerializer
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"
    pagination_class = None
    filter_backends: list = []

    @extend_schema(responses=CountingRuleOutputSerializer(many=True), summary="各年度现行计数口径")
    def list(self, request: Request) -> Response:
        return Response(CountingRuleOutputSerializer(counting_rules_current(), many=True).data)

    @extend_schema(responses=CountingRuleDetailOutputSerializer, summary="某年度的计数口径及全部历史版本")
    def retrieve(self, request: Request, year=None) -> Response:
        history = counting_rule_history(year=int(year))
        if not history:
            raise Http404
        current = history[0]
        current.history = history
        return Response(CountingRuleDetailOutputSerializer(current).data)

    @extend_schema(
        request=CountingRuleInputSerializer,
        responses={201: CountingRuleOutputSerializer},
        summary="调整某年度的计数口径（新增一个版本）",
        examples=[
            example(
                "2028年口径",
                {
                    "year": 2028,
                    "target_amount": "22000000000.00",
                    "statuses": ["registered"],
                    "date_field": "registered_on",
                    "amount_field": "technical_amount",
                    "require_huzhou_party": True,
                    "reason": "按市科技局2028年工作要点调整目标",
                },
            )
        ],
    )
    def create(self, request: Request) -> Response:
        data = CountingRuleInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rule = with_texts(services.counting_rule_set(by=request.user, **data.validated_data))
        return Response(CountingRuleOutputSerializer(rule).data, status=status.HTTP_201_CREATED)
