from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Grant, MembershipRequest, Organisation, Region, User, validate_uscc
from accounts.selectors import can_read_verification_note


class UsccField(serializers.CharField):
    """Upper-cases and trims before the GB 32100-2015 check, as people type codes in lower case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("validators", [validate_uscc])
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data).strip().upper()


class OrganisationInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(choices=Organisation.Kind.choices)
    institute_type = serializers.ChoiceField(
        choices=Organisation.InstituteType.choices, required=False, allow_blank=True
    )
    uscc = UsccField()
    region = serializers.ChoiceField(
        choices=Organisation.region.field.choices,
        error_messages={"required": _("请选择机构所在地区"), "invalid_choice": _("请选择机构所在地区")},
    )
    province = serializers.CharField(max_length=30, required=False, allow_blank=True)
    city = serializers.CharField(max_length=30, required=False, allow_blank=True)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)


class OrganisationCreateInputSerializer(OrganisationInputSerializer):
    reason = serializers.CharField(max_length=500, help_text=_("开设依据，记入审计记录"))


class OrganisationUpdateInputSerializer(OrganisationInputSerializer):
    reason = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text=_("修改机构类型（仅运营方）时必填，记入审计记录")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class OrganisationSummaryOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "kind", "region", "verification"]


class OrganisationOutputSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    region_label = serializers.CharField(source="get_region_display")
    verification_label = serializers.CharField(source="get_verification_display")
    verification_note = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "kind",
            "kind_label",
            "institute_type",
            "uscc",
            "region",
            "region_label",
            "province",
            "city",
            "description",
            "website",
            "verification",
            "verification_label",
            "verified_at",
            "verification_note",
            "created_at",
        ]

    def get_verification_note(self, org: Organisation) -> str:
        request = self.context.get("request")
        viewer = getattr(request, "user", None) or self.context.get("viewer")
        return org.verification_note if can_read_verification_note(viewer=viewer, organisation=org) else ""


class OrganisationVerifyInputSerializer(serializers.Serializer):
    approved = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MemberAddInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})
    role = serializers.ChoiceField(choices=User.Role.choices, default=User.Role.MEMBER)


class RegisterInputSerializer(serializers.Serializer):
    username = serializers.RegexField(
        r"^[\w.@+-]+\Z", max_length=150, error_messages={"invalid": _("用户名只能包含字母、数字和 @/./+/-/_")}
    )
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    organisation = OrganisationInputSerializer(required=False, help_text=_("创建新机构（与 join_organisation 二选一）"))
    join_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.exclude(verification=Organisation.Verification.REJECTED),
        required=False,
        allow_null=True,
        help_text=_("申请加入的已有机构：其管理员同意后才成为成员"),
        error_messages={
            "does_not_exist": _("没有找到该机构，请重新搜索选择"),
            "incorrect_type": _("请选择要加入的机构"),
        },
    )
    join_message = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def validate(self, data):
        if data.get("organisation") and data.get("join_organisation"):
            raise serializers.ValidationError({"join_organisation": [_("创建新机构和申请加入已有机构只能选一项")]})
        return data


class MembershipRequestInputSerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.exclude(verification=Organisation.Verification.REJECTED),
        error_messages={
            "does_not_exist": _("没有找到该机构，请重新搜索选择"),
            "incorrect_type": _("请选择要加入的机构"),
        },
    )
    message = serializers.CharField(max_length=300, required=False, allow_blank=True)


class MembershipDecisionInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class MembershipRequestOutputSerializer(serializers.ModelSerializer):
    # Plain text, as in MeOutputSerializer: 中文 usernames are valid.
    username = serializers.CharField(source="user.username")
    email = serializers.CharField(source="user.email")
    organisation = OrganisationSummaryOutputSerializer()
    status_label = serializers.CharField(source="get_status_display")
    decided_by = serializers.CharField(source="decided_by.username", allow_null=True, default=None)

    class Meta:
        model = MembershipRequest
        fields = [
            "id",
            "username",
            "email",
            "organisation",
            "message",
            "status",
            "status_label",
            "created_at",
            "decided_by",
            "decided_at",
            "decision_note",
        ]


class TokenInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField()


class MeOutputSerializer(serializers.ModelSerializer):
    # Declared, not derived from the model: the model's validator is Unicode-aware (中文 usernames are
    # valid), and its pattern in the schema would read as ASCII-only `\w` to JSON Schema clients.
    username = serializers.CharField()
    organisation = OrganisationOutputSerializer(allow_null=True)
    is_operator = serializers.BooleanField()
    is_official = serializers.BooleanField()
    official_district = serializers.ChoiceField(
        choices=Region.choices, allow_null=True, help_text=_("政府部门权限限定的区县；空：全市")
    )

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "email",
            "organisation",
            "org_role",
            "is_operator",
            "is_official",
            "official_district",
        ]


class GrantInputSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.select_related("organisation"))
    power = serializers.ChoiceField(choices=Grant.Power.choices)
    district = serializers.ChoiceField(choices=Region.choices, required=False, allow_blank=True, default="")
    reason = serializers.CharField(max_length=500)


class GrantRevokeInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class GrantOutputSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username")
    organisation = OrganisationSummaryOutputSerializer(source="user.organisation", allow_null=True)
    granted_by = serializers.CharField(source="granted_by.username", allow_null=True, default=None)
    revoked_by = serializers.CharField(source="revoked_by.username", allow_null=True, default=None)

    class Meta:
        model = Grant
        fields = [
            "id",
            "user",
            "username",
            "organisation",
            "power",
            "district",
            "reason",
            "granted_by",
            "granted_at",
            "revoked_at",
            "revoked_by",
            "revoke_reason",
        ]


class RegisterOutputSerializer(serializers.Serializer):
    user = MeOutputSerializer()
    token = serializers.CharField()
