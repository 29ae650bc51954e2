from rest_framework import serializers

from notifications.models import EmailPreference, Notification


class NotificationOutputSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "kind_label",
            "posting_kind",
            "posting_id",
            "about_kind",
            "about_id",
            "title",
            "body",
            "score",
            "created_at",
            "read",
            "read_at",
        ]

    def get_read(self, obj) -> bool:
        return obj.read_at is not None


class UnreadCountOutputSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class ReadAllOutputSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


class UnsubscribeInputSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=64)


class UnsubscribeOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()


class KindChannelsSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Notification.Kind.choices)
    digest = serializers.BooleanField(help_text="是否列入每日邮件摘要")
    email = serializers.BooleanField(help_text="是否立即发送邮件（立即发送的不再列入摘要）")


class KindChannelsOutputSerializer(KindChannelsSerializer):
    label = serializers.CharField()


class PreferencesOutputSerializer(serializers.Serializer):
    digest = serializers.BooleanField(help_text="总开关：关闭后不再发送任何通知邮件（站内通知不受影响）")
    has_email = serializers.BooleanField(help_text="账号是否填写了邮箱；没有邮箱时不会发送任何邮件")
    kinds = KindChannelsOutputSerializer(many=True)

    def to_representation(self, instance: EmailPreference):
        kinds = [
            {"kind": kind, "label": str(label), **instance.channels(kind)} for kind, label in Notification.Kind.choices
        ]
        return super().to_representation(
            {"digest": instance.digest, "has_email": bool(instance.user.email), "kinds": kinds}
        )


class PreferencesInputSerializer(serializers.Serializer):
    digest = serializers.BooleanField(required=False)
    kinds = KindChannelsSerializer(many=True, required=False, max_length=len(Notification.Kind.choices))
