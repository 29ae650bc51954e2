"""HTTP for qualifications and innovation consortia (accounts.qualifications). Kept apart from
accounts' views and serializers, which are about registration and powers; both follow the same
pattern: input serializer, one service or selector, output serializer."""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import InnovationConsortium, Organisation, Qualification
from accounts.qualifications import (
    can_record_qualifications,
    consortium_add,
    consortium_list,
    qualification_add,
    qualification_list,
    qualifications_import,
)
from core.openapi import example


class CanRecordQualifications(permissions.BasePermission):
    """Anyone signed in reads (the lists are public announcements); officials and the operator write."""

    message = gettext_lazy("只有政府部门或平台运营方可以录入企业资质和创新联合体")

    def has_permission(self, request, view) -> bool:
        return request.method in permissions.SAFE_METHODS or can_record_qualifications(request.user)


class QualificationInputSerializer(serializers.Serializer):
    uscc = serializers.CharField(max_length=18, help_text="统一社会信用代码")
    name = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=Qualification.Kind.choices)
    certificate_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(required=False, allow_null=True, default=None, help_text="留空：长期有效")
    source = serializers.CharField(max_length=200, help_text="如“2025年第一批高新技术企业认定名单”")


class QualificationOutputSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Qualification
        fields = [
            "id",
            "uscc",
            "name",
            "kind",
            "kind_label",
            "certificate_number",
            "valid_from",
            "valid_until",
            "source",
            "created_at",
        ]


class QualificationQueryInputSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=120, help_text="统一社会信用代码，或企业名称的一部分"
    )
    uscc = serializers.CharField(required=False, allow_blank=True, default="", max_length=18)
    kind = serializers.ChoiceField(choices=Qualification.Kind.choices, required=False, allow_blank=True, default="")
    current = serializers.BooleanField(required=False, default=False, help_text="只列今天有效的资质")


class QualificationImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="CSV（UTF-8 或 GBK）：统一社会信用代码、企业名称、资质、证书编号、有效期起、有效期止。"
        "资质可写全称或简称：高企、科小（科技型中小）、专精特新（专精特新中小企业）"
    )
    source = serializers.CharField(max_length=200, help_text="名单来源，如“2025年第一批高新技术企业认定名单”")


class QualificationImportErrorOutputSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="文件中的行号（第1行为表头）")
    field = serializers.CharField()
    message = serializers.CharField()


class QualificationImportOutputSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    errors = QualificationImportErrorOutputSerializer(
        many=True, help_text="每一行的每一个问题；有任何问题时不导入任何一行"
    )


@extend_schema_view(
    list=extend_schema(
        summary="企业资质（高新技术企业、科技型中小企业、专精特新、龙头企业）",
        parameters=[QualificationQueryInputSerializer],
    ),
)
@extend_schema(tags=["qualifications"])
class QualificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = QualificationOutputSerializer
    permission_classes = [permissions.IsAuthenticated, CanRecordQualifications]
    filter_backends: list = []

    def get_queryset(self):
        params = QualificationQueryInputSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return qualification_list(**params.validated_data)

    @extend_schema(
        request=QualificationInputSerializer,
        responses={201: QualificationOutputSerializer},
        summary="录入一项企业资质（政府部门或平台运营方）",
        examples=[
            example(
                "高新技术企业",
                {
                    "uscc": "91330500MA2B3C4D5E",
                    "name": "湖州某新材料有限公司",
                    "kind": "high_tech",
                    "valid_from": "2025-12-01",
                    "valid_until": "2028-11-30",
                    "source": "2025年第一批高新技术企业认定名单",
                },
            )
        ],
    )
    def create(self, request: Request) -> Response:
        data = QualificationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        qualification = qualification_add(by=request.user, **data.validated_data)
        return Response(QualificationOutputSerializer(qualification).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"multipart/form-data": QualificationImportInputSerializer},
        responses=QualificationImportOutputSerializer,
        examples=[
            OpenApiExample(
                "导入认定名单",
                value={"file": "2025年第一批高新技术企业认定名单.csv", "source": "2025年第一批高新技术企业认定名单"},
                request_only=True,
                media_type="multipart/form-data",
            )
        ],
        summary="导入资质名单（CSV；全部无误才导入，逐行列出全部问题）",
    )
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser, FormParser])
    def import_list(self, request: Request) -> Response:
        data = QualificationImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = qualifications_import(
            by=request.user, content=data.validated_data["file"].read(), source=data.validated_data["source"]
        )
        return Response(QualificationImportOutputSerializer(report).data)


class ConsortiumInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    lead = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all(), help_text="牵头企业的机构 id")
    members = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), many=True, required=False, default=list
    )
    established_on = serializers.DateField()
    source = serializers.CharField(max_length=200, help_text="认定或备案文件")


class ConsortiumMemberOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ConsortiumOutputSerializer(serializers.ModelSerializer):
    lead = ConsortiumMemberOutputSerializer()
    members = ConsortiumMemberOutputSerializer(many=True)
    led_by_leading_enterprise = serializers.BooleanField(
        help_text="牵头单位在组建之日持有有效的龙头企业资质（计入政策目标“龙头企业牵头组建创新联合体”）"
    )

    class Meta:
        model = InnovationConsortium
        fields = ["id", "name", "lead", "members", "established_on", "source", "led_by_leading_enterprise"]


@extend_schema_view(list=extend_schema(summary="创新联合体"))
@extend_schema(tags=["qualifications"])
class ConsortiumViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ConsortiumOutputSerializer
    permission_classes = [permissions.IsAuthenticated, CanRecordQualifications]
    filter_backends: list = []

    def get_queryset(self):
        return consortium_list()

    @extend_schema(
        request=ConsortiumInputSerializer,
        responses={201: ConsortiumOutputSerializer},
        examples=[
            example(
                "龙头企业牵头",
                {
                    "name": "湖州动力电池材料创新联合体",
                    "lead": 12,
                    "members": [31, 47],
                    "established_on": "2025-06-18",
                    "source": "湖州市科技局关于组建创新联合体的批复",
                },
            )
        ],
        summary="登记创新联合体（政府部门或平台运营方）",
    )
    def create(self, request: Request) -> Response:
        data = ConsortiumInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        consortium = consortium_add(by=request.user, **data.validated_data)
        return Response(
            ConsortiumOutputSerializer(consortium_list().get(pk=consortium.pk)).data, status=status.HTTP_201_CREATED
        )
