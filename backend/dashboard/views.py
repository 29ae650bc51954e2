from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.openapi import example
from core.pagination import CountedPagination, StandardPagination
from dashboard.models import DashboardExport, PolicyTarget
from dashboard.selectors import (
    dashboard_export_list,
    dashboard_export_parts,
    dashboard_summary,
    drilldown_export,
    drilldown_rows,
    figure_label,
    policy_target_list,
    year_progress,
)
from dashboard.serializers import (
    DashboardExportOutputSerializer,
    DashboardSummaryOutputSerializer,
    DrilldownExportQueryInputSerializer,
    DrilldownOutputSerializer,
    DrilldownQueryInputSerializer,
    PolicyTargetDetailOutputSerializer,
    PolicyTargetOutputSerializer,
    QualificationVolumeOutputSerializer,
    TargetProgressInputSerializer,
    TargetProgressOutputSerializer,
    TargetRecordOutputSerializer,
    TargetRecordsOutputSerializer,
    TargetRecordsQueryInputSerializer,
    YearQueryInputSerializer,
)
from dashboard.services import dashboard_export_start, target_progress_add
from dashboard.targets import is_computed, target_record_rows, target_records, volume_by_qualification
from deals.permissions import CanSeeDashboard
from deals.selectors import total_of
from deals.views import FILE_RESPONSES, file_response
from marketplace.selectors import marketplace_stats
from marketplace.serializers import MarketplaceStatsOutputSerializer

DASHBOARD = [permissions.IsAuthenticated, CanSeeDashboard]


class DashboardSummaryView(APIView):
    permission_classes = DASHBOARD

    @extend_schema(
        parameters=[YearQueryInputSerializer],
        responses=DashboardSummaryOutputSerializer,
        tags=["dashboard"],
        summary="年度技术交易额看板：目标、计入额、进度、预测、输出/吸纳/本地、分项与漏斗（附计数口径）",
        description="每一项金额都带 figure/key，可用 /api/dashboard/drilldown/ 查看其背后的合同。"
        "as_of（截至）：计入日期不晚于该日的合同，按当前台账；recorded_as_of（账本回溯，审计用）：复现该日结束时台账记录的数字。",
    )
    def get(self, request: Request) -> Response:
        params = YearQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(
            DashboardSummaryOutputSerializer(dashboard_summary(viewer=request.user, **params.validated_data)).data
        )


class DrilldownView(APIView):
    permission_classes = DASHBOARD

    @extend_schema(
        parameters=[
            DrilldownQueryInputSerializer,
            OpenApiParameter("page", int, description="页码，从1开始"),
            OpenApiParameter("page_size", int, description="每页条数（最多200）"),
        ],
        responses=DrilldownOutputSerializer,
        tags=["dashboard"],
        summary="下钻：看板上某一项数字背后的技术合同（分页，amount 为全部行的合计）",
    )
    def get(self, request: Request) -> Response:
        params = DrilldownQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        rows = drilldown_rows(
            viewer=request.user,
            year=p["year"],
            figure=p["figure"],
            key=p["key"],
            as_of=p["as_of"],
            recorded_as_of=p["recorded_as_of"],
        )
        total = total_of(rows)
        paginator = CountedPagination(total.deals)
        page = paginator.paginate_queryset(rows, request, view=self)
        body = {
            "year": p["year"],
            "as_of": p["as_of"],
            "recorded_as_of": p["recorded_as_of"],
            "figure": p["figure"],
            "key": p["key"],
            "label": figure_label(p["figure"], p["key"]),
            "amount": total.amount,
            "deals": total.deals,
            "count": paginator.page.paginator.count,
            "export_max_rows": settings.DASHBOARD_EXPORT_MAX_ROWS,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": page,
        }
        return Response(DrilldownOutputSerializer(body).data)


class DrilldownExportView(APIView):
    permission_classes = DASHBOARD

    @extend_schema(
        parameters=[DrilldownExportQueryInputSerializer],
        responses=FILE_RESPONSES,
        tags=["dashboard"],
        summary="导出下钻的技术合同（xlsx/csv，与下钻结果逐行一致）",
    )
    def get(self, request: Request):
        params = DrilldownExportQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        export = drilldown_export(viewer=request.user, **params.validated_data)
        return file_response(export.content, file_format=p["file_format"], name=export.name)


