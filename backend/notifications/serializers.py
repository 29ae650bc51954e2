from rest_framework import serializers

from notifications.models import Notification


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
