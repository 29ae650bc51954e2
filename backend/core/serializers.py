from rest_framework import serializers

STATUS_CHOICES = [("ok", "ok"), ("error", "error")]


class HealthCheckOutputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=STATUS_CHOICES)
    vendor = serializers.CharField(required=False, help_text="数据库类型，如 sqlite、postgresql")
    mode = serializers.CharField(
        required=False, help_text="eager（请求内同步）、thread（本进程后台线程）或消息代理的协议，如 redis"
    )
    url = serializers.CharField(required=False, help_text="服务地址（密码已隐去）")
    backend = serializers.CharField(required=False, help_text="搜索后端：local 或 elasticsearch")
    name = serializers.CharField(required=False, help_text="向量编码器名称")
    detail = serializers.CharField(required=False)


class HealthChecksOutputSerializer(serializers.Serializer):
    database = HealthCheckOutputSerializer()
    broker = HealthCheckOutputSerializer()
    search = HealthCheckOutputSerializer()
    encoder = HealthCheckOutputSerializer()


class HealthOutputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=STATUS_CHOICES)
    version = serializers.CharField()
    checks = HealthChecksOutputSerializer()
