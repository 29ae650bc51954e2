"""The API's JSON parser: refuses a NUL character anywhere in the body.

PostgreSQL text cannot hold NUL (0x00), so a NUL that reached a query (a lookup by an industry
code, a filter) was a 500 there and nothing on SQLite (tests/fuzz found it in CI). DRF's CharField
already refuses NUL in the fields it validates; this catches every other string, keys included."""
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as DRFJSONParser


def contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False


class JSONParser(DRFJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if contains_nul(data):
            raise ParseError(_("请求内容含有空字符（\\u0000），无法保存"))
        return data
