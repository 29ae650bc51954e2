"""Field messages in plain Chinese where DRF's own read as framework phrasing."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


def use_plain_field_messages() -> None:
    """Call from CoreConfig.ready(), before any serializer is defined: a CharField copies its
    max_length message when it is created. DRF says "请确保这个字段不能超过 120 个字符。";
    people who pasted a long text need the limit and what to do."""
    serializers.CharField.default_error_messages["max_length"] = _("最多 {max_length} 个字，请删减后再提交")