@extend_schema_view(
    list=extend_schema(summary="我的后台导出（最新在前；文件保留若干天）"),
    retrieve=extend_schema(summary="后台导出的进度"),
)
@extend_schema(tags=["dashboard"])
class DashboardExportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    # Figures too large to download within a request: a worker builds the file (the same rows).
    serializer_class = DashboardExportOutputSerializer
    permission_classes = DASHBOARD
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return DashboardExport.objects.none()
        return dashboard_export_list(viewer=self.request.user)

    @extend_schema(
        request=DrilldownExportQueryInputSerializer,
        responses={202: DashboardExportOutputSerializer},
        summary="后台导出下钻的技术合同（与下钻结果逐行一致；适用于超过直接下载上限的数字）",
        examples=[example("全年计入合同", {"year": 2026, "figure": "total", "file_format": "xlsx"})],
    )
    def create(self, request: Request) -> Response:
        data = DrilldownExportQueryInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        job = dashboard_export_start(by=request.user, **data.validated_data)
        return Response(DashboardExportOutputSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses=FILE_RESPONSES, summary="下载后台导出的文件（生成完成后）")
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk=None):
        job = self.get_object()
        parts = dashboard_export_parts(job=job)
        return file_response(
            parts, file_format=job.file_format, name=job.file_name.rsplit(".", 1)[0], size=job.file_size
        )


@extend_schema_view(
    list=extend_schema(summary="政策目标看板（2027年各项目标及最新进展）"),
    retrieve=extend_schema(summary="政策目标详情与进展历史", responses=PolicyTargetDetailOutputSerializer),
)
@extend_schema(tags=["dashboard"])
class PolicyTargetViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = PolicyTargetOutputSerializer
    permission_classes = DASHBOARD
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self):
        return policy_target_list()

    def retrieve(self, request: Request, pk=None) -> Response:
        return Response(PolicyTargetDetailOutputSerializer(self.get_object()).data)

    @extend_schema(
        parameters=[
            TargetRecordsQueryInputSerializer,
            OpenApiParameter("page", int, description="页码，从1开始"),
            OpenApiParameter("page_size", int, description="每页条数（最多200）"),
        ],
        responses=TargetRecordsOutputSerializer,
        summary="下钻：自动计算的目标背后的记录（榜单或创新联合体；分页）",
    )
    @action(detail=True, methods=["get"])
    def records(self, request: Request, pk=None) -> Response:
        target: PolicyTarget = self.get_object()
        if not is_computed(target):
            raise NotFound(_("该目标为人工填报，没有可下钻的平台记录"))
        params = TargetRecordsQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        paginator = StandardPagination()
        page = paginator.paginate_queryset(target_records(target=target, **params.validated_data), request, view=self)
        rows = target_record_rows(target=target, records=page, viewer=request.user)
        return paginator.get_paginated_response(TargetRecordOutputSerializer(rows, many=True).data)

    @extend_schema(
        request=TargetProgressInputSerializer,
        responses={201: TargetProgressOutputSerializer},
        summary="填报目标进展（保留历史）",
        examples=[
            example(
                "高新技术企业数", {"value": "1980", "as_of": "2026-09-30", "note": "省科技厅高企认定公示（第二批）"}
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def progress(self, request: Request, pk=None) -> Response:
        target: PolicyTarget = self.get_object()
        data = TargetProgressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = target_progress_add(target=target, by=request.user, **data.validated_data)
        return Response(TargetProgressOutputSerializer(entry).data, status=status.HTTP_201_CREATED)


class QualificationVolumeView(APIView):
    permission_classes = DASHBOARD

    @extend_schema(
        parameters=[YearQueryInputSerializer],
        responses=QualificationVolumeOutputSerializer,
        tags=["dashboard"],
        summary="当年计入的技术交易额按企业资质分列（高新技术企业、科技型中小企业、专精特新、龙头企业）",
        description="资质以合同计入日期当天有效为准；同一企业可有多项资质，各行相加不等于合计。",
    )
    def get(self, request: Request) -> Response:
        params = YearQueryInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        p = params.validated_data
        year = p.get("year") or timezone.localdate().year
        body = volume_by_qualification(viewer=request.user, year=year, as_of=p.get("as_of"))
        return Response(QualificationVolumeOutputSerializer(body).data)


# The home page: the marketplace at a glance and the year's transaction volume against its target,
# composed here because the dashboard reads both (the marketplace must not import the dashboard).
class MarketplaceStatsView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=MarketplaceStatsOutputSerializer, tags=["industries"], summary="平台概况（首页）")
    def get(self, request: Request) -> Response:
        stats = {**marketplace_stats(), "transactions": year_progress(year=timezone.localdate().year)}
        return Response(MarketplaceStatsOutputSerializer(stats).data)
