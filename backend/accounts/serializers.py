from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Organisation, User, validate_uscc


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
    institute_type = serializers.ChoiceField(choices=Organisation.InstituteType.choices, required=False, allow_blank=True)
    uscc = UsccField()
    region = serializers.ChoiceField(choices=Organisation.region.field.choices)
    province = serializers.CharField(max_length=30, required=False, allow_blank=True)
    city = serializers.CharField(max_length=30, required=False, allow_blank=True)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)


class OrganisationUpdateInputSerializer(OrganisationInputSerializer):
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

    class Meta:
        model = Organisation
        fields = [
            "id", "name", "kind", "kind_label", "institute_type", "uscc", "region", "region_label", "province", "city",
            "description", "website", "verification", "verification_label", "verified_at", "verification_note", "created_at",
        ]


class OrganisationVerifyInputSerializer(serializers.Serializer):
    approved = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MemberAddInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})
    role = serializers.ChoiceField(choices=User.Role.choices, default=User.Role.MEMBER)


class RegisterInputSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]+\Z", max_length=150, error_messages={"invalid": _("用户名只能包含字母、数字和 @/./+/-/_")})
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    organisation = OrganisationInputSerializer(required=False)

    def validate_username(self, value: str) -> str:
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError(_("该用户名已被注册"))
        return value


class TokenInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, write_only=True, style={"input_type": "password"})


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField()


class MeOutputSerializer(serializers.ModelSerializer):
    organisation = OrganisationOutputSerializer(allow_null=True)
    is_operator = serializers.BooleanField()
    is_official = serializers.BooleanField()

    class Meta:
        model = User
        fields = ["id", "username", "email", "organisation", "org_role", "is_operator", "is_official"]


class RegisterOutputSerializer(serializers.Serializer):
    user = MeOutputSerializer()
    token = serializers.CharField()
