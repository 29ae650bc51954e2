from rest_framework import serializers

from accounts.models import Organisation
from marketplace.models import ChallengeQuestion


class QuestionInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)


class AnswerInputSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=4000)
    public = serializers.BooleanField(
        help_text="true：公开答复（所有可查看榜单者可见，不显示提问单位）；false：私下回复"
    )


class QuestionOutputSerializer(serializers.ModelSerializer):
    """`asker` (the asking organisation's name) only for the owner and the operator; `mine` tells the
    asking organisation its own questions apart from the public ones."""

    asker = serializers.SerializerMethodField()
    mine = serializers.SerializerMethodField()

    class Meta:
        model = ChallengeQuestion
        fields = ["id", "text", "answer", "answered_at", "is_public", "created_at", "asker", "mine"]

    def get_asker(self, obj) -> str | None:
        return obj.organisation.name if self.context.get("sees_askers") else None

    def get_mine(self, obj) -> bool:
        return obj.organisation_id == self.context.get("organisation_id")


class QuestionListOutputSerializer(serializers.Serializer):
    results = QuestionOutputSerializer(many=True)
    can_ask = serializers.BooleanField()
    unanswered = serializers.IntegerField(help_text="未答复的问题数（发榜单位与平台运营方可见全部）")


class DeadlineExtensionInputSerializer(serializers.Serializer):
    bid_deadline = serializers.DateTimeField()
    reason = serializers.CharField(max_length=300)


class InvitationInputSerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())


class InvitationOutputSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(source="organisation_id")
    organisation_name = serializers.CharField(source="organisation.name")
    at = serializers.DateTimeField()
